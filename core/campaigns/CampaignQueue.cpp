#include "campaigns/CampaignQueue.h"

#include "campaigns/CampaignStore.h"
#include "outbox/OutboxStore.h"
#include "storage/Database.h"

namespace outpost {

CampaignQueue::CampaignQueue(Database &db)
    : m_db(db)
{}

Result<Campaign> CampaignQueue::queueSend(qint64 localId)
{
    CampaignStore campaigns(m_db);
    auto found = campaigns.find(localId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(tr("No campaign #%1 in this workspace's cache.").arg(localId));
    const Campaign campaign = **found;
    if (campaign.sendRequested() || !campaign.isDraft())
        return makeError(tr("Campaign #%1 is already %2: it is never sent twice.")
                             .arg(localId)
                             .arg(campaign.status == QLatin1StringView("queued") ? tr("queued") : campaign.status));
    const auto link = [&campaigns, localId](const OutboxStore::QueuedCampaign &q) {
        return campaigns.requestSend(localId, q.createKey, q.sendKey);
    };
    OutboxStore outbox(m_db);
    auto queued = campaign.serverId > 0
                      ? outbox.queueCampaignSend(campaign.serverId, link)
                      : outbox.queueNewCampaign(campaign.name, campaign.filters, campaign.message, link);
    if (!queued)
        return queued.error();
    auto now = campaigns.find(localId);
    if (!now)
        return now.error();
    if (!now->has_value())
        return makeError(tr("No campaign #%1 in this workspace's cache.").arg(localId));
    return **now;
}

} // namespace outpost
