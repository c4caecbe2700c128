#pragma once

#include "common/Result.h"
#include "domain/Lead.h"
#include "outbox/OutboxRow.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

#include <functional>

namespace outpost {

class OutboxCacheWriter;
class OutboxTable;

// What a person decides about a queued row: send it again, drop it, take it
// back, or settle a conflict or an ambiguous send. Taking a row back also
// takes its optimistic change out of the cache, in the same transaction.
class OutboxDecisions
{
    Q_DECLARE_TR_FUNCTIONS(OutboxDecisions)

public:
    enum class Resolution {
        Mine,   // send my change over the server's
        Theirs, // drop my change, keep the server's
    };
    enum class Review {
        SendAgain,      // it did not arrive: send it once more
        AlreadyApplied, // it is on the service: mark it done
    };

    OutboxDecisions(OutboxTable &table, OutboxCacheWriter &cache);

    Result<void> retry(qint64 rowId);
    Result<void> discard(qint64 rowId);
    Result<void> undo(qint64 rowId);
    Result<void> resolveConflict(qint64 rowId, Resolution resolution);
    Result<void> resolveReview(qint64 rowId, Review review);

private:
    Result<OutboxRow> existingRow(qint64 rowId);
    Result<void> revertAndDelete(const OutboxRow &row);
    Result<void> revert(const OutboxRow &row);
    Result<void> restoreBase(const OutboxRow &row);
    Result<void> keepMine(const OutboxRow &row, const QJsonObject &base);
    Result<void> keepTheirs(const OutboxRow &row);
    Result<void> resolveBulkConflict(const OutboxRow &row, Resolution resolution);
    Result<void> markTheirsKept(qint64 rowId);
    // Copies of the cached leads among `ids`, each changed by `change` (false:
    // left out); leads no longer in the cache are left out too.
    Result<QList<Lead>> changedCopies(const QList<qint64> &ids, const std::function<bool(Lead &)> &change);

    OutboxTable &m_table;
    OutboxCacheWriter &m_cache;
};

} // namespace outpost
