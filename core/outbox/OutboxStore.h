#pragma once

#include "common/Result.h"
#include "outbox/OutboxCacheWriter.h"
#include "outbox/OutboxDecisions.h"
#include "outbox/OutboxQueue.h"
#include "outbox/OutboxRow.h"
#include "outbox/OutboxSendLedger.h"
#include "outbox/OutboxTable.h"
#include "storage/LeadStore.h"

#include <QJsonObject>
#include <QList>
#include <QSet>

#include <functional>
#include <optional>

namespace outpost {

class Database;

// The durable outbox of one workspace's cache. Every queue function checks
// its input first (unknown status, empty text, a bad date: a clear error and
// nothing queued), then writes the outbox row AND its optimistic change to the
// cached lead, messages, notes or appointments in ONE transaction, so the
// lists and the detail show the change at once and a crash keeps both or
// neither. Queued notes, messages and appointments carry the id
// "outbox:<idempotency key>" in the cache until the service's copy replaces
// them; leads with open rows are listed by pendingLeadIds().
//
// Queueing is one small local write: the GUI thread may call these directly
// on its own Database connection (or through a CacheTask). Sending is the
// OutboxReplayer's job on the sync thread, through the same table.
//
// This class is the one entry point callers use; the work is done by its
// parts: OutboxQueue (queueing), OutboxDecisions (what a person decides),
// OutboxSendLedger (the replayer's bookkeeping), OutboxCacheWriter (the
// optimistic changes in the cache) and OutboxTable (the SQL they share).
class OutboxStore
{
public:
    using TagAction = OutboxQueue::TagAction;
    using Resolution = OutboxDecisions::Resolution;
    using Review = OutboxDecisions::Review;
    using Counts = OutboxTable::Counts;

    // Bulk messages and campaign sends reach at most this many leads (contract).
    static constexpr int kMaxBulkLeads = OutboxQueue::kMaxBulkLeads;

    explicit OutboxStore(Database &db);
    // The parts hold references to one another.
    Q_DISABLE_COPY_MOVE(OutboxStore)

    // ---- Queueing: each returns the new row's id. ----
    Result<qint64> setStatus(qint64 leadId, const QString &status);
    Result<qint64> addNote(qint64 leadId, const QString &text);
    Result<qint64> reply(qint64 leadId, const QString &text);
    // `dateTime` is "YYYY-MM-DD HH:MM" in the workspace's local time.
    Result<qint64> bookAppointment(qint64 leadId, const QString &dateTime, const QString &service);
    Result<qint64> editTag(qint64 leadId, TagAction action, const QString &tag);
    Result<qint64> bulkStage(const QList<qint64> &leadIds, const QString &status);
    Result<qint64> bulkTag(const QList<qint64> &leadIds, TagAction action, const QString &tag);
    Result<qint64> bulkMessage(const QList<qint64> &leadIds, const QString &message);
    Result<qint64> createCampaign(const QString &name, const QJsonObject &filters, const QString &message);
    // A campaign the service already knows.
    Result<qint64> sendCampaign(qint64 campaignId);
    // A campaign still queued by createCampaign(): sent once it exists.
    Result<qint64> sendQueuedCampaign(qint64 createRowId);

    // A campaign send as one unit: its rows and `link`, the caller's own write
    // that ties its copy of the campaign to them (by idempotency key), commit
    // together or not at all, so a crash never leaves a send nobody shows.
    using QueuedCampaign = OutboxQueue::QueuedCampaign;
    using CampaignLink = OutboxQueue::CampaignLink;
    // Creates the campaign on the service, then sends it.
    Result<QueuedCampaign> queueNewCampaign(const QString &name, const QJsonObject &filters, const QString &message,
                                            const CampaignLink &link);
    // Sends a campaign the service already has (its id there).
    Result<QueuedCampaign> queueCampaignSend(qint64 campaignId, const CampaignLink &link);
    // Why a campaign cannot be queued as given (empty when it can).
    static QString campaignError(const QString &name, const QJsonObject &filters, const QString &message);

    // ---- Reading (cheap, indexed; fine on the GUI thread). ----
    Result<Counts> counts();
    // Open rows in queue order; with includeDone also what was sent.
    Result<QList<OutboxRow>> rows(bool includeDone = false);
    Result<QList<OutboxRow>> conflicts();
    Result<std::optional<OutboxRow>> row(qint64 rowId);
    // Leads with an open row: the lists mark them as pending.
    Result<QSet<qint64>> pendingLeadIds();
    // The open rows that change a lead, in queue order.
    Result<QList<OutboxRow>> openRowsOf(qint64 leadId);

    // ---- What a person decides. ----
    // A failed, not-allowed or needs-review row goes back in the queue.
    Result<void> retry(qint64 rowId);
    // Drops a row that is not being sent; its optimistic change is taken back
    // (queued notes/messages/appointments go; status and tags return to the
    // base unless a later open row changed the same lead since).
    Result<void> discard(qint64 rowId);
    // Takes back a row that was never sent, as if it had never been made.
    Result<void> undo(qint64 rowId);
    Result<void> resolveConflict(qint64 rowId, Resolution resolution);
    Result<void> resolveReview(qint64 rowId, Review review);

    // ---- For the replayer. ----
    // Forgets done rows last changed before `beforeMs` (ms since the epoch);
    // returns how many went. Open, refused and campaign rows stay.
    Result<int> pruneDone(qint64 beforeMs);
    // The first row that may go now: pending or sending, with no earlier open,
    // refused or not-allowed row on any of its leads (campaign rows: no earlier
    // open campaign row).
    // Rows in `skip` are left out (and still block what follows them).
    Result<std::optional<OutboxRow>> nextSendable(const QSet<qint64> &skip = {});
    // Before the request leaves: state sending, one more attempt, the probe.
    Result<void> markSending(qint64 rowId, std::optional<int> probe);
    // Back to pending after a transient failure (the attempt stays counted).
    Result<void> markPending(qint64 rowId, const QString &error);
    Result<void> markState(qint64 rowId, OutboxRow::State state, const QString &error,
                           const QJsonObject &conflict = {});
    // The server has it: `cacheWrite` (the server's copy into the cache) and
    // the row's end are one transaction.
    Result<void> markDone(qint64 rowId, const QJsonObject &result, const std::function<Result<void>()> &cacheWrite);
    // A conflict whose base is the server's copy now: my change goes over it.
    Result<void> rebase(qint64 rowId, const QJsonObject &base);
    // Bulk stage/tag rows with a conflict on some leads: first the others go,
    // as a part of the row (its state sending), ...
    Result<void> markSendingPart(qint64 rowId, const QList<qint64> &sendIds);
    // ... and once the service has that part, the row keeps only `remaining`
    // (with a new idempotency key: the next request is another one) ...
    Result<void> partSent(qint64 rowId, const QList<qint64> &remaining);
    // ... and is a conflict on those leads alone.
    Result<void> markBulkConflict(qint64 rowId, const QList<qint64> &conflicting, const QString &error,
                                  const QJsonObject &conflict);
    // Cache writes for markDone(): the service's copy of a lead, or of the
    // note / message / appointment (contract JSON) that replaces the one the
    // row showed while it was queued.
    Result<void> saveServerLead(const Lead &lead);
    Result<void> replaceLocalItem(const OutboxRow &row, qint64 leadId, const QJsonObject &item);

    LeadStore &leads() { return m_cache.leads(); }

private:
    OutboxTable m_table;
    OutboxCacheWriter m_cache;
    OutboxQueue m_queue;
    OutboxDecisions m_decisions;
    OutboxSendLedger m_ledger;
};

} // namespace outpost
