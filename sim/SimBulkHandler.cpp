#include "SimBulkHandler.h"

#include "SimBody.h"
#include "SimWorld.h"
#include "domain/LeadCodec.h"

namespace outpost::sim {

void SimBulkHandler::addRoutes(SimRouter &router)
{
    router.post(
        QStringLiteral("/bulk/stage"), [this](const SimRequest &r) { return stage(r); }, SimRouter::Plan::Premium);
    router.post(
        QStringLiteral("/bulk/tag"), [this](const SimRequest &r) { return tag(r); }, SimRouter::Plan::Premium);
    router.post(
        QStringLiteral("/bulk/message"), [this](const SimRequest &r) { return message(r); }, SimRouter::Plan::Premium);
}

SimResponse SimBulkHandler::stage(const SimRequest &r)
{
    SimBody body(r.json);
    const QList<qint64> ids = body.leadIds();
    const QString status = body.requiredString(QStringLiteral("status"), 64);
    if (!body.ok())
        return SimResponse::error(400, body.error());
    if (!LeadStatus::isKnownName(status))
        return SimResponse::error(400, QStringLiteral("status must be one of new, contacted, qualified, booked, "
                                                      "lost, closed"));
    SimLeads leads = m_world.leads();
    qint64 updated = 0;
    m_world.store().begin();
    for (const qint64 id : ids) {
        auto row = leads.row(id);
        if (!row)
            continue;
        ++updated;
        const QString old = row->lead.status.toString();
        if (old == status)
            continue;
        row->setStatus(LeadStatus::fromString(status), m_world.nowMs());
        m_world.touchAndSave(*row);
        m_world.emitEvent(QStringLiteral("lead_status_changed"),
                          {{QStringLiteral("lead_id"), id},
                           {QStringLiteral("lead"), LeadCodec::leadToJson(row->lead)},
                           {QStringLiteral("old_status"), old},
                           {QStringLiteral("new_status"), status}});
    }
    m_world.store().commit();
    return SimResponse::ok({{QStringLiteral("updated"), updated}})
        .mutating(QStringLiteral("bulk stage %1 x%2").arg(status).arg(updated));
}

SimResponse SimBulkHandler::tag(const SimRequest &r)
{
    SimBody body(r.json);
    const QList<qint64> ids = body.leadIds();
    const QString tag = body.requiredString(QStringLiteral("tag"), 64).trimmed();
    const QString action = body.requiredString(QStringLiteral("action"), 16);
    if (!body.ok())
        return SimResponse::error(400, body.error());
    if (tag.contains(QLatin1Char(',')))
        return SimResponse::error(400, QStringLiteral("tag must not contain a comma"));
    if (action != QLatin1StringView("add") && action != QLatin1StringView("remove"))
        return SimResponse::error(400, QStringLiteral("action must be \"add\" or \"remove\""));
    SimLeads leads = m_world.leads();
    qint64 updated = 0;
    m_world.store().begin();
    for (const qint64 id : ids) {
        auto row = leads.row(id);
        if (!row)
            continue;
        ++updated;
        QStringList &tags = row->lead.tags;
        const bool has = tags.contains(tag);
        if (action == QLatin1StringView("add") && !has)
            tags.append(tag);
        else if (action == QLatin1StringView("remove") && has)
            tags.removeAll(tag);
        else
            continue;
        m_world.touchAndSave(*row);
    }
    m_world.store().commit();
    return SimResponse::ok({{QStringLiteral("updated"), updated}})
        .mutating(QStringLiteral("bulk tag %1 %2 x%3").arg(action, tag).arg(updated));
}

SimResponse SimBulkHandler::message(const SimRequest &r)
{
    SimBody body(r.json);
    const QList<qint64> ids = body.leadIds(QStringLiteral("lead_ids"), 500);
    const QString text = body.requiredString(QStringLiteral("message"), 4096);
    if (!body.ok())
        return SimResponse::error(400, body.error());
    const qint64 queued = m_world.messageLeads(ids, text, QStringLiteral("Bulk"));
    return SimResponse::ok({{QStringLiteral("queued"), queued}})
        .mutating(QStringLiteral("bulk message x%1").arg(queued));
}

} // namespace outpost::sim
