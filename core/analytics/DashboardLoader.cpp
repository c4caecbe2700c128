#include "analytics/DashboardLoader.h"

namespace outpost {

DashboardLoader::DashboardLoader(ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void DashboardLoader::cancel()
{
    for (quint64 t : std::as_const(m_tickets))
        m_client.cancel(t);
    m_tickets.clear();
    m_pending = 0;
    m_done = nullptr;
}

void DashboardLoader::load(DashboardFigures local, Done done)
{
    cancel();
    m_figures = std::move(local);
    m_done = std::move(done);
    struct Endpoint
    {
        DashboardFigures::Part DashboardFigures::*part;
        ApiRequest request;
    };
    const Endpoint endpoints[] = {
        {&DashboardFigures::overview, ApiRequest::get(QStringLiteral("/overview"), {}, RequestPriority::User)},
        {&DashboardFigures::funnel, ApiRequest::get(QStringLiteral("/analytics/summary"), {}, RequestPriority::User)},
        {&DashboardFigures::sla,
         ApiRequest::get(QStringLiteral("/sla"), QUrlQuery{{QStringLiteral("days"), QString::number(m_figures.days)}},
                         RequestPriority::User)},
    };
    m_pending = int(std::size(endpoints));
    for (const Endpoint &e : endpoints) {
        const auto part = e.part;
        m_tickets << m_client.send(e.request, this, [this, part](const ApiResult &r) { onAnswer(part, r); });
    }
}

void DashboardLoader::onAnswer(DashboardFigures::Part DashboardFigures::*part, const ApiResult &result)
{
    if (m_pending <= 0)
        return;
    DashboardFigures::Part &p = m_figures.*part;
    if (result) {
        QJsonObject body = *result;
        body.remove(QStringLiteral("ok"));
        p = {body, DashboardFigures::Source::Server, QDateTime::currentDateTimeUtc(), {}};
    } else if (result.error().kind == ApiError::Kind::Forbidden) {
        p.note = tr("Not in this workspace's plan: %1").arg(result.error().message);
    } else {
        p.note = tr("The service did not answer: %1").arg(result.error().describe());
    }
    if (--m_pending == 0) {
        m_tickets.clear();
        if (m_done)
            std::exchange(m_done, nullptr)(m_figures);
    }
}

} // namespace outpost
