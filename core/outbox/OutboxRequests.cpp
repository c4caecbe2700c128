#include "outbox/OutboxRequests.h"

#include "campaigns/CampaignMessage.h"
#include "domain/LeadCodec.h"
#include "outbox/BulkComparison.h"

#include <QJsonArray>

namespace outpost {

namespace {

QString leadPath(qint64 id, const char *tail = "")
{
    return QStringLiteral("/lead/%1%2").arg(id).arg(QLatin1StringView(tail));
}

// The item of a lead's detail a row adds, as the service shows it.
bool matches(const OutboxRow &row, const QJsonObject &item, const Lead &lead)
{
    const auto text = [&item](const char *key) {
        return item.value(QLatin1StringView(key)).toString();
    };
    const auto mine = [&row](const char *key) {
        return row.payload.value(QLatin1StringView(key)).toString();
    };
    switch (row.op) {
    case OutboxRow::Op::Note:
        return text("text") == mine("text");
    case OutboxRow::Op::Reply:
        return text("direction") == QLatin1StringView("out") && text("text") == mine("text");
    case OutboxRow::Op::BulkMessage:
        return text("direction") == QLatin1StringView("out") &&
               text("text") == CampaignMessage(mine("message")).render(lead);
    case OutboxRow::Op::Appointment:
        return text("datetime") == mine("datetime") && text("service") == mine("service");
    case OutboxRow::Op::CampaignCreate:
        return text("name") == mine("name") && text("message") == mine("message");
    default:
        return false;
    }
}

const char *listKey(OutboxRow::Op op)
{
    switch (op) {
    case OutboxRow::Op::Note:
        return "notes";
    case OutboxRow::Op::Appointment:
        return "appointments";
    case OutboxRow::Op::CampaignCreate:
        return "campaigns";
    default:
        return "messages";
    }
}

const char *itemKey(OutboxRow::Op op)
{
    switch (op) {
    case OutboxRow::Op::Note:
        return "note";
    case OutboxRow::Op::Appointment:
        return "appointment";
    case OutboxRow::Op::CampaignCreate:
        return "campaign";
    default:
        return "message";
    }
}

} // namespace

ApiRequest OutboxRequests::leadDetail(qint64 leadId)
{
    return ApiRequest::get(leadPath(leadId), {}, RequestPriority::Outbox);
}

ApiRequest OutboxRequests::probe(const OutboxRow &row)
{
    if (row.op == OutboxRow::Op::CampaignCreate)
        return ApiRequest::get(QStringLiteral("/campaigns"), {}, RequestPriority::Outbox);
    return leadDetail(row.leadIds.value(0));
}

OutboxRequests::Matches OutboxRequests::matchesIn(const OutboxRow &row, const QJsonObject &answer)
{
    const bool campaign = row.op == OutboxRow::Op::CampaignCreate;
    const QJsonObject holder = campaign ? answer : answer.value(QStringLiteral("lead")).toObject();
    const QJsonValue list = holder.value(QLatin1StringView(listKey(row.op)));
    Matches found;
    Lead lead;
    if (!campaign) {
        auto parsed = LeadCodec::leadFromJson(holder);
        if (!parsed || !list.isArray()) {
            found.unreadable = true;
            return found;
        }
        lead = *parsed;
    }
    if (!list.isArray())
        return found;
    int count = 0;
    for (const QJsonValue &item : list.toArray()) {
        if (matches(row, item.toObject(), lead)) {
            ++count;
            found.last = item.toObject();
        }
    }
    found.count = count;
    return found;
}

QJsonObject OutboxRequests::createdItem(const OutboxRow &row, const QJsonObject &answer)
{
    return answer.value(QLatin1StringView(itemKey(row.op))).toObject();
}

std::optional<ApiRequest> OutboxRequests::send(const OutboxRow &row, qint64 campaignId)
{
    const qint64 lead = row.leadIds.value(0);
    QJsonArray ids;
    for (qint64 id : BulkComparison::sendIds(row))
        ids.append(id);
    const QJsonObject &p = row.payload;
    const auto value = [&p](const char *key) {
        return p.value(QLatin1StringView(key));
    };
    ApiRequest r;
    switch (row.op) {
    case OutboxRow::Op::SetStatus:
        r = ApiRequest::post(leadPath(lead, "/status"), {{QStringLiteral("status"), value("status")}});
        break;
    case OutboxRow::Op::Note:
        r = ApiRequest::post(leadPath(lead, "/note"), {{QStringLiteral("text"), value("text")}});
        break;
    case OutboxRow::Op::Reply:
        r = ApiRequest::post(leadPath(lead, "/reply"), {{QStringLiteral("text"), value("text")}});
        break;
    case OutboxRow::Op::Appointment:
        r = ApiRequest::post(leadPath(lead, "/appointment"), {{QStringLiteral("datetime"), value("datetime")},
                                                              {QStringLiteral("service"), value("service")}});
        break;
    case OutboxRow::Op::TagAdd:
    case OutboxRow::Op::TagRemove:
        r = ApiRequest::post(QStringLiteral("/bulk/tag"),
                             {{QStringLiteral("lead_ids"), QJsonArray{lead}},
                              {QStringLiteral("tag"), value("tag")},
                              {QStringLiteral("action"),
                               row.op == OutboxRow::Op::TagAdd ? QStringLiteral("add") : QStringLiteral("remove")}});
        break;
    case OutboxRow::Op::BulkStage:
        r = ApiRequest::post(QStringLiteral("/bulk/stage"),
                             {{QStringLiteral("lead_ids"), ids}, {QStringLiteral("status"), value("status")}});
        break;
    case OutboxRow::Op::BulkTag:
        r = ApiRequest::post(QStringLiteral("/bulk/tag"), {{QStringLiteral("lead_ids"), ids},
                                                           {QStringLiteral("tag"), value("tag")},
                                                           {QStringLiteral("action"), value("action")}});
        break;
    case OutboxRow::Op::BulkMessage:
        r = ApiRequest::post(QStringLiteral("/bulk/message"),
                             {{QStringLiteral("lead_ids"), ids}, {QStringLiteral("message"), value("message")}});
        break;
    case OutboxRow::Op::CampaignCreate:
        r = ApiRequest::post(QStringLiteral("/campaigns"), {{QStringLiteral("name"), value("name")},
                                                            {QStringLiteral("filters"), value("filters")},
                                                            {QStringLiteral("message"), value("message")}});
        break;
    case OutboxRow::Op::CampaignSend:
        if (campaignId <= 0)
            return std::nullopt;
        r = ApiRequest::post(QStringLiteral("/campaigns/%1/send").arg(campaignId), {});
        break;
    }
    r.priority = RequestPriority::Outbox;
    r.idempotencyKey = row.idempotencyKey;
    // A repeat acts twice on a service that ignores the key (a second note;
    // a second status change in its history): only the replayer decides to
    // send again, after looking at the server.
    r.neverRepeat = true;
    return r;
}

} // namespace outpost
