#include "SimAccountHandler.h"

#include "SimBody.h"
#include "SimWebhookSender.h"
#include "SimWorld.h"

#include <QJsonArray>
#include <QRandomGenerator>

namespace outpost::sim {

namespace {

QJsonArray toArray(const QList<QJsonObject> &objects)
{
    QJsonArray array;
    for (const QJsonObject &o : objects)
        array.append(o);
    return array;
}

QString newWebhookSecret()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 6);
    return QStringLiteral("whsec_") +
           QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

void SimAccountHandler::addRoutes(SimRouter &router)
{
    router.get(QStringLiteral("/keys"), [this](const SimRequest &r) { return listKeys(r); });
    router.post(QStringLiteral("/keys"), [this](const SimRequest &r) { return createKey(r); });
    router.del(QStringLiteral("/keys/{key_id}"), [this](const SimRequest &r) { return revokeKey(r); });
    router.get(QStringLiteral("/webhooks"), [this](const SimRequest &r) { return listWebhooks(r); });
    router.post(QStringLiteral("/webhooks"), [this](const SimRequest &r) { return createWebhook(r); });
    router.del(QStringLiteral("/webhooks/{webhook_id}"), [this](const SimRequest &r) { return deleteWebhook(r); });
    router.post(QStringLiteral("/webhooks/{webhook_id}/test"), [this](const SimRequest &r) { return testWebhook(r); });
    router.get(QStringLiteral("/webhooks/{webhook_id}/deliveries"),
               [this](const SimRequest &r) { return deliveries(r); });
}

SimResponse SimAccountHandler::listKeys(const SimRequest &)
{
    return SimResponse::ok({{QStringLiteral("keys"), toArray(m_world.keys().list())}});
}

SimResponse SimAccountHandler::createKey(const SimRequest &r)
{
    SimBody body(r.json);
    const QString name = body.requiredString(QStringLiteral("name"), 200);
    const qint64 expires = body.optionalTimeMs(QStringLiteral("expires_at"));
    if (!body.ok())
        return SimResponse::error(400, body.error());
    if (expires && expires <= m_world.nowMs())
        return SimResponse::error(400, QStringLiteral("expires_at must be in the future"));
    const SimKeys::Created key = m_world.keys().create(name, expires, m_world.nowMs());
    return SimResponse::ok({{QStringLiteral("key"), key.json}}).mutating(QStringLiteral("key create #%1").arg(key.id));
}

SimResponse SimAccountHandler::revokeKey(const SimRequest &r)
{
    if (!m_world.keys().revoke(r.arg(), m_world.nowMs()))
        return SimResponse::error(404, QStringLiteral("no active key with id %1").arg(r.arg()));
    return SimResponse::ok().mutating(QStringLiteral("key revoke #%1").arg(r.arg()));
}

SimResponse SimAccountHandler::listWebhooks(const SimRequest &)
{
    return SimResponse::ok({{QStringLiteral("webhooks"), toArray(SimWebhooks(m_world.store().db()).list())}});
}

SimResponse SimAccountHandler::createWebhook(const SimRequest &r)
{
    SimBody body(r.json);
    const QString name = body.requiredString(QStringLiteral("name"), 200);
    const QString url = body.requiredString(QStringLiteral("url"), 2048);
    if (!body.ok())
        return SimResponse::error(400, body.error());
    QString error;
    if (!SimWebhooks::isAllowedUrl(url, &error))
        return SimResponse::error(400, error);
    const QJsonValue eventsValue = r.json.value(QStringLiteral("events"));
    if (!eventsValue.isArray() || eventsValue.toArray().isEmpty())
        return SimResponse::error(400, QStringLiteral("events is required and must be a non-empty array"));
    QStringList events;
    for (const QJsonValue &v : eventsValue.toArray()) {
        if (!SimWebhooks::eventNames().contains(v.toString()))
            return SimResponse::error(400, QStringLiteral("unknown event; known: ") +
                                               SimWebhooks::eventNames().join(QStringLiteral(", ")));
        if (!events.contains(v.toString()))
            events.append(v.toString());
    }
    const QString secret = newWebhookSecret();
    QJsonObject webhook = SimWebhooks(m_world.store().db()).create(name, url, events, secret, m_world.nowMs());
    webhook.insert(QStringLiteral("secret"), secret);
    return SimResponse::ok({{QStringLiteral("webhook"), webhook}})
        .mutating(QStringLiteral("webhook create #%1").arg(webhook.value(QStringLiteral("id")).toInteger()));
}

SimResponse SimAccountHandler::deleteWebhook(const SimRequest &r)
{
    if (!SimWebhooks(m_world.store().db()).remove(r.arg()))
        return SimResponse::error(404, QStringLiteral("no webhook with id %1").arg(r.arg()));
    return SimResponse::ok().mutating(QStringLiteral("webhook delete #%1").arg(r.arg()));
}

SimResponse SimAccountHandler::testWebhook(const SimRequest &r)
{
    const auto target = SimWebhooks(m_world.store().db()).target(r.arg());
    if (!target)
        return SimResponse::error(404, QStringLiteral("no webhook with id %1").arg(r.arg()));
    m_sender.sendTest(*target);
    return SimResponse::ok({{QStringLiteral("queued"), 1}}).mutating(QStringLiteral("webhook test #%1").arg(r.arg()));
}

SimResponse SimAccountHandler::deliveries(const SimRequest &r)
{
    SimWebhooks webhooks(m_world.store().db());
    if (!webhooks.target(r.arg()))
        return SimResponse::error(404, QStringLiteral("no webhook with id %1").arg(r.arg()));
    return SimResponse::ok({{QStringLiteral("deliveries"), toArray(webhooks.deliveries(r.arg()))}});
}

} // namespace outpost::sim
