#include "outbox/OutboxTable.h"

#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace outpost {

namespace {

QJsonObject objectFrom(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QDateTime timeOf(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

OutboxRow rowFrom(const QSqlQuery &q)
{
    OutboxRow row;
    row.id = q.value(0).toLongLong();
    row.op = OutboxRow::opFromName(q.value(1).toString()).value_or(OutboxRow::Op::SetStatus);
    for (const QJsonValue &id : QJsonDocument::fromJson(q.value(2).toString().toUtf8()).array())
        row.leadIds << id.toInteger();
    row.payload = objectFrom(q.value(3));
    row.idempotencyKey = q.value(4).toString();
    row.base = objectFrom(q.value(5));
    row.state = OutboxRow::stateFromName(q.value(6).toString()).value_or(OutboxRow::State::Failed);
    row.attempts = q.value(7).toInt();
    row.lastError = q.value(8).toString();
    row.createdAt = timeOf(q.value(9));
    row.updatedAt = timeOf(q.value(10));
    row.firstSentAt = timeOf(q.value(11));
    if (!q.value(12).isNull())
        row.probe = q.value(12).toInt();
    row.conflict = objectFrom(q.value(13));
    row.result = objectFrom(q.value(14));
    row.localRef = q.value(15).toString();
    return row;
}

const char kColumns[] = "o.id, o.op, o.lead_ids, o.payload, o.idempotency_key, o.base, o.state, o.attempts, "
                        "o.last_error, o.created_at, o.updated_at, o.first_sent_at, o.probe, o.conflict, o.result, "
                        "o.local_ref";

void bindAll(QSqlQuery &q, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
}

} // namespace

OutboxTable::OutboxTable(Database &db)
    : m_db(db)
{}

Result<void> OutboxTable::inTransaction(const std::function<Result<void>()> &work)
{
    auto began = m_db.begin();
    if (!began)
        return began;
    Result<void> done = work();
    if (!done) {
        m_db.rollback();
        return done;
    }
    return m_db.commit();
}

QString OutboxTable::toJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString OutboxTable::idsJson(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

qint64 OutboxTable::nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Error OutboxTable::noSuchRow(qint64 rowId)
{
    return makeError(tr("There is no outbox row %1.").arg(rowId));
}

// ---- Reading ----

Result<QList<OutboxRow>> OutboxTable::select(const QString &where, const QVariantList &values, int limit)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM outbox o %2 ORDER BY o.id LIMIT %3")
                  .arg(QLatin1StringView(kColumns), where)
                  .arg(limit));
    bindAll(q, values);
    auto r = Database::exec(q, "read the outbox");
    if (!r)
        return r.error();
    QList<OutboxRow> rows;
    while (q.next())
        rows << rowFrom(q);
    return rows;
}

Result<OutboxTable::Counts> OutboxTable::counts()
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT state, count(*) FROM outbox WHERE state <> 'done' GROUP BY state"));
    auto r = Database::exec(q, "count the outbox");
    if (!r)
        return r.error();
    Counts counts;
    while (q.next()) {
        const auto state = OutboxRow::stateFromName(q.value(0).toString());
        const int n = q.value(1).toInt();
        switch (state.value_or(OutboxRow::State::Failed)) {
        case OutboxRow::State::Pending:
        case OutboxRow::State::Sending:
            counts.pending += n;
            break;
        case OutboxRow::State::Conflict:
            counts.conflicts += n;
            break;
        case OutboxRow::State::NeedsReview:
            counts.needsReview += n;
            break;
        default:
            counts.failed += n;
            break;
        }
    }
    return counts;
}

Result<QList<OutboxRow>> OutboxTable::rows(bool includeDone)
{
    return select(includeDone ? QString() : QStringLiteral("WHERE o.state <> 'done'"), {});
}

Result<QList<OutboxRow>> OutboxTable::conflicts()
{
    return select(QStringLiteral("WHERE o.state = 'conflict'"), {});
}

Result<std::optional<OutboxRow>> OutboxTable::row(qint64 rowId)
{
    auto found = select(QStringLiteral("WHERE o.id = ?"), {rowId});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<OutboxRow>();
    return std::optional<OutboxRow>(found->first());
}

Result<QSet<qint64>> OutboxTable::pendingLeadIds()
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT DISTINCT t.lead_id FROM outbox_targets t JOIN outbox o ON o.id = t.row_id "
                             "WHERE o.state <> 'done'"));
    auto r = Database::exec(q, "read the outbox");
    if (!r)
        return r.error();
    QSet<qint64> ids;
    while (q.next())
        ids.insert(q.value(0).toLongLong());
    return ids;
}

Result<QList<OutboxRow>> OutboxTable::openRowsOf(qint64 leadId)
{
    return select(QStringLiteral("WHERE o.state <> 'done' AND o.id IN (SELECT row_id FROM outbox_targets WHERE "
                                 "lead_id = ?)"),
                  {leadId});
}

Result<bool> OutboxTable::laterOpenRowTouches(const OutboxRow &row)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT 1 FROM outbox_targets t JOIN outbox_targets e ON e.lead_id = t.lead_id "
                             "JOIN outbox o ON o.id = e.row_id WHERE t.row_id = ? AND o.id > ? AND o.state <> 'done' "
                             "LIMIT 1"));
    bindAll(q, {row.id, row.id});
    auto r = Database::exec(q, "read the outbox");
    if (!r)
        return r.error();
    return q.next();
}

// ---- Writing ----

Result<qint64> OutboxTable::insert(OutboxRow::Op op, const QList<qint64> &leadIds, const QJsonObject &payload,
                                   const QJsonObject &base, const QString &key, const QString &localRef)
{
    const qint64 now = nowMs();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO outbox (op, lead_ids, payload, idempotency_key, base, state, created_at, "
                             "updated_at, local_ref) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)"));
    bindAll(q, {OutboxRow::opName(op), idsJson(leadIds), toJson(payload), key, toJson(base), now, now, localRef});
    auto r = Database::exec(q, "queue a change");
    if (!r)
        return r.error();
    const qint64 rowId = q.lastInsertId().toLongLong();
    QSqlQuery t(m_db.connection());
    t.prepare(QStringLiteral("INSERT OR IGNORE INTO outbox_targets (lead_id, row_id) VALUES (?, ?)"));
    for (qint64 leadId : leadIds) {
        bindAll(t, {leadId, rowId});
        if (auto w = Database::exec(t, "queue a change"); !w)
            return w.error();
    }
    return rowId;
}

Result<void> OutboxTable::update(qint64 rowId, const QString &assignments, const QVariantList &values)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE outbox SET %1, updated_at = ? WHERE id = ?").arg(assignments));
    bindAll(q, values + QVariantList{nowMs(), rowId});
    return Database::exec(q, "update the outbox");
}

Result<void> OutboxTable::deleteRow(qint64 rowId)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE id = ?"));
    q.bindValue(0, rowId);
    return Database::exec(q, "take back a queued change");
}

Result<void> OutboxTable::keepOnly(qint64 rowId, const QList<qint64> &leadIds)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM outbox_targets WHERE row_id = ? AND lead_id NOT IN (SELECT value FROM "
                             "json_each(?))"));
    bindAll(q, {rowId, idsJson(leadIds)});
    if (auto r = Database::exec(q, "update the outbox"); !r)
        return r;
    return update(rowId, QStringLiteral("lead_ids = ?"), {idsJson(leadIds)});
}

} // namespace outpost
