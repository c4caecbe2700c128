#include "outbox/OutboxStore.h"

namespace outpost {

OutboxStore::OutboxStore(Database &db)
    : m_table(db)
    , m_cache(db)
    , m_queue(m_table, m_cache)
    , m_decisions(m_table, m_cache)
    , m_ledger(m_table)
{}

// ---- Queueing ----

Result<qint64> OutboxStore::setStatus(qint64 leadId, const QString &status)
{
    return m_queue.setStatus(leadId, status);
}

Result<qint64> OutboxStore::addNote(qint64 leadId, const QString &text)
{
    return m_queue.addNote(leadId, text);
}

Result<qint64> OutboxStore::reply(qint64 leadId, const QString &text)
{
    return m_queue.reply(leadId, text);
}

Result<qint64> OutboxStore::bookAppointment(qint64 leadId, const QString &dateTime, const QString &service)
{
    return m_queue.bookAppointment(leadId, dateTime, service);
}

Result<qint64> OutboxStore::editTag(qint64 leadId, TagAction action, const QString &tag)
{
    return m_queue.editTag(leadId, action, tag);
}

Result<qint64> OutboxStore::bulkStage(const QList<qint64> &leadIds, const QString &status)
{
    return m_queue.bulkStage(leadIds, status);
}

Result<qint64> OutboxStore::bulkTag(const QList<qint64> &leadIds, TagAction action, const QString &tag)
{
    return m_queue.bulkTag(leadIds, action, tag);
}

Result<qint64> OutboxStore::bulkMessage(const QList<qint64> &leadIds, const QString &message)
{
    return m_queue.bulkMessage(leadIds, message);
}

Result<qint64> OutboxStore::createCampaign(const QString &name, const QJsonObject &filters, const QString &message)
{
    return m_queue.createCampaign(name, filters, message);
}

Result<qint64> OutboxStore::sendCampaign(qint64 campaignId)
{
    return m_queue.sendCampaign(campaignId);
}

Result<qint64> OutboxStore::sendQueuedCampaign(qint64 createRowId)
{
    return m_queue.sendQueuedCampaign(createRowId);
}

Result<OutboxStore::QueuedCampaign> OutboxStore::queueNewCampaign(const QString &name, const QJsonObject &filters,
                                                                  const QString &message, const CampaignLink &link)
{
    return m_queue.queueNewCampaign(name, filters, message, link);
}

Result<OutboxStore::QueuedCampaign> OutboxStore::queueCampaignSend(qint64 campaignId, const CampaignLink &link)
{
    return m_queue.queueCampaignSend(campaignId, link);
}

QString OutboxStore::campaignError(const QString &name, const QJsonObject &filters, const QString &message)
{
    return OutboxQueue::campaignError(name, filters, message);
}

// ---- Reading ----

Result<OutboxStore::Counts> OutboxStore::counts()
{
    return m_table.counts();
}

Result<QList<OutboxRow>> OutboxStore::rows(bool includeDone)
{
    return m_table.rows(includeDone);
}

Result<QList<OutboxRow>> OutboxStore::conflicts()
{
    return m_table.conflicts();
}

Result<std::optional<OutboxRow>> OutboxStore::row(qint64 rowId)
{
    return m_table.row(rowId);
}

Result<QSet<qint64>> OutboxStore::pendingLeadIds()
{
    return m_table.pendingLeadIds();
}

Result<QList<OutboxRow>> OutboxStore::openRowsOf(qint64 leadId)
{
    return m_table.openRowsOf(leadId);
}

// ---- Decisions ----

Result<void> OutboxStore::retry(qint64 rowId)
{
    return m_decisions.retry(rowId);
}

Result<void> OutboxStore::discard(qint64 rowId)
{
    return m_decisions.discard(rowId);
}

Result<void> OutboxStore::undo(qint64 rowId)
{
    return m_decisions.undo(rowId);
}

Result<void> OutboxStore::resolveConflict(qint64 rowId, Resolution resolution)
{
    return m_decisions.resolveConflict(rowId, resolution);
}

Result<void> OutboxStore::resolveReview(qint64 rowId, Review review)
{
    return m_decisions.resolveReview(rowId, review);
}

// ---- Replayer ----

Result<int> OutboxStore::pruneDone(qint64 beforeMs)
{
    return m_ledger.pruneDone(beforeMs);
}

Result<std::optional<OutboxRow>> OutboxStore::nextSendable(const QSet<qint64> &skip)
{
    return m_ledger.nextSendable(skip);
}

Result<void> OutboxStore::markSending(qint64 rowId, std::optional<int> probe)
{
    return m_ledger.markSending(rowId, probe);
}

Result<void> OutboxStore::markPending(qint64 rowId, const QString &error)
{
    return m_ledger.markPending(rowId, error);
}

Result<void> OutboxStore::markState(qint64 rowId, OutboxRow::State state, const QString &error,
                                    const QJsonObject &conflict)
{
    return m_ledger.markState(rowId, state, error, conflict);
}

Result<void> OutboxStore::markDone(qint64 rowId, const QJsonObject &result,
                                   const std::function<Result<void>()> &cacheWrite)
{
    return m_ledger.markDone(rowId, result, cacheWrite);
}

Result<void> OutboxStore::rebase(qint64 rowId, const QJsonObject &base)
{
    return m_ledger.rebase(rowId, base);
}

Result<void> OutboxStore::markSendingPart(qint64 rowId, const QList<qint64> &sendIds)
{
    return m_ledger.markSendingPart(rowId, sendIds);
}

Result<void> OutboxStore::partSent(qint64 rowId, const QList<qint64> &remaining)
{
    return m_ledger.partSent(rowId, remaining);
}

Result<void> OutboxStore::markBulkConflict(qint64 rowId, const QList<qint64> &conflicting, const QString &error,
                                           const QJsonObject &conflict)
{
    return m_ledger.markBulkConflict(rowId, conflicting, error, conflict);
}

Result<void> OutboxStore::saveServerLead(const Lead &lead)
{
    return m_cache.saveServerLead(lead);
}

Result<void> OutboxStore::replaceLocalItem(const OutboxRow &row, qint64 leadId, const QJsonObject &item)
{
    return m_cache.replaceLocalItem(row, leadId, item);
}

} // namespace outpost
