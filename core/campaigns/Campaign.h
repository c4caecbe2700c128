#pragma once

#include "campaigns/CampaignStats.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace outpost {

// One campaign as the cache keeps it: a draft this app created, or one the
// service listed. localId is the cache's own id (what outpostctl prints).
struct Campaign
{
    enum class Origin {
        Local,
        Server
    };

    qint64 localId = 0;
    qint64 serverId = 0; // 0: not created on the service yet
    Origin origin = Origin::Local;
    QString name;
    QJsonObject filters; // the contract's `filters` object
    QString message;
    // The service's draft / sending / sent, plus "queued": asked to send here,
    // not yet confirmed by the service.
    QString status = QStringLiteral("draft");
    QDateTime createdAt;
    QDateTime sentAt;
    std::optional<qint64> queued;
    QString createKey;
    QString sendKey;
    std::optional<CampaignStats> stats;
    QDateTime statsAt;
    QString lastError;
    // Its send row in the outbox (pending, sending, needs-review, failed, ...;
    // empty when none) and that row's last error.
    QString outboxState;
    QString outboxError;

    bool isDraft() const { return status == QLatin1StringView("draft"); }
    bool sendRequested() const { return !sendKey.isEmpty(); }
    // What a person is shown: draft, queued, sending, needs-review, failed,
    // not-allowed, sent. A send waiting in the outbox shows the outbox's word.
    QString displayStatus() const;

    // The contract's campaign object: {id, name, filters, message, status, created_at, sent_at}.
    QJsonObject toJson() const;
};

} // namespace outpost
