#pragma once

#include "api/ApiClient.h"
#include "campaigns/AudienceQuery.h"
#include "campaigns/CampaignStats.h"

#include <QJsonArray>

#include <functional>

namespace outpost {

// The campaign reads of the contract, parsed: the server's audience preview,
// a campaign's stats and the Premium list. Nothing here changes server state.
class CampaignApi
{
public:
    template <typename T>
    using Done = std::function<void(const Result<T, ApiError> &)>;

    // POST /campaigns/preview: the count and the server's sample (names and phones).
    static quint64 preview(ApiClient &client, const LeadFilter &filter, QObject *context, Done<Audience> done);
    // GET /campaigns/{id}/stats.
    static quint64 stats(ApiClient &client, qint64 serverId, QObject *context, Done<CampaignStats> done);
    // GET /campaigns (Premium: 403 on basic).
    static quint64 list(ApiClient &client, QObject *context, Done<QJsonArray> done);
};

} // namespace outpost
