#include "campaigns/CampaignApi.h"

namespace outpost {

quint64 CampaignApi::preview(ApiClient &client, const LeadFilter &filter, QObject *context, Done<Audience> done)
{
    const QJsonObject body{{QStringLiteral("filters"), AudienceQuery::campaignFilter(filter).toJson()}};
    // A preview changes nothing: as safe to repeat as a GET.
    ApiRequest request = ApiRequest::post(QStringLiteral("/campaigns/preview"), body);
    return client.send(request, context, [done = std::move(done)](const ApiResult &result) {
        if (!result)
            return done(result.error());
        const QJsonValue count = result->value(QStringLiteral("audience_count"));
        if (!count.isDouble() || count.toInteger() < 0)
            return done(ApiError::badResponse(QStringLiteral("the preview has no audience_count")));
        Audience audience;
        audience.count = count.toInteger();
        for (const QJsonValue &v : result->value(QStringLiteral("sample")).toArray()) {
            const QJsonObject o = v.toObject();
            Lead lead;
            lead.id = o.value(QStringLiteral("id")).toInteger();
            lead.name = o.value(QStringLiteral("name")).toString();
            lead.phone = o.value(QStringLiteral("phone")).toString();
            audience.sample.append(lead);
        }
        done(audience);
    });
}

quint64 CampaignApi::stats(ApiClient &client, qint64 serverId, QObject *context, Done<CampaignStats> done)
{
    ApiRequest request =
        ApiRequest::get(QStringLiteral("/campaigns/%1/stats").arg(serverId), {}, RequestPriority::User);
    return client.send(request, context, [done = std::move(done)](const ApiResult &result) {
        if (!result)
            return done(result.error());
        done(CampaignStats::fromJson(*result));
    });
}

quint64 CampaignApi::list(ApiClient &client, QObject *context, Done<QJsonArray> done)
{
    ApiRequest request = ApiRequest::get(QStringLiteral("/campaigns"), {}, RequestPriority::User);
    return client.send(request, context, [done = std::move(done)](const ApiResult &result) {
        if (!result)
            return done(result.error());
        const QJsonValue list = result->value(QStringLiteral("campaigns"));
        if (!list.isArray())
            return done(ApiError::badResponse(QStringLiteral("the campaign list has no campaigns array")));
        done(list.toArray());
    });
}

} // namespace outpost
