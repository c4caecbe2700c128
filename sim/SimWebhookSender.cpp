#include "SimWebhookSender.h"

#include "SimSignature.h"
#include "SimWorld.h"
#include "domain/JsonReader.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>

namespace outpost::sim {

namespace {

constexpr qint64 timeoutMs = 10000;
constexpr qint64 minimumTimeoutMs = 100;
constexpr int burstPerSecond = 20;

QString newEventId()
{
    return QStringLiteral("evt_%1%2")
        .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'))
        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
}

} // namespace

SimWebhookSender::SimWebhookSender(SimWorld &world, QObject *parent)
    : QObject(parent)
    , m_world(world)
{
    m_drainTimer.setSingleShot(true);
    m_drainTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_drainTimer, &QTimer::timeout, this, &SimWebhookSender::drain);
}

const QList<int> &SimWebhookSender::retryDelaysSecs()
{
    static const QList<int> delays = {10, 30, 120, 600, 1800};
    return delays;
}

QByteArray SimWebhookSender::eventBody(const QString &eventId, const QString &event, const QJsonObject &data,
                                       const QDateTime &time)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("id"), eventId},
                                     {QStringLiteral("event"), event},
                                     {QStringLiteral("timestamp"), JsonReader::formatTime(time)},
                                     {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

qint64 SimWebhookSender::scaledMs(qint64 ms) const
{
    return static_cast<qint64>(static_cast<double>(ms) * m_world.options().timeScale);
}

void SimWebhookSender::publish(const QString &event, const QJsonObject &data)
{
    const QList<SimWebhooks::Target> targets = SimWebhooks(m_world.store().db()).subscribers(event);
    if (targets.isEmpty())
        return;
    const QString eventId = newEventId();
    const QByteArray body = eventBody(eventId, event, data, m_world.now());
    for (const SimWebhooks::Target &target : targets)
        attempt(Delivery{target, eventId, event, body, 1});
}

void SimWebhookSender::sendTest(const SimWebhooks::Target &target)
{
    const QString eventId = newEventId();
    const QJsonObject data{{QStringLiteral("message"), QStringLiteral("This is a test event from outpost-sim.")},
                           {QStringLiteral("webhook_id"), target.id}};
    attempt(Delivery{target, eventId, QStringLiteral("test"),
                     eventBody(eventId, QStringLiteral("test"), data, m_world.now()), 1});
}

void SimWebhookSender::attempt(const Delivery &delivery)
{
    m_waiting.append(delivery);
    drain();
}

void SimWebhookSender::drain()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    while (!m_recentStarts.isEmpty() && m_recentStarts.first() <= now - 1000)
        m_recentStarts.removeFirst();
    while (!m_waiting.isEmpty() && m_recentStarts.size() < burstPerSecond) {
        m_recentStarts.append(now);
        start(m_waiting.takeFirst());
    }
    if (!m_waiting.isEmpty() && !m_drainTimer.isActive())
        m_drainTimer.start(static_cast<int>(std::max<qint64>(1, m_recentStarts.first() + 1000 - now)));
}

void SimWebhookSender::start(const Delivery &delivery)
{
    QNetworkRequest request{QUrl(delivery.target.url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(m_world.options().signatureHeader.toLatin1(),
                         SimSignature::sign(delivery.target.secret.toUtf8(), delivery.body));
    request.setRawHeader(QByteArrayLiteral("User-Agent"), QByteArrayLiteral("outpost-sim-webhooks/1"));
    request.setTransferTimeout(static_cast<int>(std::max(minimumTimeoutMs, scaledMs(timeoutMs))));
    const qint64 started = m_world.nowMs();
    QNetworkReply *reply = m_network.post(request, delivery.body);
    connect(reply, &QNetworkReply::finished, this,
            [this, delivery, reply, started] { finished(delivery, reply, started); });
}

void SimWebhookSender::finished(const Delivery &delivery, QNetworkReply *reply, qint64 startedMs)
{
    reply->deleteLater();
    SimWebhooks::Attempt a;
    a.webhookId = delivery.target.id;
    a.eventId = delivery.eventId;
    a.event = delivery.event;
    a.attempt = delivery.attempt;
    a.statusCode = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.attemptedAtMs = startedMs;
    a.durationMs = m_world.nowMs() - startedMs;
    a.ok = a.statusCode >= 200 && a.statusCode < 300;
    if (!a.ok)
        a.error = a.statusCode ? QStringLiteral("HTTP %1").arg(a.statusCode) : reply->errorString();
    SimWebhooks webhooks(m_world.store().db());
    webhooks.log(a);
    if (a.ok || delivery.attempt > retryDelaysSecs().size())
        return;
    Delivery next = delivery;
    next.attempt = delivery.attempt + 1;
    const qint64 delay = scaledMs(retryDelaysSecs().at(delivery.attempt - 1) * 1000LL);
    // Precise: a coarse timer may fire up to 5 % early, and the schedule is a promise.
    QTimer::singleShot(std::chrono::milliseconds(delay), Qt::PreciseTimer, this, [this, next] {
        // A webhook deleted in the meantime gets no more attempts.
        if (SimWebhooks(m_world.store().db()).target(next.target.id))
            attempt(next);
    });
}

} // namespace outpost::sim
