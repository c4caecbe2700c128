#pragma once

#include "campaigns/Campaign.h"
#include "common/Result.h"

#include <QJsonArray>
#include <QList>

#include <optional>

namespace outpost {

class Database;

// The campaigns table of a workspace's cache: drafts made here, what the
// service listed, and each send's keys and progress, so a send survives a
// crash and is never repeated blindly.
class CampaignStore
{
public:
    explicit CampaignStore(Database &db);

    Result<Campaign> createDraft(const QString &name, const QJsonObject &filters, const QString &message,
                                 const QDateTime &now = QDateTime::currentDateTimeUtc());
    Result<std::optional<Campaign>> find(qint64 localId);
    Result<std::optional<Campaign>> findByServerId(qint64 serverId);
    // Newest first.
    Result<QList<Campaign>> list();

    // Before the first request of a send: the keys every attempt reuses.
    Result<void> requestSend(qint64 localId, const QString &createKey, const QString &sendKey);
    Result<void> setServerId(qint64 localId, qint64 serverId);
    Result<void> confirmSend(qint64 localId, qint64 queued, const QDateTime &sentAt);
    // The service refused the send: nothing happened, the draft may be fixed and sent again.
    Result<void> refuseSend(qint64 localId, const QString &error);
    Result<void> setError(qint64 localId, const QString &error);
    Result<void> setStats(qint64 localId, const CampaignStats &stats, const QString &status, const QDateTime &at);
    // What the outbox learnt, in the transaction that ends its row: the
    // service's id for the campaign whose create row had `createKey`, and the
    // send confirmed for the one whose send row had `sendKey`.
    Result<void> noteCreated(const QString &createKey, qint64 serverId);
    Result<void> noteSent(const QString &sendKey, std::optional<qint64> queued, const QDateTime &sentAt);
    // GET /campaigns: adds the service's campaigns and updates known ones' status.
    Result<int> mergeServerList(const QJsonArray &campaigns);

private:
    Result<void> update(const QString &assignments, const QVariantList &values, qint64 localId);
    Result<QList<Campaign>> select(const QString &where, const QVariantList &values);

    Database &m_db;
};

} // namespace outpost
