#include "webhooks/WebhookVerifier.h"

#include <QJsonDocument>

namespace outpost {

namespace {

constexpr qsizetype kMaxIdLength = 256;

WebhookVerdict reject(webhook::Outcome outcome, int status, QString reason)
{
    return WebhookVerdict{outcome, status, std::move(reason), {}};
}

} // namespace

WebhookVerifier::WebhookVerifier(WebhookSignature signature, const Clock &clock, std::chrono::seconds tolerance)
    : m_signature(std::move(signature))
    , m_clock(clock)
    , m_tolerance(tolerance)
{}

WebhookVerdict WebhookVerifier::verify(const HttpRequest &request) const
{
    using webhook::Outcome;
    if (request.method != "POST")
        return reject(Outcome::WrongMethod, 405, QStringLiteral("only POST is accepted"));
    const QList<QByteArray> signatures = request.values(m_signature.headerName());
    if (signatures.isEmpty())
        return reject(Outcome::MissingSignature, 401,
                      QStringLiteral("missing %1 header").arg(QString::fromLatin1(m_signature.headerName())));
    // Two signature headers: which one would a proxy or a sender mean? Neither.
    if (signatures.size() > 1 || !m_signature.verify(request.body, signatures.first()))
        return reject(Outcome::BadSignature, 401, QStringLiteral("signature does not match the body"));
    return checkEvent(request.body);
}

WebhookVerdict WebhookVerifier::checkEvent(const QByteArray &body) const
{
    using webhook::Outcome;
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return reject(Outcome::Malformed, 400, QStringLiteral("the body is not a JSON object"));
    const QJsonObject event = document.object();
    const QString id = event.value(QStringLiteral("id")).toString();
    if (id.isEmpty() || id.size() > kMaxIdLength)
        return reject(Outcome::Malformed, 400, QStringLiteral("the event has no valid \"id\""));
    if (event.value(QStringLiteral("event")).toString().isEmpty())
        return reject(Outcome::Malformed, 400, QStringLiteral("the event has no \"event\" name"));
    QString why;
    if (!isFresh(event.value(QStringLiteral("timestamp")), &why))
        return reject(why.isEmpty() ? Outcome::Stale : Outcome::Malformed, 400,
                      why.isEmpty()
                          ? QStringLiteral("the event's timestamp is more than %1 s off").arg(m_tolerance.count())
                          : why);
    return WebhookVerdict{Outcome::Accepted, 200, QString(), event};
}

// False with `why` empty: stale. False with `why` set: not a timestamp at all.
bool WebhookVerifier::isFresh(const QJsonValue &timestamp, QString *why) const
{
    QDateTime when;
    if (timestamp.isString()) {
        when = QDateTime::fromString(timestamp.toString(), Qt::ISODateWithMs);
        // The contract's times are UTC; one without an offset is read as UTC, not local time.
        if (when.isValid() && when.timeSpec() == Qt::LocalTime)
            when.setTimeSpec(Qt::UTC);
    } else if (timestamp.isDouble())
        when = QDateTime::fromSecsSinceEpoch(static_cast<qint64>(timestamp.toDouble()), Qt::UTC);
    if (!when.isValid()) {
        *why = QStringLiteral("the event has no valid \"timestamp\"");
        return false;
    }
    const qint64 offMs = std::abs(m_clock.now().msecsTo(when));
    return offMs <= std::chrono::duration_cast<std::chrono::milliseconds>(m_tolerance).count();
}

} // namespace outpost
