#pragma once

#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace outpost::sim {

// Registered webhooks and the log of every delivery attempt. The secret is the
// server's signing key: it has to be kept (a real service keeps it too), and
// it leaves the sim once, in the answer that creates the webhook.
class SimWebhooks
{
public:
    struct Target
    {
        qint64 id = 0;
        QString url;
        QString secret;
        QStringList events;
    };
    struct Attempt
    {
        qint64 webhookId = 0;
        QString eventId;
        QString event;
        int attempt = 1;
        int statusCode = 0; // 0: no HTTP answer (refused, timeout)
        qint64 durationMs = 0;
        qint64 attemptedAtMs = 0;
        bool ok = false;
        QString error;
    };

    explicit SimWebhooks(QSqlDatabase db)
        : m_db(std::move(db))
    {}

    static const QStringList &eventNames();
    // HTTPS, or plain HTTP to a loopback host; anything else sets *error.
    static bool isAllowedUrl(const QString &url, QString *error);

    QJsonObject create(const QString &name, const QString &url, const QStringList &events, const QString &secret,
                       qint64 nowMs);
    QList<QJsonObject> list() const;
    bool remove(qint64 id);
    std::optional<Target> target(qint64 id) const;
    QList<Target> subscribers(const QString &event) const;

    void log(const Attempt &attempt);
    QList<QJsonObject> deliveries(qint64 webhookId) const;

private:
    QSqlDatabase m_db;
};

} // namespace outpost::sim
