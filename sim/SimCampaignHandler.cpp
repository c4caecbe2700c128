#include "SimCampaignHandler.h"

#include "SimBody.h"
#include "SimCampaigns.h"
#include "SimWorld.h"

#include <QJsonArray>

namespace outpost::sim {

namespace {

constexpr int sampleSize = 10;

} // namespace

void SimCampaignHandler::addRoutes(SimRouter &router)
{
    router.get(
        QStringLiteral("/campaigns"), [this](const SimRequest &r) { return list(r); }, SimRouter::Plan::Premium);
    router.post(QStringLiteral("/campaigns"), [this](const SimRequest &r) { return create(r); });
    router.post(QStringLiteral("/campaigns/preview"), [this](const SimRequest &r) { return preview(r); });
    router.post(QStringLiteral("/campaigns/{campaign_id}/send"), [this](const SimRequest &r) { return send(r); });
    router.get(QStringLiteral("/campaigns/{campaign_id}/stats"), [this](const SimRequest &r) { return stats(r); });
}

SimResponse SimCampaignHandler::list(const SimRequest &)
{
    QJsonArray array;
    for (const QJsonObject &c : SimCampaigns(m_world.store().db()).list(m_world.nowMs(), m_world.options().timeScale))
        array.append(c);
    return SimResponse::ok({{QStringLiteral("campaigns"), array}});
}

SimResponse SimCampaignHandler::create(const SimRequest &r)
{
    SimBody body(r.json);
    const QString name = body.requiredString(QStringLiteral("name"), 200);
    const QString message = body.requiredString(QStringLiteral("message"), 4096);
    const QJsonObject filters = body.optionalObject(QStringLiteral("filters"));
    if (!body.ok())
        return SimResponse::error(400, body.error());
    QString error;
    SimCampaigns::where(filters, &error);
    if (!error.isEmpty())
        return SimResponse::error(400, error);
    SimCampaigns campaigns(m_world.store().db());
    const qint64 id = campaigns.create(name, filters, message, m_world.nowMs());
    return SimResponse::ok(
               {{QStringLiteral("campaign"), *campaigns.find(id, m_world.nowMs(), m_world.options().timeScale)}})
        .mutating(QStringLiteral("campaign create #%1").arg(id));
}

SimResponse SimCampaignHandler::preview(const SimRequest &r)
{
    SimBody body(r.json);
    const QJsonObject filters = body.optionalObject(QStringLiteral("filters"));
    if (!body.ok())
        return SimResponse::error(400, body.error());
    QString error;
    const SimWhere where = SimCampaigns::where(filters, &error);
    if (!error.isEmpty())
        return SimResponse::error(400, error);
    SimLeads leads = m_world.leads();
    QJsonArray sample;
    for (const Lead &lead : leads.leads(where, sampleSize))
        sample.append(QJsonObject{{QStringLiteral("id"), lead.id},
                                  {QStringLiteral("name"), lead.name},
                                  {QStringLiteral("phone"), lead.phone}});
    return SimResponse::ok(
        {{QStringLiteral("audience_count"), leads.count(where)}, {QStringLiteral("sample"), sample}});
}

SimResponse SimCampaignHandler::send(const SimRequest &r)
{
    SimCampaigns campaigns(m_world.store().db());
    const auto campaign = campaigns.find(r.arg(), m_world.nowMs(), m_world.options().timeScale);
    if (!campaign)
        return SimResponse::error(404, QStringLiteral("no campaign with id %1").arg(r.arg()));
    if (campaign->value(QStringLiteral("status")).toString() != QLatin1StringView("draft"))
        return SimResponse::error(409, QStringLiteral("campaign %1 was already sent").arg(r.arg()));
    QString error;
    const SimWhere where = SimCampaigns::where(campaign->value(QStringLiteral("filters")).toObject(), &error);
    SimLeads leads = m_world.leads();
    const qint64 audience = leads.count(where);
    if (audience > SimCampaigns::maxAudience)
        return SimResponse::error(400, QStringLiteral("the audience of %1 leads exceeds the cap of %2 messages per "
                                                      "campaign; narrow the filters")
                                           .arg(audience)
                                           .arg(SimCampaigns::maxAudience));
    QList<qint64> ids;
    for (const Lead &lead : leads.leads(where, SimCampaigns::maxAudience))
        ids.append(lead.id);
    const qint64 queued =
        m_world.messageLeads(ids, campaign->value(QStringLiteral("message")).toString(), QStringLiteral("Campaign"));
    campaigns.markSent(r.arg(), queued, m_world.nowMs());
    return SimResponse::ok({{QStringLiteral("queued"), queued}})
        .mutating(QStringLiteral("campaign send #%1 to %2").arg(r.arg()).arg(queued));
}

SimResponse SimCampaignHandler::stats(const SimRequest &r)
{
    const auto campaign =
        SimCampaigns(m_world.store().db()).find(r.arg(), m_world.nowMs(), m_world.options().timeScale);
    if (!campaign)
        return SimResponse::error(404, QStringLiteral("no campaign with id %1").arg(r.arg()));
    QJsonObject stats = campaign->value(QStringLiteral("stats")).toObject();
    if (stats.isEmpty()) {
        for (const char *name : {"sent", "delivered", "read", "replied", "failed"})
            stats.insert(QLatin1StringView(name), 0);
    }
    stats.insert(QStringLiteral("status"), campaign->value(QStringLiteral("status")));
    return SimResponse::ok(stats);
}

} // namespace outpost::sim
