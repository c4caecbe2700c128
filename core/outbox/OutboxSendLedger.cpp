#include "outbox/OutboxSendLedger.h"

#include "outbox/OutboxTable.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

namespace outpost {

namespace {

const QString kOpenStates = QStringLiteral("('pending', 'sending', 'needs-review', 'conflict')");
// A refused or not-allowed row still holds its optimistic change in the cache,
// and later rows on its leads were based on it: sending them first would show
// the person a conflict with their own refused edit. They wait for a retry or
// a discard.
const QString kHoldingStates =
    QStringLiteral("('pending', 'sending', 'needs-review', 'conflict', 'failed', 'not-allowed')");

} // namespace

OutboxSendLedger::OutboxSendLedger(OutboxTable &table)
    : m_table(table)
{}

Result<int> OutboxSendLedger::pruneDone(qint64 beforeMs)
{
    // A campaign's rows stay while the campaign does: its status is read through them.
    QSqlQuery q(m_table.database().connection());
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE state = 'done' AND updated_at < ? AND idempotency_key NOT IN "
                             "(SELECT send_key FROM campaigns WHERE send_key IS NOT NULL UNION "
                             "SELECT create_key FROM campaigns WHERE create_key IS NOT NULL)"));
    q.bindValue(0, beforeMs);
    auto r = Database::exec(q, "forget changes the service had long ago");
    if (!r)
        return r.error();
    return q.numRowsAffected();
}

Result<std::optional<OutboxRow>> OutboxSendLedger::nextSendable(const QSet<qint64> &skip)
{
    const QString where =
        QStringLiteral(
            "WHERE o.state IN ('pending', 'sending') AND o.id NOT IN (SELECT value FROM json_each(?)) "
            "AND NOT EXISTS (SELECT 1 FROM outbox_targets t JOIN outbox_targets e ON e.lead_id = t.lead_id "
            "  JOIN outbox p ON p.id = e.row_id WHERE t.row_id = o.id AND p.id < o.id AND p.state IN %1) "
            "AND (o.op NOT LIKE 'campaign-%' OR NOT EXISTS (SELECT 1 FROM outbox p WHERE p.op LIKE 'campaign-%' "
            "  AND p.id < o.id AND p.state IN %2))")
            .arg(kHoldingStates, kOpenStates);
    auto found = m_table.select(where, {OutboxTable::idsJson(skip.values())}, 1);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<OutboxRow>();
    return std::optional<OutboxRow>(found->first());
}

Result<void> OutboxSendLedger::markSending(qint64 rowId, std::optional<int> probe)
{
    return m_table.update(
        rowId,
        QStringLiteral("state = 'sending', attempts = attempts + 1, first_sent_at = coalesce(first_sent_at, ?), "
                       "probe = ?"),
        {OutboxTable::nowMs(), probe ? QVariant(*probe) : QVariant()});
}

Result<void> OutboxSendLedger::markPending(qint64 rowId, const QString &error)
{
    return m_table.update(rowId, QStringLiteral("state = 'pending', last_error = ?"), {error});
}

Result<void> OutboxSendLedger::markState(qint64 rowId, OutboxRow::State state, const QString &error,
                                         const QJsonObject &conflict)
{
    return m_table.update(rowId, QStringLiteral("state = ?, last_error = ?, conflict = ?"),
                          {OutboxRow::stateName(state), error.isEmpty() ? QVariant() : QVariant(error),
                           conflict.isEmpty() ? QVariant() : QVariant(OutboxTable::toJson(conflict))});
}

Result<void> OutboxSendLedger::markDone(qint64 rowId, const QJsonObject &result,
                                        const std::function<Result<void>()> &cacheWrite)
{
    return m_table.inTransaction([&]() -> Result<void> {
        if (cacheWrite) {
            auto written = cacheWrite();
            if (!written)
                return written;
        }
        return m_table.update(rowId, QStringLiteral("state = 'done', last_error = NULL, result = ?"),
                              {OutboxTable::toJson(result)});
    });
}

Result<void> OutboxSendLedger::rebase(qint64 rowId, const QJsonObject &base)
{
    return m_table.update(rowId, QStringLiteral("base = ?"), {OutboxTable::toJson(base)});
}

Result<void> OutboxSendLedger::markSendingPart(qint64 rowId, const QList<qint64> &sendIds)
{
    return m_table.update(
        rowId,
        QStringLiteral("state = 'sending', attempts = attempts + 1, first_sent_at = coalesce(first_sent_at, ?), "
                       "payload = json_set(payload, '$.send_ids', json(?))"),
        {OutboxTable::nowMs(), OutboxTable::idsJson(sendIds)});
}

Result<void> OutboxSendLedger::partSent(qint64 rowId, const QList<qint64> &remaining)
{
    return narrow(rowId, remaining,
                  QStringLiteral("state = 'pending', last_error = NULL, idempotency_key = ?, "
                                 "payload = json_remove(payload, '$.send_ids')"),
                  {QUuid::createUuid().toString(QUuid::WithoutBraces)});
}

Result<void> OutboxSendLedger::markBulkConflict(qint64 rowId, const QList<qint64> &conflicting, const QString &error,
                                                const QJsonObject &conflict)
{
    return narrow(rowId, conflicting,
                  QStringLiteral("state = 'conflict', last_error = ?, conflict = ?, "
                                 "payload = json_remove(payload, '$.send_ids')"),
                  {error, OutboxTable::toJson(conflict)});
}

Result<void> OutboxSendLedger::narrow(qint64 rowId, const QList<qint64> &leadIds, const QString &assignments,
                                      const QVariantList &values)
{
    return m_table.inTransaction([&]() -> Result<void> {
        auto kept = m_table.keepOnly(rowId, leadIds);
        if (!kept)
            return kept;
        return m_table.update(rowId, assignments, values);
    });
}

} // namespace outpost
