#pragma once

#include "SimWebhooks.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>

namespace outpost::sim {

class SimWorld;

// Delivers events to the registered webhooks: POST of the contract's body,
// signed in the configured header, a 10 s timeout and retries of non-2xx
// answers at 10 s, 30 s, 2 min, 10 min and 30 min, every wait multiplied by
// --time-scale. Every attempt lands in the deliveries log. Attempts start at
// most 20 a second (the contract's burst); the rest wait their turn.
class SimWebhookSender : public QObject
{
    Q_OBJECT

public:
    explicit SimWebhookSender(SimWorld &world, QObject *parent = nullptr);

    // Sends `event` to every active webhook subscribed to it.
    void publish(const QString &event, const QJsonObject &data);
    // Sends a `test` event to one webhook, whatever it subscribed to.
    void sendTest(const SimWebhooks::Target &target);

    static const QList<int> &retryDelaysSecs();
    static QByteArray eventBody(const QString &eventId, const QString &event, const QJsonObject &data,
                                const QDateTime &time);

private:
    struct Delivery
    {
        SimWebhooks::Target target;
        QString eventId;
        QString event;
        QByteArray body;
        int attempt = 1;
    };

    void attempt(const Delivery &delivery);
    void start(const Delivery &delivery);
    void drain();
    void finished(const Delivery &delivery, class QNetworkReply *reply, qint64 startedMs);
    qint64 scaledMs(qint64 ms) const;

    SimWorld &m_world;
    QNetworkAccessManager m_network;
    QList<qint64> m_recentStarts; // start times within the last second
    QList<Delivery> m_waiting;
    QTimer m_drainTimer;
};

} // namespace outpost::sim
