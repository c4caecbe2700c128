#include "SimStore.h"

#include <QAtomicInt>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

namespace outpost::sim {

namespace {

// Few indexes on purpose: every one of them slows the million-lead seed.
const char *const schema[] = {
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS leads("
    " id INTEGER PRIMARY KEY, name TEXT NOT NULL, phone TEXT NOT NULL, email TEXT, status TEXT NOT NULL,"
    " channel TEXT NOT NULL, source TEXT, tags TEXT NOT NULL DEFAULT '', assigned_agent TEXT,"
    " escalated INTEGER NOT NULL DEFAULT 0, score INTEGER, rating REAL,"
    " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, last_message_at INTEGER,"
    " first_in_at INTEGER, first_out_at INTEGER, last_in_at INTEGER, last_out_at INTEGER,"
    " human_replies INTEGER NOT NULL DEFAULT 0, resolved_at INTEGER)",
    "CREATE TABLE IF NOT EXISTS messages(id INTEGER PRIMARY KEY, lead_id INTEGER NOT NULL, direction TEXT NOT NULL,"
    " author TEXT, text TEXT NOT NULL, channel TEXT, sent_at INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS notes(id INTEGER PRIMARY KEY, lead_id INTEGER NOT NULL, author TEXT,"
    " text TEXT NOT NULL, created_at INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS appointments(id INTEGER PRIMARY KEY, lead_id INTEGER NOT NULL,"
    " datetime TEXT NOT NULL, service TEXT, status TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS deleted_leads(id INTEGER PRIMARY KEY, deleted_at INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS api_keys(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, prefix TEXT NOT "
    "NULL,"
    " hash TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL, last_used_at INTEGER, expires_at INTEGER,"
    " revoked_at INTEGER)",
    "CREATE TABLE IF NOT EXISTS campaigns(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, filters TEXT NOT "
    "NULL,"
    " message TEXT NOT NULL, status TEXT NOT NULL, created_at INTEGER NOT NULL, sent_at INTEGER,"
    " queued INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS webhooks(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, url TEXT NOT NULL,"
    " events TEXT NOT NULL, secret TEXT NOT NULL, is_active INTEGER NOT NULL DEFAULT 1,"
    " created_at INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS deliveries(id INTEGER PRIMARY KEY, webhook_id INTEGER NOT NULL,"
    " event_id TEXT NOT NULL, event TEXT NOT NULL, attempt INTEGER NOT NULL, status_code INTEGER NOT NULL,"
    " duration_ms INTEGER NOT NULL, attempted_at INTEGER NOT NULL, ok INTEGER NOT NULL, error TEXT)",
    "CREATE TABLE IF NOT EXISTS idempotency(key_id INTEGER NOT NULL, idem_key TEXT NOT NULL,"
    " status INTEGER NOT NULL, body BLOB NOT NULL, created_at INTEGER NOT NULL,"
    " PRIMARY KEY(key_id, idem_key))",
    "CREATE TABLE IF NOT EXISTS ledger(seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, method TEXT NOT NULL,"
    " path TEXT NOT NULL, query TEXT NOT NULL, status INTEGER NOT NULL, key_id INTEGER,"
    " idem_key TEXT, mutation TEXT, replayed INTEGER NOT NULL DEFAULT 0, fault TEXT)",
};

// Built after a bulk seed rather than row by row during it: much faster.
const char *const indexes[] = {
    "CREATE INDEX IF NOT EXISTS leads_by_update ON leads(updated_at, id)",
    "CREATE INDEX IF NOT EXISTS messages_by_lead ON messages(lead_id)",
    "CREATE INDEX IF NOT EXISTS notes_by_lead ON notes(lead_id)",
    "CREATE INDEX IF NOT EXISTS appointments_by_lead ON appointments(lead_id)",
};

QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("outpost-sim-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

SimStore::SimStore()
    : m_connectionName(nextConnectionName())
{}

SimStore::~SimStore()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool SimStore::open(const QString &path, QString *error)
{
    m_path = path;
    if (m_path.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        if (!m_tempDir->isValid()) {
            *error = QStringLiteral("cannot create a temporary directory for the sim database");
            return false;
        }
        m_path = m_tempDir->filePath(QStringLiteral("sim.sqlite"));
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    if (!m_db.open()) {
        *error = QStringLiteral("cannot open %1: %2").arg(m_path, m_db.lastError().text());
        return false;
    }
    exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    return createSchema(error);
}

sqlite3 *SimStore::handle() const
{
    const QVariant h = m_db.driver()->handle();
    if (!h.isValid() || qstrcmp(h.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(h.data());
}

bool SimStore::createSchema(QString *error)
{
    QSqlQuery q(m_db);
    for (const char *statement : schema) {
        if (!q.exec(QString::fromLatin1(statement))) {
            *error = QStringLiteral("schema: %1").arg(q.lastError().text());
            return false;
        }
    }
    createIndexes();
    return true;
}

void SimStore::createIndexes()
{
    for (const char *statement : indexes)
        exec(QString::fromLatin1(statement));
}

void SimStore::dropIndexes()
{
    for (const char *name : {"leads_by_update", "messages_by_lead", "notes_by_lead", "appointments_by_lead"})
        exec(QStringLiteral("DROP INDEX IF EXISTS ") + QLatin1StringView(name));
}

void SimStore::begin()
{
    if (m_depth++ == 0)
        m_db.transaction();
}

void SimStore::commit()
{
    if (m_depth > 0 && --m_depth == 0)
        m_db.commit();
}

bool SimStore::isSeeded() const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'seeded'"));
    return q.exec() && q.next();
}

void SimStore::markSeeded(qint64 leads, quint64 seed)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES ('seeded', ?)"));
    q.addBindValue(QStringLiteral("%1 leads, seed %2").arg(leads).arg(seed));
    q.exec();
}

void SimStore::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        qWarning("outpost-sim: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
}

} // namespace outpost::sim
