#include "campaigns/Campaign.h"

#include "domain/JsonReader.h"

namespace outpost {

namespace {

QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(JsonReader::formatTime(t)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject Campaign::toJson() const
{
    QJsonObject o{
        {QStringLiteral("local_id"), localId},
        {QStringLiteral("id"), serverId ? QJsonValue(serverId) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("origin"), origin == Origin::Local ? QStringLiteral("local") : QStringLiteral("server")},
        {QStringLiteral("name"), name},
        {QStringLiteral("filters"), filters},
        {QStringLiteral("message"), message},
        {QStringLiteral("status"), status},
        {QStringLiteral("created_at"), timeOrNull(createdAt)},
        {QStringLiteral("sent_at"), timeOrNull(sentAt)}};
    if (queued)
        o.insert(QStringLiteral("queued"), *queued);
    if (stats)
        o.insert(QStringLiteral("stats"), stats->toJson());
    if (!lastError.isEmpty())
        o.insert(QStringLiteral("last_error"), lastError);
    if (!outboxState.isEmpty()) {
        o.insert(QStringLiteral("outbox_state"), outboxState);
        if (!outboxError.isEmpty())
            o.insert(QStringLiteral("outbox_error"), outboxError);
    }
    o.insert(QStringLiteral("display_status"), displayStatus());
    return o;
}

QString Campaign::displayStatus() const
{
    if (status != QLatin1StringView("queued") || outboxState.isEmpty())
        return status;
    // "sending" in the outbox means handed to the network, not yet confirmed.
    if (outboxState == QLatin1StringView("pending") || outboxState == QLatin1StringView("sending") ||
        outboxState == QLatin1StringView("done"))
        return QStringLiteral("queued");
    return outboxState;
}

} // namespace outpost
