#include "storage/LeadSortIndexes.h"

#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace outpost {

namespace {

const char kSuspendedKey[] = "ingest.suspended_indexes";

// Sorts a person can choose but does not start with, the status chip's index
// and the campaign builder's audience indexes (its preview is not used during
// a first fill). Restored in this order: the status chip and the "Updated"
// sort come back first.
const char *const kSuspendable[] = {"leads_by_status_id",        "leads_by_updated",         "leads_by_name",
                                    "leads_by_created",          "leads_by_last_message",    "leads_audience_by_status",
                                    "leads_audience_by_channel", "leads_audience_by_source", "leads_audience_by_agent"};

Result<QSqlQuery> prepared(Database &db, const QString &sql, const char *what)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return makeError(QStringLiteral("cannot %1: %2").arg(QLatin1StringView(what), q.lastError().databaseText()));
    return q;
}

Result<QStringList> savedStatements(Database &db)
{
    auto q = prepared(db, QStringLiteral("SELECT value FROM meta WHERE key = ?"), "read the suspended indexes");
    if (!q)
        return q.error();
    q->bindValue(0, QString::fromLatin1(kSuspendedKey));
    if (auto r = Database::exec(*q, "read the suspended indexes"); !r)
        return r.error();
    if (!q->next())
        return QStringList();
    QStringList statements;
    const QJsonArray array = QJsonDocument::fromJson(q->value(0).toString().toUtf8()).array();
    for (const QJsonValue &v : array)
        statements << v.toString();
    return statements;
}

Result<void> saveStatements(Database &db, const QStringList &statements)
{
    auto q = prepared(db,
                      statements.isEmpty() ? QStringLiteral("DELETE FROM meta WHERE key = ?")
                                           : QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"),
                      "remember the suspended indexes");
    if (!q)
        return q.error();
    q->bindValue(0, QString::fromLatin1(kSuspendedKey));
    if (!statements.isEmpty())
        q->bindValue(
            1, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(statements)).toJson(QJsonDocument::Compact)));
    return Database::exec(*q, "remember the suspended indexes");
}

// "CREATE INDEX name ON ...": the name.
QString indexNameOf(const QString &createStatement)
{
    return createStatement.section(QLatin1Char(' '), 2, 2);
}

Result<bool> holdsMoreThan(Database &db, qint64 leads)
{
    auto q =
        prepared(db, QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM leads LIMIT ?)"), "count the cached leads");
    if (!q)
        return q.error();
    q->bindValue(0, leads + 1);
    if (auto r = Database::exec(*q, "count the cached leads"); !r)
        return r.error();
    return q->next() && q->value(0).toLongLong() > leads;
}

} // namespace

Result<void> LeadSortIndexes::replaceSoon(Database &db, const QStringList &createStatements)
{
    constexpr qint64 kInlineUpTo = 50000;
    auto saved = savedStatements(db);
    if (!saved)
        return saved.error();
    QStringList names;
    for (const QString &statement : createStatements)
        names << indexNameOf(statement);
    QStringList kept;
    for (const QString &statement : std::as_const(*saved)) {
        if (!names.contains(indexNameOf(statement)))
            kept << statement;
    }
    auto big = holdsMoreThan(db, kInlineUpTo);
    if (!big)
        return big.error();
    if (*big)
        return saveStatements(db, kept + createStatements);
    for (const QString &statement : createStatements) {
        if (auto r = db.execute(statement, "create an index"); !r)
            return r;
    }
    return saveStatements(db, kept);
}

Result<void> LeadSortIndexes::suspend(Database &db)
{
    auto saved = savedStatements(db);
    if (!saved)
        return saved.error();
    QStringList statements = *saved;
    for (const char *name : kSuspendable) {
        auto q = prepared(db, QStringLiteral("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?"),
                          "read an index definition");
        if (!q)
            return q.error();
        q->bindValue(0, QString::fromLatin1(name));
        if (auto r = Database::exec(*q, "read an index definition"); !r)
            return r;
        if (!q->next() || q->value(0).isNull())
            continue; // already suspended, or gone from the schema
        statements << q->value(0).toString();
        q->finish();
        // Index names come from the list above, never from input.
        if (auto r = db.execute(QStringLiteral("DROP INDEX %1").arg(QLatin1StringView(name)), "suspend an index"); !r)
            return r;
    }
    if (statements.isEmpty())
        return {};
    return saveStatements(db, statements);
}

Result<bool> LeadSortIndexes::suspended(Database &db)
{
    auto saved = savedStatements(db);
    if (!saved)
        return saved.error();
    return !saved->isEmpty();
}

Result<void> LeadSortIndexes::restoreOne(Database &db)
{
    auto saved = savedStatements(db);
    if (!saved)
        return saved.error();
    if (saved->isEmpty())
        return {};
    // The statement is the schema's own, read back from sqlite_schema.
    QString sql = saved->takeFirst();
    sql.replace(QStringLiteral("CREATE INDEX "), QStringLiteral("CREATE INDEX IF NOT EXISTS "));
    if (auto r = db.execute(sql, "restore an index"); !r)
        return r;
    return saveStatements(db, *saved);
}

} // namespace outpost
