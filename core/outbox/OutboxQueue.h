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

// Queues the person's edits. Every function checks its input first (unknown
// status, empty text, a bad date: a clear error and nothing queued), then
// writes the outbox row AND its optimistic change to the cache in ONE
// transaction, so a crash keeps both or neither.
class OutboxQueue
{
    Q_DECLARE_TR_FUNCTIONS(OutboxQueue)

public:
    enum class TagAction {
        Add,
        Remove,
    };

    // Bulk messages and campaign sends reach at most this many leads (contract).
    static constexpr int kMaxBulkLeads = 500;

    struct QueuedCampaign
    {
        qint64 createRow = 0; // 0 when the service already had the campaign
        qint64 sendRow = 0;
        QString createKey;
        QString sendKey;
    };
    using CampaignLink = std::function<Result<void>(const QueuedCampaign &)>;

    OutboxQueue(OutboxTable &table, OutboxCacheWriter &cache);

    Result<qint64> setStatus(qint64 leadId, const QString &status);
    Result<qint64> addNote(qint64 leadId, const QString &text);
    Result<qint64> reply(qint64 leadId, const QString &text);
    Result<qint64> bookAppointment(qint64 leadId, const QString &dateTime, const QString &service);
    Result<qint64> editTag(qint64 leadId, TagAction action, const QString &tag);
    Result<qint64> bulkStage(const QList<qint64> &leadIds, const QString &status);
    Result<qint64> bulkTag(const QList<qint64> &leadIds, TagAction action, const QString &tag);
    Result<qint64> bulkMessage(const QList<qint64> &leadIds, const QString &message);

    Result<qint64> createCampaign(const QString &name, const QJsonObject &filters, const QString &message);
    Result<qint64> sendCampaign(qint64 campaignId);
    Result<qint64> sendQueuedCampaign(qint64 createRowId);
    Result<QueuedCampaign> queueNewCampaign(const QString &name, const QJsonObject &filters, const QString &message,
                                            const CampaignLink &link);
    Result<QueuedCampaign> queueCampaignSend(qint64 campaignId, const CampaignLink &link);
    static QString campaignError(const QString &name, const QJsonObject &filters, const QString &message);

private:
    struct Draft
    {
        OutboxRow::Op op;
        QList<qint64> leadIds;
        QJsonObject payload;
        QJsonObject base;
        // The optimistic change, inside the transaction (the row's local ref given).
        std::function<Result<void>(const QString &localRef)> apply;
    };

    static Draft campaignCreateDraft(const QString &name, const QJsonObject &filters, const QString &message);
    Result<qint64> enqueue(Draft draft);
    // A note or a reply: the same checks and payload; `write` puts the cache's copy in place.
    using LocalTextWrite = std::function<Result<void>(const Lead &lead, const QString &localRef)>;
    Result<qint64> enqueueText(OutboxRow::Op op, qint64 leadId, const QString &text, const QString &what,
                               LocalTextWrite write);
    Result<qint64> insertRow(const Draft &draft, const QString &key);
    Result<void> insertCampaignSend(const QJsonObject &target, QueuedCampaign &queued, const CampaignLink &link);
    Result<void> insertLocalMessage(const Lead &lead, const QString &localRef, const QString &text, qint64 sentAt);

    OutboxTable &m_table;
    OutboxCacheWriter &m_cache;
};

} // namespace outpost
