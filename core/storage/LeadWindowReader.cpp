#include "storage/LeadWindowReader.h"

#include "storage/Database.h"
#include "storage/LeadSql.h"
#include "storage/ReadSnapshot.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <sqlite3.h>

namespace outpost {

namespace {

// The columns of LeadSql::columns(), in order.
enum Column {
    Id,
    Name,
    Phone,
    Email,
    Status,
    Channel,
    Source,
    Tags,
    Agent,
    Escalated,
    Score,
    Rating,
    CreatedAt,
    UpdatedAt,
    LastMessageAt,
};

bool isNull(sqlite3_stmt *st, int column)
{
    return sqlite3_column_type(st, column) == SQLITE_NULL;
}

QByteArrayView utf8Of(sqlite3_stmt *st, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(st, column));
    return QByteArrayView(text, sqlite3_column_bytes(st, column));
}

// As LeadStore reads text: NULL stays a null QString, an empty text is empty, not null.
QString textOf(sqlite3_stmt *st, int column)
{
    if (isNull(st, column))
        return {};
    QString s = QString::fromUtf8(utf8Of(st, column));
    return s.isNull() ? QStringLiteral("") : s;
}

QDateTime timeOf(sqlite3_stmt *st, int column)
{
    return isNull(st, column) ? QDateTime() : QDateTime::fromMSecsSinceEpoch(sqlite3_column_int64(st, column), Qt::UTC);
}

QStringList tagsOf(sqlite3_stmt *st, int column)
{
    QStringList tags;
    const QJsonArray array = QJsonDocument::fromJson(utf8Of(st, column).toByteArray()).array();
    tags.reserve(array.size());
    for (const QJsonValue &v : array)
        tags.append(v.toString());
    return tags;
}

Lead leadOf(sqlite3_stmt *st)
{
    Lead lead;
    lead.id = sqlite3_column_int64(st, Id);
    lead.name = textOf(st, Name);
    lead.phone = textOf(st, Phone);
    lead.email = textOf(st, Email);
    lead.status = LeadStatus::fromString(QString::fromUtf8(utf8Of(st, Status)));
    lead.channel = textOf(st, Channel);
    lead.source = textOf(st, Source);
    lead.tags = tagsOf(st, Tags);
    lead.assignedAgent = textOf(st, Agent);
    lead.escalated = sqlite3_column_int(st, Escalated) != 0;
    if (!isNull(st, Score))
        lead.score = sqlite3_column_int(st, Score);
    if (!isNull(st, Rating))
        lead.rating = sqlite3_column_double(st, Rating);
    lead.createdAt = timeOf(st, CreatedAt);
    lead.updatedAt = timeOf(st, UpdatedAt);
    lead.lastMessageAt = timeOf(st, LastMessageAt);
    return lead;
}

int bind(sqlite3_stmt *st, int i, const QVariant &v)
{
    if (v.isNull())
        return sqlite3_bind_null(st, i);
    switch (v.typeId()) {
    case QMetaType::QString: {
        const QByteArray utf8 = v.toString().toUtf8();
        return sqlite3_bind_text(st, i, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    }
    case QMetaType::Double:
    case QMetaType::Float:
        return sqlite3_bind_double(st, i, v.toDouble());
    default:
        return sqlite3_bind_int64(st, i, v.toLongLong());
    }
}

} // namespace

LeadWindowReader::LeadWindowReader(Database &db)
    : m_handle(db.handle())
{}

LeadWindowReader::~LeadWindowReader()
{
    clearStatements();
}

void LeadWindowReader::clearStatements()
{
    for (auto &[sql, st] : m_statements)
        sqlite3_finalize(st);
    m_statements.clear();
}

Result<sqlite3_stmt *> LeadWindowReader::statement(const QString &sql)
{
    // A few statement shapes repeat (the filters people use, both directions).
    constexpr size_t kMaxStatements = 64;
    if (auto it = m_statements.find(sql); it != m_statements.end())
        return it->second;
    if (!m_handle)
        return makeError(QStringLiteral("the cache connection has no SQLite handle"));
    if (m_statements.size() >= kMaxStatements)
        clearStatements();
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v3(m_handle, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_PREPARE_PERSISTENT, &st,
                           nullptr) != SQLITE_OK) {
        sqlite3_finalize(st);
        return makeError(QStringLiteral("cannot prepare a cache query: ") +
                         QString::fromUtf8(sqlite3_errmsg(m_handle)));
    }
    m_statements.emplace(sql, st);
    return st;
}

Result<sqlite3_stmt *> LeadWindowReader::bound(const LeadSql::Statement &sql)
{
    auto st = statement(sql.sql);
    if (!st)
        return st.error();
    for (int i = 0; i < sql.values.size(); ++i) {
        if (bind(*st, i + 1, sql.values.at(i)) != SQLITE_OK) {
            const QString error = QString::fromUtf8(sqlite3_errmsg(m_handle));
            sqlite3_reset(*st);
            return makeError(QStringLiteral("cannot read leads: ") + error);
        }
    }
    return st;
}

Result<void> LeadWindowReader::done(sqlite3_stmt *st, int rc)
{
    const QString error = rc == SQLITE_DONE ? QString() : QString::fromUtf8(sqlite3_errmsg(m_handle));
    // Done reading: no statement left open may pin an old WAL snapshot.
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (!error.isEmpty())
        return makeError(QStringLiteral("cannot read leads: ") + error);
    return {};
}

Result<QList<Lead>> LeadWindowReader::window(const LeadQuery &query)
{
    const LeadSql::Window window = LeadSql::window(query);
    const ReadSnapshot snapshot(m_handle, window.parts.size() > 1);
    LeadSql::Window::Count count(window);
    QList<Lead> leads;
    leads.reserve(query.limit);
    for (const LeadSql::Statement &part : window.parts) {
        if (count.full())
            break;
        auto st = bound(part);
        if (!st)
            return st.error();
        int rc = SQLITE_DONE;
        while (!count.full() && (rc = sqlite3_step(*st)) == SQLITE_ROW) {
            if (count.keep())
                leads.append(leadOf(*st));
        }
        if (auto finished = done(*st, rc == SQLITE_ROW ? SQLITE_DONE : rc); !finished)
            return finished.error();
    }
    return leads;
}

Result<LeadWindowReader::FirstPage> LeadWindowReader::firstPage(const LeadQuery &query, qint64 cap)
{
    LeadQuery first = query;
    first.offset = 0;
    first.after.reset();
    auto rows = window(first);
    if (!rows)
        return rows.error();
    FirstPage page{rows->size(), std::move(rows).value()};
    // A short first window is the whole list: its count costs nothing more.
    if (page.matches < first.limit)
        return page;
    auto count = bound(LeadSql::count(query.filter, cap + 1));
    if (!count)
        return count.error();
    int rc = sqlite3_step(*count);
    if (rc == SQLITE_ROW) {
        page.matches = sqlite3_column_int64(*count, 0);
        rc = sqlite3_step(*count);
    }
    if (auto finished = done(*count, rc); !finished)
        return finished.error();
    return page;
}

} // namespace outpost
