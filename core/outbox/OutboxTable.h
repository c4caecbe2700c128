#pragma once

#include "common/Result.h"
#include "outbox/OutboxRow.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QVariantList>

#include <functional>
#include <optional>

namespace outpost {

class Database;

// The SQL of the `outbox` and `outbox_targets` tables, shared by the parts of
// the outbox that queue, decide and send: reading rows, writing one row's
// columns, and the transaction that ties a row to its change in the cache.
class OutboxTable
{
    Q_DECLARE_TR_FUNCTIONS(OutboxTable)

public:
    struct Counts
    {
        int pending = 0;     // waiting or sending
        int conflicts = 0;   // need mine|theirs
        int needsReview = 0; // ambiguous sends waiting for a decision
        int failed = 0;      // refused (400/404) or not allowed (403)
        int open() const { return pending + conflicts + needsReview + failed; }
    };

    explicit OutboxTable(Database &db);

    Database &database() { return m_db; }
    // Runs `work` in one transaction: it commits when work succeeds, else nothing stays.
    Result<void> inTransaction(const std::function<Result<void>()> &work);

    // ---- Reading ----
    Result<Counts> counts();
    Result<QList<OutboxRow>> rows(bool includeDone);
    Result<QList<OutboxRow>> conflicts();
    Result<std::optional<OutboxRow>> row(qint64 rowId);
    Result<QSet<qint64>> pendingLeadIds();
    Result<QList<OutboxRow>> openRowsOf(qint64 leadId);
    // Whether an open row queued after `row` changes one of its leads.
    Result<bool> laterOpenRowTouches(const OutboxRow &row);
    // Rows matching `where` (SQL over the alias `o`, bound `values`) in queue order.
    Result<QList<OutboxRow>> select(const QString &where, const QVariantList &values, int limit = -1);

    // ---- Writing ----
    // A new pending row and its targets; returns its id.
    Result<qint64> insert(OutboxRow::Op op, const QList<qint64> &leadIds, const QJsonObject &payload,
                          const QJsonObject &base, const QString &key, const QString &localRef);
    // `assignments` is a SET list with placeholders for `values`; updated_at follows.
    Result<void> update(qint64 rowId, const QString &assignments, const QVariantList &values);
    Result<void> deleteRow(qint64 rowId);
    // The row targets only `leadIds` from now on.
    Result<void> keepOnly(qint64 rowId, const QList<qint64> &leadIds);

    static QString toJson(const QJsonObject &object);
    static QString idsJson(const QList<qint64> &ids);
    static qint64 nowMs();
    static Error noSuchRow(qint64 rowId);

private:
    Database &m_db;
};

} // namespace outpost
