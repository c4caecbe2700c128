#include "webhooks/WebhookReceiver.h"

#include "common/Logging.h"
#include "storage/WebhookEventLog.h"
#include "webhooks/WebhookConnection.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace outpost {

namespace {

QJsonObject answer(bool ok, const QString &error = QString())
{
    QJsonObject body{{QStringLiteral("ok"), ok}};
    if (!error.isEmpty())
        body.insert(QStringLiteral("error"), error);
    return body;
}

webhook::Outcome outcomeOfReadFailure(int status)
{
    switch (status) {
    case 408:
        return webhook::Outcome::TimedOut;
    case 413:
        return webhook::Outcome::TooLarge;
    default:
        return webhook::Outcome::BadRequest;
    }
}

} // namespace

WebhookReceiver::WebhookReceiver(WebhookSignature signature, Options options, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_verifier(std::move(signature), clock, options.tolerance)
    , m_options(options)
    , m_clock(clock)
    // Ids are kept for twice the tolerance: an event can be that far from another copy of itself.
    , m_replays(options.replayCapacity,
                2 * std::chrono::duration_cast<std::chrono::milliseconds>(options.tolerance).count())
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &WebhookReceiver::onNewConnection);
}

WebhookReceiver::WebhookReceiver(WebhookSignature signature, QObject *parent)
    : WebhookReceiver(std::move(signature), Options{}, Clock::system(), parent)
{}

WebhookReceiver::~WebhookReceiver() = default;

Result<quint16> WebhookReceiver::listen(const QHostAddress &address, quint16 port)
{
    if (!m_verifier.signature().hasSecrets())
        return makeError(tr("no webhook secret: every delivery would be refused"));
    if (!m_server->listen(address, port))
        return makeError(
            tr("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(m_server->errorString()));
    return m_server->serverPort();
}

void WebhookReceiver::close()
{
    m_server->close();
}

quint16 WebhookReceiver::port() const
{
    return m_server->serverPort();
}

int WebhookReceiver::rejectedCount() const
{
    int total = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        if (it.key() != webhook::Outcome::Accepted && it.key() != webhook::Outcome::Duplicate)
            total += it.value();
    }
    return total;
}

void WebhookReceiver::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_connections >= m_options.maxConnections) {
            socket->abort();
            socket->deleteLater();
            record(webhook::Outcome::Overloaded, QStringLiteral("too many open connections"));
            continue;
        }
        ++m_connections;
        auto *connection = new WebhookConnection(socket, m_options.limits, m_options.readDeadline, this);
        connect(connection, &WebhookConnection::requestReceived, this, &WebhookReceiver::onRequest);
        connect(connection, &WebhookConnection::requestFailed, this, &WebhookReceiver::onRequestFailed);
        connect(connection, &WebhookConnection::closed, this, [this] { --m_connections; });
    }
}

void WebhookReceiver::onRequest(WebhookConnection *connection, const HttpRequest &request)
{
    WebhookVerdict verdict = m_verifier.verify(request);
    if (verdict.outcome != webhook::Outcome::Accepted) {
        record(verdict.outcome, verdict.reason);
        connection->respond(verdict.status, answer(false, verdict.reason));
        return;
    }
    const QString id = verdict.event.value(QStringLiteral("id")).toString();
    const std::optional<bool> seen = seenBefore(id);
    if (seen && *seen) {
        // Answered 200: the sender may be retrying a delivery whose answer it lost.
        record(webhook::Outcome::Duplicate, QStringLiteral("event %1 was received before").arg(id));
        connection->respond(200, QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("duplicate"), true}});
        return;
    }
    // An event that cannot be remembered is not taken: a later replay would pass.
    if (!seen || !remember(id)) {
        record(webhook::Outcome::Unavailable, QStringLiteral("the cache cannot record events right now"));
        connection->respond(503, answer(false, QStringLiteral("try again later")));
        return;
    }
    record(webhook::Outcome::Accepted, QString());
    connection->respond(200, answer(true));
    emit eventReceived(verdict.event);
}

std::optional<bool> WebhookReceiver::seenBefore(const QString &id)
{
    m_replays.forgetOlderThan(m_clock.monotonicMs());
    if (m_replays.seen(id))
        return true;
    if (!m_log)
        return false;
    const Result<bool> logged = m_log->contains(id);
    if (!logged) {
        qCWarning(lcWebhooks) << "cannot look up a webhook event id:" << logged.error().message;
        return std::nullopt;
    }
    return *logged;
}

bool WebhookReceiver::remember(const QString &id)
{
    if (m_log) {
        if (auto logged = m_log->add(id, m_clock.now()); !logged) {
            qCWarning(lcWebhooks) << "cannot record a webhook event id:" << logged.error().message;
            return false;
        }
    }
    m_replays.remember(id, m_clock.monotonicMs());
    return true;
}

void WebhookReceiver::onRequestFailed(WebhookConnection *connection, int status, const QString &reason)
{
    record(outcomeOfReadFailure(status), reason);
    connection->respond(status, answer(false, reason));
}

void WebhookReceiver::record(webhook::Outcome outcome, const QString &reason)
{
    ++m_counts[outcome];
    if (outcome == webhook::Outcome::Accepted)
        return;
    qCInfo(lcWebhooks) << "webhook delivery refused or dropped:" << outcome << reason;
    emit eventRejected(outcome, reason);
}

} // namespace outpost
