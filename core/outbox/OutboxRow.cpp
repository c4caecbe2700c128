#include "outbox/OutboxRow.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <array>
#include <utility>

namespace outpost {

namespace {

constexpr std::array<std::pair<OutboxRow::Op, const char *>, 11> kOps = {{
    {OutboxRow::Op::SetStatus, "set-status"},
    {OutboxRow::Op::Note, "note"},
    {OutboxRow::Op::Reply, "reply"},
    {OutboxRow::Op::Appointment, "appointment"},
    {OutboxRow::Op::TagAdd, "tag-add"},
    {OutboxRow::Op::TagRemove, "tag-remove"},
    {OutboxRow::Op::BulkStage, "bulk-stage"},
    {OutboxRow::Op::BulkTag, "bulk-tag"},
    {OutboxRow::Op::BulkMessage, "bulk-message"},
    {OutboxRow::Op::CampaignCreate, "campaign-create"},
    {OutboxRow::Op::CampaignSend, "campaign-send"},
}};

constexpr std::array<std::pair<OutboxRow::State, const char *>, 7> kStates = {{
    {OutboxRow::State::Pending, "pending"},
    {OutboxRow::State::Sending, "sending"},
    {OutboxRow::State::NeedsReview, "needs-review"},
    {OutboxRow::State::Conflict, "conflict"},
    {OutboxRow::State::Failed, "failed"},
    {OutboxRow::State::NotAllowed, "not-allowed"},
    {OutboxRow::State::Done, "done"},
}};

} // namespace

bool OutboxRow::repeatsAct() const
{
    switch (op) {
    case Op::Note:
    case Op::Reply:
    case Op::Appointment:
    case Op::BulkMessage:
    case Op::CampaignCreate:
    case Op::CampaignSend:
        return true;
    default:
        return false;
    }
}

QString OutboxRow::opName(Op op)
{
    for (const auto &[value, name] : kOps) {
        if (value == op)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<OutboxRow::Op> OutboxRow::opFromName(const QString &name)
{
    for (const auto &[value, text] : kOps) {
        if (name == QLatin1StringView(text))
            return value;
    }
    return std::nullopt;
}

QString OutboxRow::stateName(State state)
{
    for (const auto &[value, name] : kStates) {
        if (value == state)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<OutboxRow::State> OutboxRow::stateFromName(const QString &name)
{
    for (const auto &[value, text] : kStates) {
        if (name == QLatin1StringView(text))
            return value;
    }
    return std::nullopt;
}

QString OutboxRow::describe() const
{
    const auto text = [this](const char *key) {
        return payload.value(QLatin1StringView(key)).toString();
    };
    switch (op) {
    case Op::SetStatus:
        return tr("status → %1").arg(text("status"));
    case Op::Note:
        return tr("note: %1").arg(text("text"));
    case Op::Reply:
        return tr("reply: %1").arg(text("text"));
    case Op::Appointment:
        return tr("appointment %1, %2").arg(text("datetime"), text("service"));
    case Op::TagAdd:
        return tr("tag +%1").arg(text("tag"));
    case Op::TagRemove:
        return tr("tag −%1").arg(text("tag"));
    case Op::BulkStage:
        return tr("%n lead(s) → %1", nullptr, int(leadIds.size())).arg(text("status"));
    case Op::BulkTag:
        return (text("action") == QLatin1StringView("add") ? tr("%n lead(s): tag +%1", nullptr, int(leadIds.size()))
                                                           : tr("%n lead(s): tag −%1", nullptr, int(leadIds.size())))
            .arg(text("tag"));
    case Op::BulkMessage:
        return tr("message to %n lead(s): %1", nullptr, int(leadIds.size())).arg(text("message"));
    case Op::CampaignCreate:
        return tr("new campaign: %1").arg(text("name"));
    case Op::CampaignSend:
        return tr("send campaign");
    }
    return {};
}

QString OutboxRow::describeState() const
{
    switch (state) {
    case State::Pending:
        return tr("waiting to be sent");
    case State::Sending:
        return tr("sending");
    case State::NeedsReview:
        return tr("needs review: it may or may not have reached the service");
    case State::Conflict:
        return tr("conflict: changed on the service too");
    case State::Failed:
        return tr("refused by the service");
    case State::NotAllowed:
        return tr("not allowed on this plan");
    case State::Done:
        return tr("sent");
    }
    return {};
}

QJsonObject OutboxRow::toJson() const
{
    QJsonArray leads;
    for (qint64 id : leadIds)
        leads.append(id);
    const auto time = [](const QDateTime &t) {
        return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
    };
    QJsonObject object{
        {QStringLiteral("id"), id},
        {QStringLiteral("op"), opName(op)},
        {QStringLiteral("lead_ids"), leads},
        {QStringLiteral("payload"), payload},
        {QStringLiteral("idempotency_key"), idempotencyKey},
        {QStringLiteral("base"), base},
        {QStringLiteral("state"), stateName(state)},
        {QStringLiteral("attempts"), attempts},
        {QStringLiteral("last_error"), lastError.isEmpty() ? QJsonValue() : QJsonValue(lastError)},
        {QStringLiteral("created_at"), time(createdAt)},
        {QStringLiteral("updated_at"), time(updatedAt)},
        {QStringLiteral("first_sent_at"), time(firstSentAt)},
        {QStringLiteral("description"), describe()},
    };
    if (!conflict.isEmpty())
        object.insert(QStringLiteral("conflict"), conflict);
    if (!result.isEmpty())
        object.insert(QStringLiteral("result"), result);
    return object;
}

} // namespace outpost
