#include "domain/LeadFilter.h"

#include "domain/JsonReader.h"

namespace outpost {

namespace {

const QLatin1StringView kStatus("status");
const QLatin1StringView kChannel("channel");
const QLatin1StringView kTag("tag");
const QLatin1StringView kSource("source");
const QLatin1StringView kAgent("assigned_agent");
const QLatin1StringView kCreatedAfter("created_after");
const QLatin1StringView kCreatedBefore("created_before");
const QLatin1StringView kLastMessageBefore("last_message_before");
const QLatin1StringView kSearch("search");
const QLatin1StringView kEscalated("escalated");

void insertIfSet(QJsonObject &o, QLatin1StringView key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}

void insertIfSet(QJsonObject &o, QLatin1StringView key, const QDateTime &value)
{
    if (value.isValid())
        o.insert(key, JsonReader::formatTime(value));
}

} // namespace

bool LeadFilter::isEmpty() const
{
    return *this == LeadFilter{};
}

QJsonObject LeadFilter::toJson() const
{
    QJsonObject o;
    insertIfSet(o, kStatus, status);
    insertIfSet(o, kChannel, channel);
    insertIfSet(o, kTag, tag);
    insertIfSet(o, kSource, source);
    insertIfSet(o, kAgent, assignedAgent);
    insertIfSet(o, kCreatedAfter, createdAfter);
    insertIfSet(o, kCreatedBefore, createdBefore);
    insertIfSet(o, kLastMessageBefore, lastMessageBefore);
    return o;
}

QDateTime LeadFilter::parseBound(const QString &text)
{
    const QString t = text.trimmed();
    if (t.size() == 10) {
        const QDate d = QDate::fromString(t, Qt::ISODate);
        return d.isValid() ? QDateTime(d, QTime(0, 0), Qt::UTC) : QDateTime();
    }
    return JsonReader::parseTime(t);
}

Result<LeadFilter> LeadFilter::fromJson(const QJsonObject &object)
{
    LeadFilter f;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it->isNull())
            continue;
        if (!it->isString())
            return makeError(QStringLiteral("filters.%1: expected a string, got %2")
                                 .arg(it.key(), JsonReader::typeName(it.value())));
        // Unknown filter names are ignored here, like unknown fields anywhere else.
        auto set = f.set(it.key() + QLatin1Char('=') + it->toString());
        if (!set && !set.error().message.startsWith(QLatin1StringView("unknown filter")))
            return makeError(QStringLiteral("filters.") + set.error().message);
    }
    return f;
}

Result<void> LeadFilter::set(const QString &assignment)
{
    const qsizetype eq = assignment.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return makeError(QStringLiteral("expected NAME=VALUE, got \"%1\"").arg(assignment.left(64)));
    const QString name = assignment.left(eq).trimmed();
    const QString value = assignment.mid(eq + 1);

    auto time = [&](QDateTime &target) -> Result<void> {
        const QDateTime t = parseBound(value);
        if (!t.isValid())
            return makeError(name + QStringLiteral(": not a date or ISO 8601 time: \"%1\"").arg(value.left(64)));
        target = t;
        return {};
    };

    if (name == kStatus)
        status = value;
    else if (name == kChannel)
        channel = value;
    else if (name == kTag)
        tag = value;
    else if (name == kSource)
        source = value;
    else if (name == kAgent || name == QLatin1StringView("agent"))
        assignedAgent = value;
    else if (name == kCreatedAfter)
        return time(createdAfter);
    else if (name == kCreatedBefore)
        return time(createdBefore);
    else if (name == kLastMessageBefore)
        return time(lastMessageBefore);
    else if (name == kSearch)
        search = value;
    else if (name == kEscalated) {
        const QString v = value.trimmed().toLower();
        if (v == QLatin1StringView("true") || v == QLatin1StringView("yes") || v == QLatin1StringView("1"))
            escalated = true;
        else if (v == QLatin1StringView("false") || v == QLatin1StringView("no") || v == QLatin1StringView("0"))
            escalated = false;
        else
            return makeError(QStringLiteral("escalated: expected true or false, got \"%1\"").arg(value.left(16)));
    } else {
        return makeError(QStringLiteral("unknown filter \"%1\" (known: status, channel, tag, source, "
                                        "assigned_agent, created_after, created_before, last_message_before, "
                                        "search, escalated)")
                             .arg(name.left(64)));
    }
    return {};
}

} // namespace outpost
