#include "SimAnalyticsHandler.h"

#include "SimAnalytics.h"
#include "SimWorld.h"

namespace outpost::sim {

void SimAnalyticsHandler::addRoutes(SimRouter &router)
{
    router.get(QStringLiteral("/overview"),
               [this](const SimRequest &) { return SimResponse::ok(SimAnalytics(m_world.store().db()).overview()); });
    router.get(QStringLiteral("/analytics/summary"),
               [this](const SimRequest &) { return SimResponse::ok(SimAnalytics(m_world.store().db()).funnel()); });
    router.get(
        QStringLiteral("/sla"), [this](const SimRequest &r) { return sla(r); }, SimRouter::Plan::Premium);
}

SimResponse SimAnalyticsHandler::sla(const SimRequest &r)
{
    int days = 30;
    if (r.hasQuery(QStringLiteral("days"))) {
        bool ok = false;
        days = r.queryValue(QStringLiteral("days")).toInt(&ok);
        if (!ok || days < 1 || days > 365)
            return SimResponse::error(400, QStringLiteral("days must be an integer from 1 to 365"));
    }
    return SimResponse::ok(SimAnalytics(m_world.store().db()).sla(days, m_world.nowMs()));
}

} // namespace outpost::sim
