#pragma once

#include "common/Result.h"
#include "webhooks/HttpRequestReader.h"
#include "webhooks/ReplayGuard.h"
#include "webhooks/WebhookOutcome.h"
#include "webhooks/WebhookVerifier.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>

#include <chrono>
#include <optional>

class QTcpServer;

namespace outpost {

class WebhookConnection;
class WebhookEventLog;

// A small HTTP/1.1 listener for a service's webhook deliveries (QtNetwork
// only: the core links no HTTP server). It accepts POSTs, reads the raw body
// within size and time limits, verifies the signature over the raw bytes,
// refuses stale events, drops repeated ids, answers 2xx or 4xx, and emits
// each new event once.
class WebhookReceiver : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        HttpRequestReader::Limits limits;
        // The whole request must arrive within this time (slowloris).
        std::chrono::milliseconds readDeadline{10000};
        std::chrono::seconds tolerance{std::chrono::minutes(5)};
        qsizetype replayCapacity = 20000;
        int maxConnections = 64;
    };

    WebhookReceiver(WebhookSignature signature, Options options, const Clock &clock = Clock::system(),
                    QObject *parent = nullptr);
    explicit WebhookReceiver(WebhookSignature signature, QObject *parent = nullptr);
    ~WebhookReceiver() override;

    // Port 0 picks a free one; the answer is the bound port.
    Result<quint16> listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    void close();
    quint16 port() const;
    // New secrets or header name take effect with the next request (a webhook
    // created or rotated while listening).
    void setSignature(WebhookSignature signature) { m_verifier.setSignature(std::move(signature)); }

    // Remembers accepted ids in the cache too (not owned; same thread), so a
    // replay is refused after a restart as well. Without it, memory only.
    void setEventLog(WebhookEventLog *log) { m_log = log; }

    int count(webhook::Outcome outcome) const { return m_counts.value(outcome); }
    int rejectedCount() const;
    qsizetype openConnections() const { return m_connections; }

signals:
    void eventReceived(const QJsonObject &event);
    void eventRejected(outpost::webhook::Outcome outcome, const QString &reason);

private:
    void onNewConnection();
    void onRequest(WebhookConnection *connection, const HttpRequest &request);
    void onRequestFailed(WebhookConnection *connection, int status, const QString &reason);
    void record(webhook::Outcome outcome, const QString &reason);
    // Null: the cache could not answer.
    std::optional<bool> seenBefore(const QString &id);
    bool remember(const QString &id);

    WebhookVerifier m_verifier;
    Options m_options;
    const Clock &m_clock;
    ReplayGuard m_replays;
    WebhookEventLog *m_log = nullptr;
    QTcpServer *m_server;
    QHash<webhook::Outcome, int> m_counts;
    qsizetype m_connections = 0;
};

} // namespace outpost
