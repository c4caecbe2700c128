#pragma once

#include "common/Result.h"
#include "outbox/OutboxRow.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QVariantList>

#include <functional>
#include <optional>

namespace outpost {

class OutboxTable;

// The replayer's bookkeeping in the outbox: which row may go next, and each
// row's state as its sends start, end, or split (bulk rows with a conflict on
// some of their leads).
class OutboxSendLedger
{
public:
    explicit OutboxSendLedger(OutboxTable &table);

    Result<int> pruneDone(qint64 beforeMs);
    Result<std::optional<OutboxRow>> nextSendable(const QSet<qint64> &skip);
    Result<void> markSending(qint64 rowId, std::optional<int> probe);
    Result<void> markPending(qint64 rowId, const QString &error);
    Result<void> markState(qint64 rowId, OutboxRow::State state, const QString &error, const QJsonObject &conflict);
    Result<void> markDone(qint64 rowId, const QJsonObject &result, const std::function<Result<void>()> &cacheWrite);
    Result<void> rebase(qint64 rowId, const QJsonObject &base);
    Result<void> markSendingPart(qint64 rowId, const QList<qint64> &sendIds);
    Result<void> partSent(qint64 rowId, const QList<qint64> &remaining);
    Result<void> markBulkConflict(qint64 rowId, const QList<qint64> &conflicting, const QString &error,
                                  const QJsonObject &conflict);

private:
    // Keeps only `leadIds` of a bulk row's leads and sets `assignments` on it, in one transaction.
    Result<void> narrow(qint64 rowId, const QList<qint64> &leadIds, const QString &assignments,
                        const QVariantList &values);

    OutboxTable &m_table;
};

} // namespace outpost
