#include "outbox/OutboxQueue.h"

#include "campaigns/CampaignMessage.h"
#include "domain/LeadStatus.h"
#include "outbox/OutboxCacheWriter.h"
#include "outbox/OutboxTable.h"

#include <QJsonArray>
#include <QSet>
#include <QUuid>

namespace outpost {

namespace {

// Long enough for any real note or message; the service refuses bodies over 1 MB.
constexpr qsizetype kMaxTextLength = 10000;
constexpr qsizetype kMaxTagLength = 100;
const QString kLocalPrefix = QStringLiteral("outbox:");

const QStringList &campaignFilterNames()
{
    static const QStringList names = {
        QStringLiteral("status"),
        QStringLiteral("channel"),
        QStringLiteral("tag"),
        QStringLiteral("source"),
        QStringLiteral("assigned_agent"),
        QStringLiteral("created_after"),
        QStringLiteral("created_before"),
        QStringLiteral("last_message_before"),
    };
    return names;
}

QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString textError(const QString &text, const QString &what)
{
    if (text.trimmed().isEmpty())
        return OutboxQueue::tr("The %1 is empty: nothing was queued.").arg(what);
    if (text.size() > kMaxTextLength)
        return OutboxQueue::tr("The %1 is longer than %2 characters: nothing was queued.")
            .arg(what)
            .arg(kMaxTextLength);
    return {};
}

QString statusError(const QString &status)
{
    if (LeadStatus::isKnownName(status))
        return {};
    QStringList names;
    for (const LeadStatus &s : LeadStatus::pipeline())
        names << s.toString();
    return OutboxQueue::tr("Unknown status \"%1\" (one of: %2): nothing was queued.")
        .arg(status.left(100), names.join(QStringLiteral(", ")));
}

QString tagError(const QString &tag)
{
    if (tag.trimmed().isEmpty())
        return OutboxQueue::tr("The tag is empty: nothing was queued.");
    if (tag.size() > kMaxTagLength)
        return OutboxQueue::tr("A tag is at most %1 characters: nothing was queued.").arg(kMaxTagLength);
    return {};
}

QString bulkError(const QList<qint64> &ids, int max)
{
    if (ids.isEmpty())
        return OutboxQueue::tr("No leads were chosen: nothing was queued.");
    if (max > 0 && ids.size() > max)
        return OutboxQueue::tr("At most %1 leads at once (%2 chosen): nothing was queued.").arg(max).arg(ids.size());
    return {};
}

QList<qint64> distinct(const QList<qint64> &ids)
{
    QList<qint64> out;
    QSet<qint64> seen;
    for (qint64 id : ids) {
        if (!seen.contains(id)) {
            seen.insert(id);
            out << id;
        }
    }
    return out;
}

void applyTag(Lead &lead, bool add, const QString &tag)
{
    lead.tags.removeAll(tag);
    if (add)
        lead.tags << tag;
}

} // namespace

OutboxQueue::OutboxQueue(OutboxTable &table, OutboxCacheWriter &cache)
    : m_table(table)
    , m_cache(cache)
{}

Result<qint64> OutboxQueue::setStatus(qint64 leadId, const QString &status)
{
    if (const QString error = statusError(status); !error.isEmpty())
        return makeError(error);
    auto lead = m_cache.cachedLead(leadId);
    if (!lead)
        return lead.error();
    Draft draft{OutboxRow::Op::SetStatus,
                {leadId},
                {{QStringLiteral("status"), status}},
                {{QStringLiteral("status"), lead->status.toString()}},
                {}};
    draft.apply = [this, lead = *lead, status](const QString &) mutable {
        lead.status = LeadStatus::fromString(status);
        return m_cache.saveLeads({lead});
    };
    return enqueue(std::move(draft));
}

Result<qint64> OutboxQueue::addNote(qint64 leadId, const QString &text)
{
    return enqueueText(
        OutboxRow::Op::Note, leadId, text, tr("note"), [this, text](const Lead &lead, const QString &ref) {
            return m_cache.insertLocalItem("notes (lead_id, id, author, text, created_at) VALUES (?, ?, NULL, ?, ?)",
                                           lead.id, ref, {text, OutboxTable::nowMs()});
        });
}

Result<qint64> OutboxQueue::reply(qint64 leadId, const QString &text)
{
    return enqueueText(OutboxRow::Op::Reply, leadId, text, tr("reply"),
                       [this, text](const Lead &lead, const QString &ref) {
                           return insertLocalMessage(lead, ref, text, OutboxTable::nowMs());
                       });
}

Result<qint64> OutboxQueue::enqueueText(OutboxRow::Op op, qint64 leadId, const QString &text, const QString &what,
                                        LocalTextWrite write)
{
    if (const QString error = textError(text, what); !error.isEmpty())
        return makeError(error);
    auto lead = m_cache.cachedLead(leadId);
    if (!lead)
        return lead.error();
    Draft draft{op, {leadId}, {{QStringLiteral("text"), text}}, {}, {}};
    draft.apply = [lead = *lead, write = std::move(write)](const QString &ref) {
        return write(lead, ref);
    };
    return enqueue(std::move(draft));
}

Result<qint64> OutboxQueue::bookAppointment(qint64 leadId, const QString &dateTime, const QString &service)
{
    const QDateTime when = QDateTime::fromString(dateTime, QStringLiteral("yyyy-MM-dd HH:mm"));
    if (!when.isValid() || dateTime.size() != 16)
        return makeError(tr("\"%1\" is not a date and time of the form YYYY-MM-DD HH:MM: nothing was queued.")
                             .arg(dateTime.left(40)));
    if (const QString error = textError(service, tr("service")); !error.isEmpty())
        return makeError(error);
    auto lead = m_cache.cachedLead(leadId);
    if (!lead)
        return lead.error();
    Draft draft{OutboxRow::Op::Appointment,
                {leadId},
                {{QStringLiteral("datetime"), dateTime}, {QStringLiteral("service"), service}},
                {},
                {}};
    draft.apply = [this, leadId, dateTime, service](const QString &ref) {
        return m_cache.insertLocalItem(
            "appointments (lead_id, id, datetime, service, status) VALUES (?, ?, ?, ?, NULL)", leadId, ref,
            {dateTime, service});
    };
    return enqueue(std::move(draft));
}

Result<qint64> OutboxQueue::editTag(qint64 leadId, TagAction action, const QString &tag)
{
    if (const QString error = tagError(tag); !error.isEmpty())
        return makeError(error);
    auto lead = m_cache.cachedLead(leadId);
    if (!lead)
        return lead.error();
    const bool add = action == TagAction::Add;
    Draft draft{add ? OutboxRow::Op::TagAdd : OutboxRow::Op::TagRemove,
                {leadId},
                {{QStringLiteral("tag"), tag}},
                {{QStringLiteral("tags"), QJsonArray::fromStringList(lead->tags)}},
                {}};
    draft.apply = [this, lead = *lead, add, tag](const QString &) mutable {
        applyTag(lead, add, tag);
        return m_cache.saveLeads({lead});
    };
    return enqueue(std::move(draft));
}

Result<qint64> OutboxQueue::bulkStage(const QList<qint64> &leadIds, const QString &status)
{
    const QList<qint64> ids = distinct(leadIds);
    if (const QString error = bulkError(ids, 0); !error.isEmpty())
        return makeError(error);
    if (const QString error = statusError(status); !error.isEmpty())
        return makeError(error);
    auto leads = m_cache.cachedLeads(ids);
    if (!leads)
        return leads.error();
    QJsonObject statuses;
    for (const Lead &lead : std::as_const(*leads))
        statuses.insert(QString::number(lead.id), lead.status.toString());
    Draft draft{OutboxRow::Op::BulkStage,
                ids,
                {{QStringLiteral("status"), status}},
                {{QStringLiteral("statuses"), statuses}},
                {}};
    draft.apply = [this, leads = *leads, status](const QString &) mutable {
        for (Lead &lead : leads)
            lead.status = LeadStatus::fromString(status);
        return m_cache.saveLeads(leads);
    };
    return enqueue(std::move(draft));
}

Result<qint64> OutboxQueue::bulkTag(const QList<qint64> &leadIds, TagAction action, const QString &tag)
{
    const QList<qint64> ids = distinct(leadIds);
    if (const QString error = bulkError(ids, 0); !error.isEmpty())
        return makeError(error);
    if (const QString error = tagError(tag); !error.isEmpty())
        return makeError(error);
    auto leads = m_cache.cachedLeads(ids);
    if (!leads)
        return leads.error();
    const bool add = action == TagAction::Add;
    QJsonObject tags;
    for (const Lead &lead : std::as_const(*leads))
        tags.insert(QString::number(lead.id), QJsonArray::fromStringList(lead.tags));
    Draft draft{OutboxRow::Op::BulkTag,
                ids,
                {{QStringLiteral("tag"), tag},
                 {QStringLiteral("action"), add ? QStringLiteral("add") : QStringLiteral("remove")}},
                {{QStringLiteral("tags"), tags}},
                {}};
    draft.apply = [this, leads = *leads, add, tag](const QString &) mutable {
        for (Lead &lead : leads)
            applyTag(lead, add, tag);
        return m_cache.saveLeads(leads);
    };
    return enqueue(std::move(draft));
}

Result<qint64> OutboxQueue::bulkMessage(const QList<qint64> &leadIds, const QString &message)
{
    const QList<qint64> ids = distinct(leadIds);
    if (const QString error = bulkError(ids, kMaxBulkLeads); !error.isEmpty())
        return makeError(error);
    if (const QString error = textError(message, tr("message")); !error.isEmpty())
        return makeError(error);
    auto leads = m_cache.cachedLeads(ids);
    if (!leads)
        return leads.error();
    Draft draft{OutboxRow::Op::BulkMessage, ids, {{QStringLiteral("message"), message}}, {}, {}};
    draft.apply = [this, leads = *leads, message](const QString &ref) -> Result<void> {
        const qint64 now = OutboxTable::nowMs();
        for (const Lead &lead : leads) {
            if (auto r = insertLocalMessage(lead, ref, CampaignMessage(message).render(lead), now); !r)
                return r;
        }
        return {};
    };
    return enqueue(std::move(draft));
}

Result<void> OutboxQueue::insertLocalMessage(const Lead &lead, const QString &localRef, const QString &text,
                                             qint64 sentAt)
{
    return m_cache.insertLocalItem(
        "messages (lead_id, id, direction, author, text, channel, sent_at) VALUES (?, ?, 'out', NULL, ?, ?, ?)",
        lead.id, localRef, {text, lead.channel.isNull() ? QVariant() : QVariant(lead.channel), sentAt});
}

// ---- Campaigns ----

QString OutboxQueue::campaignError(const QString &name, const QJsonObject &filters, const QString &message)
{
    if (const QString error = textError(name, tr("campaign name")); !error.isEmpty())
        return error;
    if (const QString error = textError(message, tr("message")); !error.isEmpty())
        return error;
    for (auto it = filters.begin(); it != filters.end(); ++it) {
        if (!campaignFilterNames().contains(it.key()))
            return tr("Unknown campaign filter \"%1\": nothing was queued.").arg(it.key().left(60));
        if (!it.value().isString())
            return tr("The campaign filter \"%1\" must be text: nothing was queued.").arg(it.key());
    }
    if (filters.contains(QStringLiteral("status")))
        return statusError(filters.value(QStringLiteral("status")).toString());
    return {};
}

OutboxQueue::Draft OutboxQueue::campaignCreateDraft(const QString &name, const QJsonObject &filters,
                                                    const QString &message)
{
    return {
        OutboxRow::Op::CampaignCreate,
        {},
        {{QStringLiteral("name"), name}, {QStringLiteral("filters"), filters}, {QStringLiteral("message"), message}},
        {},
        {}};
}

Result<qint64> OutboxQueue::createCampaign(const QString &name, const QJsonObject &filters, const QString &message)
{
    if (const QString error = campaignError(name, filters, message); !error.isEmpty())
        return makeError(error);
    return enqueue(campaignCreateDraft(name, filters, message));
}

Result<qint64> OutboxQueue::sendCampaign(qint64 campaignId)
{
    if (campaignId <= 0)
        return makeError(tr("Campaign %1 does not exist: nothing was queued.").arg(campaignId));
    return enqueue({OutboxRow::Op::CampaignSend, {}, {{QStringLiteral("campaign_id"), campaignId}}, {}, {}});
}

Result<qint64> OutboxQueue::sendQueuedCampaign(qint64 createRowId)
{
    auto create = m_table.row(createRowId);
    if (!create)
        return create.error();
    if (!*create || (*create)->op != OutboxRow::Op::CampaignCreate)
        return makeError(tr("Outbox row %1 does not create a campaign: nothing was queued.").arg(createRowId));
    if ((*create)->state == OutboxRow::State::Done)
        return sendCampaign((*create)->result.value(QStringLiteral("id")).toInteger());
    return enqueue({OutboxRow::Op::CampaignSend, {}, {{QStringLiteral("create_row"), createRowId}}, {}, {}});
}

Result<OutboxQueue::QueuedCampaign> OutboxQueue::queueNewCampaign(const QString &name, const QJsonObject &filters,
                                                                  const QString &message, const CampaignLink &link)
{
    if (const QString error = campaignError(name, filters, message); !error.isEmpty())
        return makeError(error);
    QueuedCampaign queued;
    queued.createKey = newKey();
    queued.sendKey = newKey();
    auto written = m_table.inTransaction([&]() -> Result<void> {
        auto create = insertRow(campaignCreateDraft(name, filters, message), queued.createKey);
        if (!create)
            return create.error();
        queued.createRow = *create;
        return insertCampaignSend({{QStringLiteral("create_row"), *create}}, queued, link);
    });
    if (!written)
        return written.error();
    return queued;
}

Result<OutboxQueue::QueuedCampaign> OutboxQueue::queueCampaignSend(qint64 campaignId, const CampaignLink &link)
{
    if (campaignId <= 0)
        return makeError(tr("Campaign %1 does not exist: nothing was queued.").arg(campaignId));
    QueuedCampaign queued;
    queued.sendKey = newKey();
    auto written = m_table.inTransaction([&] {
        return insertCampaignSend({{QStringLiteral("campaign_id"), campaignId}}, queued, link);
    });
    if (!written)
        return written.error();
    return queued;
}

// The send row of a campaign (`target` names it: an id, or the row that
// creates it), and whatever the caller links to it, in the caller's transaction.
Result<void> OutboxQueue::insertCampaignSend(const QJsonObject &target, QueuedCampaign &queued,
                                             const CampaignLink &link)
{
    auto send = insertRow({OutboxRow::Op::CampaignSend, {}, target, {}, {}}, queued.sendKey);
    if (!send)
        return send.error();
    queued.sendRow = *send;
    return link ? link(queued) : Result<void>();
}

// ---- Writing ----

Result<qint64> OutboxQueue::enqueue(Draft draft)
{
    const QString key = newKey();
    qint64 rowId = 0;
    auto written = m_table.inTransaction([&]() -> Result<void> {
        auto inserted = insertRow(draft, key);
        if (!inserted)
            return inserted.error();
        rowId = *inserted;
        return draft.apply ? draft.apply(kLocalPrefix + key) : Result<void>();
    });
    if (!written)
        return written.error();
    return rowId;
}

Result<qint64> OutboxQueue::insertRow(const Draft &draft, const QString &key)
{
    // The queued note/message/appointment carries this id in the cache until
    // the service's copy replaces it.
    return m_table.insert(draft.op, draft.leadIds, draft.payload, draft.base, key, kLocalPrefix + key);
}

} // namespace outpost
