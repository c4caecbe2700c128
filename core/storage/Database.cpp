#include "storage/Database.h"

#include "common/Logging.h"
#include "storage/Migrations.h"
#include "storage/SqlFunctions.h"

#include <QAtomicInteger>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace outpost {

namespace {

QAtomicInteger<quint64> s_connectionCounter;

#ifdef OUTPOST_TEST_HOOKS
QAtomicInt s_failAt;
QAtomicInt s_writes;

bool isWrite(const QSqlQuery &query)
{
    const QString sql = query.lastQuery().trimmed().left(8).toUpper();
    return sql.startsWith(QLatin1StringView("INSERT")) || sql.startsWith(QLatin1StringView("UPDATE")) ||
           sql.startsWith(QLatin1StringView("DELETE")) || sql.startsWith(QLatin1StringView("REPLACE"));
}

bool injectedFailure(const QSqlQuery &query)
{
    if (s_failAt.loadRelaxed() == 0 || !isWrite(query))
        return false;
    return s_writes.fetchAndAddRelaxed(1) + 1 == s_failAt.loadRelaxed();
}
#endif

QString describe(const QSqlError &error)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return text.isEmpty() ? QStringLiteral("unknown SQLite error") : text;
}

} // namespace

Database::~Database()
{
    close();
}

Database::Database(Database &&other) noexcept
    : m_db(std::move(other.m_db))
    , m_connectionName(std::move(other.m_connectionName))
    , m_path(std::move(other.m_path))
{
    other.m_db = QSqlDatabase();
    other.m_connectionName.clear();
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::move(other.m_db);
        m_connectionName = std::move(other.m_connectionName);
        m_path = std::move(other.m_path);
        other.m_db = QSqlDatabase();
        other.m_connectionName.clear();
    }
    return *this;
}

void Database::close()
{
    if (m_connectionName.isEmpty())
        return;
    if (m_db.isOpen())
        m_db.close();
    // Drop our handle first: removeDatabase warns while any copy is alive.
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

Result<Database> Database::openConnection(const QString &path)
{
    Database d;
    d.m_path = path;
    d.m_connectionName = QStringLiteral("outpost-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1));
    d.m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d.m_connectionName);
    d.m_db.setDatabaseName(path);
    d.m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!d.m_db.open())
        return makeError(QStringLiteral("cannot open the cache %1: %2").arg(path, describe(d.m_db.lastError())));

    // WAL: readers never wait for the writer. NORMAL is durable across crashes of
    // the process (a power cut may lose the last commits, never corrupt the file).
    // No mmap: every page a scan touched through a mapping stays in the
    // process's resident set (hundreds of MB at a million leads, per
    // connection); read through the bounded page cache, the OS caches the file.
    const char *pragmas[] = {
        "PRAGMA journal_mode=WAL",  "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000",
        "PRAGMA temp_store=MEMORY", "PRAGMA cache_size=-16384",  "PRAGMA mmap_size=0",
    };
    for (const char *pragma : pragmas) {
        auto r = d.execute(QString::fromLatin1(pragma), "configure the connection");
        if (!r)
            return r.error();
    }
    auto functions = SqlFunctions::registerOn(d);
    if (!functions)
        return functions.error();
    QSqlQuery mode(d.m_db);
    if (!mode.exec(QStringLiteral("PRAGMA journal_mode")) || !mode.next() ||
        mode.value(0).toString() != QLatin1StringView("wal"))
        return makeError(QStringLiteral("cannot switch %1 to WAL mode (is it on a network file system?)").arg(path));
    return d;
}

Result<Database> Database::openRaw(const QString &path)
{
    return openConnection(path);
}

Result<Database> Database::open(const QString &path)
{
    auto d = openConnection(path);
    if (!d)
        return d;
    auto migrated = Migrations::migrate(d.value());
    if (!migrated)
        return migrated.error();
    return d;
}

Result<void> Database::exec(QSqlQuery &query, const char *what)
{
#ifdef OUTPOST_TEST_HOOKS
    if (injectedFailure(query))
        return makeError(QStringLiteral("cannot %1: injected write failure").arg(QLatin1StringView(what)));
#endif
    if (!query.exec()) {
        qCWarning(lcStorage) << "cannot" << what << ":" << describe(query.lastError());
        return makeError(QStringLiteral("cannot %1: %2").arg(QLatin1StringView(what), describe(query.lastError())));
    }
    return {};
}

Result<void> Database::execute(const QString &sql, const char *what)
{
    QSqlQuery query(m_db);
    if (!query.prepare(sql))
        return makeError(QStringLiteral("cannot %1: %2").arg(QLatin1StringView(what), describe(query.lastError())));
    return exec(query, what);
}

sqlite3 *Database::handle()
{
    const QVariant h = m_db.driver() ? m_db.driver()->handle() : QVariant();
    if (!h.isValid() || qstrcmp(h.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(h.data());
}

Result<void> Database::beforeRawWrite(const char *what)
{
#ifdef OUTPOST_TEST_HOOKS
    if (s_failAt.loadRelaxed() != 0 && s_writes.fetchAndAddRelaxed(1) + 1 == s_failAt.loadRelaxed())
        return makeError(QStringLiteral("cannot %1: injected write failure").arg(QLatin1StringView(what)));
#else
    Q_UNUSED(what);
#endif
    return {};
}

Result<void> Database::begin()
{
    // IMMEDIATE takes the write lock now, so a busy writer is waited for here
    // (busy_timeout) rather than failing half-way through the transaction.
    return execute(QStringLiteral("BEGIN IMMEDIATE"), "start a transaction");
}

Result<void> Database::commit()
{
    auto r = execute(QStringLiteral("COMMIT"), "commit");
    if (!r)
        rollback();
    return r;
}

void Database::rollback()
{
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK"));
}

#ifdef OUTPOST_TEST_HOOKS
void Database::failNthWrite(int n)
{
    s_writes.storeRelaxed(0);
    s_failAt.storeRelaxed(n);
}

int Database::writesSinceArmed()
{
    return s_writes.loadRelaxed();
}
#endif

} // namespace outpost
