#pragma once

#include "common/Clock.h"
#include "webhooks/HttpRequest.h"
#include "webhooks/WebhookOutcome.h"
#include "webhooks/WebhookSignature.h"

#include <QJsonObject>

#include <chrono>

namespace outpost {

// The verdict on one complete request: what to answer and, when accepted, the event.
struct WebhookVerdict
{
    webhook::Outcome outcome = webhook::Outcome::BadRequest;
    int status = 400;
    QString reason;
    QJsonObject event;
};

// Decides whether a request is a genuine, fresh webhook event: a POST whose
// raw body carries a valid signature, parses as an event object, and whose
// timestamp is within the tolerance of now. Replays are the receiver's job.
class WebhookVerifier
{
public:
    WebhookVerifier(WebhookSignature signature, const Clock &clock,
                    std::chrono::seconds tolerance = std::chrono::minutes(5));

    WebhookVerdict verify(const HttpRequest &request) const;
    const WebhookSignature &signature() const { return m_signature; }
    void setSignature(WebhookSignature signature) { m_signature = std::move(signature); }

private:
    WebhookVerdict checkEvent(const QByteArray &body) const;
    bool isFresh(const QJsonValue &timestamp, QString *why) const;

    WebhookSignature m_signature;
    const Clock &m_clock;
    std::chrono::seconds m_tolerance;
};

} // namespace outpost
