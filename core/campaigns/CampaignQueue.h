#pragma once

#include "campaigns/Campaign.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace outpost {

class Database;

// Hands a campaign's send to the outbox: the create and send rows, and the
// campaign's cache row marked "queued" with their keys, in one transaction.
// The replayer carries them to the service (never sending twice) and records
// the service's id and the confirmed send in the same row of the cache.
class CampaignQueue
{
    Q_DECLARE_TR_FUNCTIONS(CampaignQueue)

public:
    explicit CampaignQueue(Database &db);

    // Queues the send of campaign `localId` (created on the service first when
    // it is still only local). A campaign already queued or sent is refused.
    Result<Campaign> queueSend(qint64 localId);

private:
    Database &m_db;
};

} // namespace outpost
