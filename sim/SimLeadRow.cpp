#include "SimLeadRow.h"

#include "LeadGenerator.h"

#include <QSqlQuery>

namespace outpost::sim {

QString SimLeadRow::columns()
{
    return QStringLiteral("id, name, phone, email, status, channel, source, tags, assigned_agent, escalated, score, "
                          "rating, created_at, updated_at, last_message_at, first_in_at, first_out_at, last_in_at, "
                          "last_out_at, human_replies, resolved_at");
}

SimLeadRow SimLeadRow::fromQuery(const QSqlQuery &q)
{
    SimLeadRow row;
    Lead &l = row.lead;
    l.id = q.value(0).toLongLong();
    l.name = q.value(1).toString();
    l.phone = q.value(2).toString();
    l.email = textOrNull(q.value(3));
    l.status = LeadStatus::fromString(q.value(4).toString());
    l.channel = q.value(5).toString();
    l.source = textOrNull(q.value(6));
    l.tags = decodeTags(q.value(7).toString());
    l.assignedAgent = textOrNull(q.value(8));
    l.escalated = q.value(9).toInt() != 0;
    if (!q.value(10).isNull())
        l.score = q.value(10).toInt();
    if (!q.value(11).isNull())
        l.rating = q.value(11).toDouble();
    l.createdAt = timeFromMs(q.value(12));
    l.updatedAt = timeFromMs(q.value(13));
    l.lastMessageAt = timeFromMs(q.value(14));
    row.firstInAt = q.value(15).toLongLong();
    row.firstOutAt = q.value(16).toLongLong();
    row.lastInAt = q.value(17).toLongLong();
    row.lastOutAt = q.value(18).toLongLong();
    row.humanReplies = q.value(19).toInt();
    row.resolvedAt = q.value(20).toLongLong();
    return row;
}

void SimLeadRow::addMessage(const Message &message)
{
    const qint64 at = message.sentAt.toMSecsSinceEpoch();
    if (message.direction == Message::Direction::In) {
        if (!firstInAt)
            firstInAt = at;
        lastInAt = std::max(lastInAt, at);
    } else {
        // The first response answers the first incoming message; an outgoing
        // message before any incoming one (a campaign) answers nothing.
        if (firstInAt && !firstOutAt && at >= firstInAt)
            firstOutAt = at;
        lastOutAt = std::max(lastOutAt, at);
        if (message.author != LeadGenerator::botName())
            ++humanReplies;
    }
    if (!lead.lastMessageAt.isValid() || message.sentAt > lead.lastMessageAt)
        lead.lastMessageAt = message.sentAt;
}

bool SimLeadRow::isResolved(const LeadStatus &status)
{
    return status.stage() == LeadStatus::Closed || status.stage() == LeadStatus::Lost;
}

void SimLeadRow::setStatus(const LeadStatus &status, qint64 nowMs)
{
    const bool was = isResolved(lead.status);
    lead.status = status;
    if (isResolved(status) && !was)
        resolvedAt = nowMs;
    else if (!isResolved(status))
        resolvedAt = 0;
}

QString SimLeadRow::encodeTags(const QStringList &tags)
{
    if (tags.isEmpty())
        return QString(QLatin1StringView(""));
    return QLatin1Char(',') + tags.join(QLatin1Char(',')) + QLatin1Char(',');
}

QStringList SimLeadRow::decodeTags(const QString &text)
{
    return text.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

QVariant SimLeadRow::msOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime SimLeadRow::timeFromMs(const QVariant &value)
{
    if (value.isNull())
        return QDateTime();
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString SimLeadRow::textOrNull(const QVariant &value)
{
    return value.isNull() ? QString() : value.toString();
}

} // namespace outpost::sim
