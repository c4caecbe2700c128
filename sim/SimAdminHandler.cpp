#include "SimAdminHandler.h"

#include "SimBody.h"
#include "SimLedger.h"
#include "SimServer.h"
#include "domain/LeadCodec.h"

#include <QHttpServerRequest>
#include <QJsonArray>

namespace outpost::sim {

namespace {

QByteArray methodOf(const QHttpServerRequest &request)
{
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    default:
        return QByteArrayLiteral("OTHER");
    }
}

// Applies the fields present in `patch` to the lead; returns an error or empty.
QString applyPatch(Lead &lead, const QJsonObject &patch)
{
    QJsonObject merged = LeadCodec::leadToJson(lead);
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.key() == QLatin1StringView("id") || it.key() == QLatin1StringView("updated_at"))
            return QStringLiteral("%1 cannot be changed").arg(it.key());
        if (!merged.contains(it.key()))
            return QStringLiteral("unknown lead field \"%1\"").arg(it.key().left(64));
        merged.insert(it.key(), it.value());
    }
    const Result<Lead> parsed = LeadCodec::leadFromJson(merged);
    if (!parsed)
        return parsed.error().message;
    for (const QString &tag : parsed->tags) {
        if (tag.contains(QLatin1Char(',')))
            return QStringLiteral("tags must not contain a comma");
    }
    lead = *parsed;
    return QString();
}

} // namespace

SimAdminHandler::SimAdminHandler(SimServer &server)
    : m_server(server)
{
    m_router.get(QStringLiteral("/ledger"), [this](const SimRequest &r) { return ledger(r); });
    m_router.post(QStringLiteral("/down"), [this](const SimRequest &r) { return down(r); });
    m_router.post(QStringLiteral("/up"), [this](const SimRequest &) {
        m_server.setDownMode(SimServer::DownMode::Up);
        return SimResponse::ok();
    });
    m_router.get(QStringLiteral("/config"), [this](const SimRequest &) { return SimResponse::ok(m_server.config()); });
    m_router.post(QStringLiteral("/config"), [this](const SimRequest &r) { return config(r); });
    m_router.post(QStringLiteral("/keys"), [this](const SimRequest &r) { return createKey(r); });
    m_router.post(QStringLiteral("/keys/revoke"), [this](const SimRequest &r) { return revokeKey(r); });
    m_router.patch(QStringLiteral("/leads/{lead_id}"), [this](const SimRequest &r) { return patchLead(r); });
    m_router.del(QStringLiteral("/leads/{lead_id}"), [this](const SimRequest &r) { return deleteLead(r); });
    m_router.get(QStringLiteral("/export"), [this](const SimRequest &r) { return exportAll(r); });
    m_router.post(QStringLiteral("/activity"), [this](const SimRequest &r) { return activity(r); });
    m_router.post(QStringLiteral("/fault"), [this](const SimRequest &r) { return fault(r); });
}

SimResponse SimAdminHandler::handle(const QHttpServerRequest &request, const QString &path)
{
    SimRequest r;
    r.method = methodOf(request);
    r.path = path;
    r.query = QUrlQuery(request.url());
    r.body = request.body();
    if (!r.body.trimmed().isEmpty()) {
        const Result<QJsonObject> parsed = LeadCodec::parseObject(r.body);
        if (!parsed)
            return SimResponse::error(400, QStringLiteral("the body is not a JSON object: ") + parsed.error().message);
        r.json = *parsed;
    }
    const SimRouter::Match match = m_router.match(r.method, r.path);
    switch (match.kind) {
    case SimRouter::Match::Found:
        r.args = match.args;
        return match.route->handler(r);
    case SimRouter::Match::BadArgument:
        return SimResponse::error(400, match.message);
    case SimRouter::Match::WrongMethod:
        return SimResponse::error(405, QStringLiteral("method not allowed"));
    case SimRouter::Match::NotFound:
        break;
    }
    return SimResponse::error(404, QStringLiteral("no such admin endpoint"));
}

SimResponse SimAdminHandler::ledger(const SimRequest &r)
{
    const qint64 since = r.queryValue(QStringLiteral("since")).toLongLong();
    return SimResponse::ok({{QStringLiteral("entries"), SimLedger(m_server.world().store().db()).entries(since)}});
}

SimResponse SimAdminHandler::down(const SimRequest &r)
{
    const QString mode = r.json.value(QStringLiteral("mode")).toString(QStringLiteral("503"));
    if (mode == QLatin1StringView("503"))
        m_server.setDownMode(SimServer::DownMode::ServiceUnavailable);
    else if (mode == QLatin1StringView("drop"))
        m_server.setDownMode(SimServer::DownMode::DropConnections);
    else
        return SimResponse::error(400, QStringLiteral("mode must be \"503\" or \"drop\""));
    return SimResponse::ok();
}

