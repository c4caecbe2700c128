#include "campaigns/CampaignSender.h"

#include "campaigns/CampaignStore.h"
#include "domain/JsonReader.h"

#include <QUuid>

namespace outpost {

namespace {

QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

CampaignSender::CampaignSender(CampaignStore &store, ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
{}

void CampaignSender::finish(qint64 localId, Outcome outcome, const Done &done)
{
    if (auto now = m_store.find(localId); now && now->has_value())
        outcome.campaign = **now;
    done(outcome);
}

void CampaignSender::send(qint64 localId, Done done)
{
    auto found = m_store.find(localId);
    if (!found || !found->has_value()) {
        Outcome o;
        o.error = found ? tr("No campaign #%1 in this workspace's cache.").arg(localId) : found.error().message;
        return done(o);
    }
    Campaign campaign = **found;
    if (!campaign.isDraft() && campaign.status != QLatin1StringView("queued")) {
        Outcome o;
        o.sent = true;
        o.campaign = campaign;
        o.error = tr("Campaign #%1 was already sent (%2).").arg(localId).arg(campaign.status);
        return done(o);
    }
    // Keys first, in the cache: whatever happens next, a retry reuses them.
    if (!campaign.sendRequested()) {
        campaign.createKey = campaign.createKey.isEmpty() ? newKey() : campaign.createKey;
        campaign.sendKey = newKey();
        if (auto r = m_store.requestSend(localId, campaign.createKey, campaign.sendKey); !r) {
            Outcome o;
            o.error = r.error().message;
            return done(o);
        }
    }
    if (campaign.serverId == 0)
        create(campaign, std::move(done));
    else
        sendCreated(campaign, std::move(done));
}

void CampaignSender::create(const Campaign &campaign, Done done)
{
    ApiRequest request = ApiRequest::post(QStringLiteral("/campaigns"),
                                          {{QStringLiteral("name"), campaign.name},
                                           {QStringLiteral("filters"), campaign.filters},
                                           {QStringLiteral("message"), campaign.message}},
                                          RequestPriority::User);
    request.idempotencyKey = campaign.createKey;
    m_client.send(request, this, [this, campaign, done = std::move(done)](const ApiResult &result) {
        Outcome o;
        if (!result) {
            o.error = result.error().describe();
            if (result.error().kind == ApiError::Kind::BadRequest) {
                o.refused = true;
                m_store.refuseSend(campaign.localId, o.error);
            } else {
                m_store.setError(campaign.localId, o.error);
            }
            return finish(campaign.localId, o, done);
        }
        const qint64 id = result->value(QStringLiteral("campaign")).toObject().value(QStringLiteral("id")).toInteger();
        if (id <= 0) {
            o.error = tr("The service created the campaign but did not say its id.");
            m_store.setError(campaign.localId, o.error);
            return finish(campaign.localId, o, done);
        }
        if (auto r = m_store.setServerId(campaign.localId, id); !r) {
            o.error = r.error().message;
            return finish(campaign.localId, o, done);
        }
        Campaign created = campaign;
        created.serverId = id;
        sendCreated(created, std::move(done));
    });
}

void CampaignSender::sendCreated(const Campaign &campaign, Done done)
{
    ApiRequest request =
        ApiRequest::post(QStringLiteral("/campaigns/%1/send").arg(campaign.serverId), {}, RequestPriority::User);
    request.idempotencyKey = campaign.sendKey;
    m_client.send(request, this, [this, campaign, done = std::move(done)](const ApiResult &result) {
        Outcome o;
        const qint64 id = campaign.localId;
        if (result) {
            m_store.confirmSend(id, result->value(QStringLiteral("queued")).toInteger(),
                                QDateTime::currentDateTimeUtc());
            o.sent = true;
        } else if (result.error().kind == ApiError::Kind::Conflict) {
            // Already sent: an earlier attempt of ours whose answer was lost.
            m_store.confirmSend(id, campaign.queued.value_or(0),
                                campaign.sentAt.isValid() ? campaign.sentAt : QDateTime::currentDateTimeUtc());
            o.sent = true;
        } else if (result.error().kind == ApiError::Kind::BadRequest) {
            o.refused = true;
            o.error = result.error().describe();
            m_store.refuseSend(id, o.error);
        } else {
            // Maybe sent, maybe not: keep the keys and ask again later, never blindly.
            o.error = result.error().describe();
            m_store.setError(id, o.error);
        }
        finish(id, o, done);
    });
}

} // namespace outpost