SimResponse SimAdminHandler::config(const SimRequest &r)
{
    const QString error = m_server.applyConfig(r.json);
    if (!error.isEmpty())
        return SimResponse::error(400, error);
    return SimResponse::ok(m_server.config());
}

SimResponse SimAdminHandler::createKey(const SimRequest &r)
{
    SimBody body(r.json);
    const QString name = body.optionalString(QStringLiteral("name"), 200);
    const QString secret = body.optionalString(QStringLiteral("secret"), 200);
    const qint64 expires = body.optionalTimeMs(QStringLiteral("expires_at"));
    if (!body.ok())
        return SimResponse::error(400, body.error());
    SimWorld &world = m_server.world();
    const SimKeys::Created key =
        world.keys().create(name.isEmpty() ? QStringLiteral("test key") : name, expires, world.nowMs(), secret);
    return SimResponse::ok({{QStringLiteral("key"), key.json}});
}

SimResponse SimAdminHandler::revokeKey(const SimRequest &r)
{
    SimWorld &world = m_server.world();
    qint64 id = r.json.value(QStringLiteral("id")).toInteger();
    if (r.json.contains(QStringLiteral("secret")))
        id = world.keys().idOf(r.json.value(QStringLiteral("secret")).toString()).value_or(0);
    if (!id || !world.keys().revoke(id, world.nowMs()))
        return SimResponse::error(404, QStringLiteral("no active key matches"));
    return SimResponse::ok({{QStringLiteral("id"), id}});
}

SimResponse SimAdminHandler::patchLead(const SimRequest &r)
{
    SimWorld &world = m_server.world();
    auto row = world.leads().row(r.arg());
    if (!row)
        return SimResponse::error(404, QStringLiteral("no lead with id %1").arg(r.arg()));
    const Lead before = row->lead;
    Lead after = before;
    const QString error = applyPatch(after, r.json);
    if (!error.isEmpty())
        return SimResponse::error(400, error);
    row->lead = after;
    row->lead.status = before.status;
    row->setStatus(after.status, world.nowMs());
    world.touchAndSave(*row);
    const QJsonObject data{{QStringLiteral("lead_id"), row->lead.id},
                           {QStringLiteral("lead"), LeadCodec::leadToJson(row->lead)}};
    if (!(before.status == after.status)) {
        QJsonObject changed = data;
        changed.insert(QStringLiteral("old_status"), before.status.toString());
        changed.insert(QStringLiteral("new_status"), after.status.toString());
        world.emitEvent(QStringLiteral("lead_status_changed"), changed);
    }
    if (after.escalated && !before.escalated)
        world.emitEvent(QStringLiteral("lead_escalated"), data);
    return SimResponse::ok({{QStringLiteral("lead"), LeadCodec::leadToJson(row->lead)}});
}

SimResponse SimAdminHandler::deleteLead(const SimRequest &r)
{
    SimWorld &world = m_server.world();
    if (!world.leads().remove(r.arg(), world.nowMs()))
        return SimResponse::error(404, QStringLiteral("no lead with id %1").arg(r.arg()));
    world.leadsChanged();
    return SimResponse::ok({{QStringLiteral("deleted"), r.arg()}});
}

SimResponse SimAdminHandler::exportAll(const SimRequest &)
{
    SimLeads leads = m_server.world().leads();
    QJsonArray array;
    for (const qint64 id : leads.allIds()) {
        if (const auto row = leads.row(id))
            array.append(LeadCodec::detailToJson(leads.detail(*row)));
    }
    QJsonArray deleted;
    for (const qint64 id : leads.deletedSince(0))
        deleted.append(id);
    return SimResponse::ok({{QStringLiteral("leads"), array}, {QStringLiteral("deleted"), deleted}});
}

SimResponse SimAdminHandler::activity(const SimRequest &r)
{
    const int count = r.json.value(QStringLiteral("events")).toInt(1);
    if (count < 1 || count > 100000)
        return SimResponse::error(400, QStringLiteral("events must be from 1 to 100000"));
    return SimResponse::ok({{QStringLiteral("applied"), QJsonArray::fromStringList(m_server.activity().run(count))}});
}

SimResponse SimAdminHandler::fault(const SimRequest &r)
{
    const QString kind = r.json.value(QStringLiteral("kind")).toString();
    const int count = r.json.value(QStringLiteral("count")).toInt(1);
    if (!SimOptions::allFaultKinds().contains(kind))
        return SimResponse::error(400, QStringLiteral("kind must be one of ") +
                                           SimOptions::allFaultKinds().join(QStringLiteral(", ")));
    if (count < 1 || count > 10000)
        return SimResponse::error(400, QStringLiteral("count must be from 1 to 10000"));
    m_server.injectFault(kind, count);
    return SimResponse::ok({{QStringLiteral("kind"), kind}, {QStringLiteral("count"), count}});
}

} // namespace outpost::sim
