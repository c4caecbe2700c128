#include "outbox/OutboxStore.h"

#include "campaigns/CampaignMessage.h"
#include "domain/LeadCodec.h"
#include "domain/LeadStatus.h"
#include "outbox/BulkComparison.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

#include <limits>

namespace outpost {

namespace {

// Long enough for any real note or message; the service refuses bodies over 1 MB.
constexpr qsizetype kMaxTextLength = 10000;
constexpr qsizetype kMaxTagLength = 100;
const QString kLocalPrefix = QStringLiteral("outbox:");
const QString kOpenStates = QStringLiteral("('pending', 'sending', 'needs-review', 'conflict')");
// A refused or not-allowed row still holds its optimistic change in the cache,
// and later rows on its leads were based on it: sending them first would show
// the person a conflict with their own refused edit. They wait for a retry or
// a discard.
const QString kHoldingStates =
    QStringLiteral("('pending', 'sending', 'needs-review', 'conflict', 'failed', 'not-allowed')");

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

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString toJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject objectFrom(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QString idsJson(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QDateTime timeOf(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QStringList tagsOf(const QJsonValue &value)
{
    QStringList tags;
    for (const QJsonValue &tag : value.toArray())
        tags << tag.toString();
    return tags;
}

QString textError(const QString &text, const QString &what)
{
    if (text.trimmed().isEmpty())
        return OutboxStore::tr("The %1 is empty: nothing was queued.").arg(what);
    if (text.size() > kMaxTextLength)
        return OutboxStore::tr("The %1 is longer than %2 characters: nothing was queued.")
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
    return OutboxStore::tr("Unknown status \"%1\" (one of: %2): nothing was queued.")
        .arg(status.left(100), names.join(QStringLiteral(", ")));
}

QString tagError(const QString &tag)
{
    if (tag.trimmed().isEmpty())
        return OutboxStore::tr("The tag is empty: nothing was queued.");
    if (tag.size() > kMaxTagLength)
        return OutboxStore::tr("A tag is at most %1 characters: nothing was queued.").arg(kMaxTagLength);
    return {};
}

QString bulkError(const QList<qint64> &ids, int max)
{
    if (ids.isEmpty())
        return OutboxStore::tr("No leads were chosen: nothing was queued.");
    if (max > 0 && ids.size() > max)
        return OutboxStore::tr("At most %1 leads at once (%2 chosen): nothing was queued.").arg(max).arg(ids.size());
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

OutboxRow rowFrom(const QSqlQuery &q)
{
    OutboxRow row;
    row.id = q.value(0).toLongLong();
    row.op = OutboxRow::opFromName(q.value(1).toString()).value_or(OutboxRow::Op::SetStatus);
    for (const QJsonValue &id : QJsonDocument::fromJson(q.value(2).toString().toUtf8()).array())
        row.leadIds << id.toInteger();
    row.payload = objectFrom(q.value(3));
    row.idempotencyKey = q.value(4).toString();
    row.base = objectFrom(q.value(5));
    row.state = OutboxRow::stateFromName(q.value(6).toString()).value_or(OutboxRow::State::Failed);
    row.attempts = q.value(7).toInt();
    row.lastError = q.value(8).toString();
    row.createdAt = timeOf(q.value(9));
    row.updatedAt = timeOf(q.value(10));
    row.firstSentAt = timeOf(q.value(11));
    if (!q.value(12).isNull())
        row.probe = q.value(12).toInt();
    row.conflict = objectFrom(q.value(13));
    row.result = objectFrom(q.value(14));
    row.localRef = q.value(15).toString();
    return row;
}

const char kColumns[] = "o.id, o.op, o.lead_ids, o.payload, o.idempotency_key, o.base, o.state, o.attempts, "
                        "o.last_error, o.created_at, o.updated_at, o.first_sent_at, o.probe, o.conflict, o.result, "
                        "o.local_ref";

void bindAll(QSqlQuery &q, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
}

} // namespace

OutboxStore::OutboxStore(Database &db)
    : m_db(db)
    , m_leads(db)
{}

template <typename F>
Result<void> OutboxStore::inTransaction(F &&work)
{
    auto began = m_db.begin();
    if (!began)
        return began;
    Result<void> done = work();
    if (!done) {
        m_db.rollback();
        return done;
    }
    return m_db.commit();
}

// ---- Queueing ----

Result<qint64> OutboxStore::setStatus(qint64 leadId, const QString &status)
{
    if (const QString error = statusError(status); !error.isEmpty())
        return makeError(error);
    auto lead = cachedLead(leadId);
    if (!lead)
        return lead.error();
    Draft draft{OutboxRow::Op::SetStatus,
                {leadId},
                {{QStringLiteral("status"), status}},
                {{QStringLiteral("status"), lead->status.toString()}},
                {}};
    draft.apply = [this, lead = *lead, status](const QString &) mutable {
        lead.status = LeadStatus::fromString(status);
        return saveLeads({lead});
    };
    return enqueue(std::move(draft));
}

Result<qint64> OutboxStore::addNote(qint64 leadId, const QString &text)
{
    if (const QString error = textError(text, tr("note")); !error.isEmpty())
        return makeError(error);
    auto lead = cachedLead(leadId);
    if (!lead)
        return lead.error();
    Draft draft{OutboxRow::Op::Note, {leadId}, {{QStringLiteral("text"), text}}, {}, {}};
    draft.apply = [this, leadId, text](const QString &ref) {
        return insertLocalItem("notes (lead_id, id, author, text, created_at) VALUES (?, ?, NULL, ?, ?)", leadId, ref,
                               {text, nowMs()});
    };
    return enqueue(std::move(draft));
}

Result<qint64> OutboxStore::reply(qint64 leadId, const QString &text)
{
    if (const QString error = textError(text, tr("reply")); !error.isEmpty())
        return makeError(error);
    auto lead = cachedLead(leadId);
    if (!lead)
        return lead.error();
    Draft draft{OutboxRow::Op::Reply, {leadId}, {{QStringLiteral("text"), text}}, {}, {}};
    draft.apply = [this, leadId, text, channel = lead->channel](const QString &ref) {
        return insertLocalItem(
            "messages (lead_id, id, direction, author, text, channel, sent_at) VALUES (?, ?, 'out', NULL, ?, ?, ?)",
            leadId, ref, {text, channel.isNull() ? QVariant() : QVariant(channel), nowMs()});
    };
    return enqueue(std::move(draft));
}

Result<qint64> OutboxStore::bookAppointment(qint64 leadId, const QString &dateTime, const QString &service)
{
    const QDateTime when = QDateTime::fromString(dateTime, QStringLiteral("yyyy-MM-dd HH:mm"));
    if (!when.isValid() || dateTime.size() != 16)
        return makeError(tr("\"%1\" is not a date and time of the form YYYY-MM-DD HH:MM: nothing was queued.")
                             .arg(dateTime.left(40)));
    if (const QString error = textError(service, tr("service")); !error.isEmpty())
        return makeError(error);
    auto lead = cachedLead(leadId);
    if (!lead)
        return lead.error();
    Draft draft{OutboxRow::Op::Appointment,
                {leadId},
                {{QStringLiteral("datetime"), dateTime}, {QStringLiteral("service"), service}},
                {},
                {}};
    draft.apply = [this, leadId, dateTime, service](const QString &ref) {
        return insertLocalItem("appointments (lead_id, id, datetime, service, status) VALUES (?, ?, ?, ?, NULL)",
                               leadId, ref, {dateTime, service});
    };
    return enqueue(std::move(draft));
}

Result<qint64> OutboxStore::editTag(qint64 leadId, TagAction action, const QString &tag)
{
    if (const QString error = tagError(tag); !error.isEmpty())
        return makeError(error);
    auto lead = cachedLead(leadId);
    if (!lead)
        return lead.error();
    const bool add = action == TagAction::Add;
    Draft draft{add ? OutboxRow::Op::TagAdd : OutboxRow::Op::TagRemove,
                {leadId},
                {{QStringLiteral("tag"), tag}},
                {{QStringLiteral("tags"), QJsonArray::fromStringList(lead->tags)}},
                {}};
    draft.apply = [this, lead = *lead, add, tag](const QString &) mutable {
        lead.tags.removeAll(tag);
        if (add)
            lead.tags << tag;
        return saveLeads({lead});
    };
    return enqueue(std::move(draft));
}

Result<qint64> OutboxStore::bulkStage(const QList<qint64> &leadIds, const QString &status)
{
    const QList<qint64> ids = distinct(leadIds);
    if (const QString error = bulkError(ids, 0); !error.isEmpty())
        return makeError(error);
    if (const QString error = statusError(status); !error.isEmpty())
        return makeError(error);
    auto leads = cachedLeads(ids);
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
        return saveLeads(leads);
    };
    return enqueue(std::move(draft));
}

Result<qint64> OutboxStore::bulkTag(const QList<qint64> &leadIds, TagAction action, const QString &tag)
{
    const QList<qint64> ids = distinct(leadIds);
    if (const QString error = bulkError(ids, 0); !error.isEmpty())
        return makeError(error);
    if (const QString error = tagError(tag); !error.isEmpty())
        return makeError(error);
    auto leads = cachedLeads(ids);
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
        for (Lead &lead : leads) {
            lead.tags.removeAll(tag);
            if (add)
                lead.tags << tag;
        }
        return saveLeads(leads);
    };
    return enqueue(std::move(draft));
}

Result<qint64> OutboxStore::bulkMessage(const QList<qint64> &leadIds, const QString &message)
{
    const QList<qint64> ids = distinct(leadIds);
    if (const QString error = bulkError(ids, kMaxBulkLeads); !error.isEmpty())
        return makeError(error);
    if (const QString error = textError(message, tr("message")); !error.isEmpty())
        return makeError(error);
    auto leads = cachedLeads(ids);
    if (!leads)
        return leads.error();
    Draft draft{OutboxRow::Op::BulkMessage, ids, {{QStringLiteral("message"), message}}, {}, {}};
    draft.apply = [this, leads = *leads, message](const QString &ref) -> Result<void> {
        const qint64 now = nowMs();
        for (const Lead &lead : leads) {
            auto r = insertLocalItem(
                "messages (lead_id, id, direction, author, text, channel, sent_at) VALUES (?, ?, 'out', NULL, ?, ?, ?)",
                lead.id, ref,
                {CampaignMessage(message).render(lead), lead.channel.isNull() ? QVariant() : QVariant(lead.channel),
                 now});
            if (!r)
                return r;
        }
        return {};
    };
    return enqueue(std::move(draft));
}

QString OutboxStore::campaignError(const QString &name, const QJsonObject &filters, const QString &message)
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

OutboxStore::Draft OutboxStore::campaignCreateDraft(const QString &name, const QJsonObject &filters,
                                                    const QString &message)
{
    return {
        OutboxRow::Op::CampaignCreate,
        {},
        {{QStringLiteral("name"), name}, {QStringLiteral("filters"), filters}, {QStringLiteral("message"), message}},
        {},
        {}};
}

Result<qint64> OutboxStore::createCampaign(const QString &name, const QJsonObject &filters, const QString &message)
{
    if (const QString error = campaignError(name, filters, message); !error.isEmpty())
        return makeError(error);
    return enqueue(campaignCreateDraft(name, filters, message));
}

Result<qint64> OutboxStore::sendCampaign(qint64 campaignId)
{
    if (campaignId <= 0)
        return makeError(tr("Campaign %1 does not exist: nothing was queued.").arg(campaignId));
    return enqueue({OutboxRow::Op::CampaignSend, {}, {{QStringLiteral("campaign_id"), campaignId}}, {}, {}});
}

Result<qint64> OutboxStore::sendQueuedCampaign(qint64 createRowId)
{
    auto create = row(createRowId);
    if (!create)
        return create.error();
    if (!*create || (*create)->op != OutboxRow::Op::CampaignCreate)
        return makeError(tr("Outbox row %1 does not create a campaign: nothing was queued.").arg(createRowId));
    if ((*create)->state == OutboxRow::State::Done)
        return sendCampaign((*create)->result.value(QStringLiteral("id")).toInteger());
    return enqueue({OutboxRow::Op::CampaignSend, {}, {{QStringLiteral("create_row"), createRowId}}, {}, {}});
}

Result<OutboxStore::QueuedCampaign> OutboxStore::queueNewCampaign(const QString &name, const QJsonObject &filters,
                                                                  const QString &message, const CampaignLink &link)
{
    if (const QString error = campaignError(name, filters, message); !error.isEmpty())
        return makeError(error);
    QueuedCampaign queued;
    queued.createKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    queued.sendKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto written = inTransaction([&]() -> Result<void> {
        auto create =
            insertRow(campaignCreateDraft(name, filters, message), queued.createKey, kLocalPrefix + queued.createKey);
        if (!create)
            return create.error();
        queued.createRow = *create;
        auto send = insertRow({OutboxRow::Op::CampaignSend, {}, {{QStringLiteral("create_row"), *create}}, {}, {}},
                              queued.sendKey, kLocalPrefix + queued.sendKey);
        if (!send)
            return send.error();
        queued.sendRow = *send;
        return link ? link(queued) : Result<void>();
    });
    if (!written)
        return written.error();
    return queued;
}

Result<OutboxStore::QueuedCampaign> OutboxStore::queueCampaignSend(qint64 campaignId, const CampaignLink &link)
{
    if (campaignId <= 0)
        return makeError(tr("Campaign %1 does not exist: nothing was queued.").arg(campaignId));
    QueuedCampaign queued;
    queued.sendKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto written = inTransaction([&]() -> Result<void> {
        auto send = insertRow({OutboxRow::Op::CampaignSend, {}, {{QStringLiteral("campaign_id"), campaignId}}, {}, {}},
                              queued.sendKey, kLocalPrefix + queued.sendKey);
        if (!send)
            return send.error();
        queued.sendRow = *send;
        return link ? link(queued) : Result<void>();
    });
    if (!written)
        return written.error();
    return queued;
}

Result<qint64> OutboxStore::enqueue(Draft draft)
{
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString localRef = kLocalPrefix + key;
    qint64 rowId = 0;
    auto written = inTransaction([&]() -> Result<void> {
        auto inserted = insertRow(draft, key, localRef);
        if (!inserted)
            return inserted.error();
        rowId = *inserted;
        return draft.apply ? draft.apply(localRef) : Result<void>();
    });
    if (!written)
        return written.error();
    return rowId;
}

Result<qint64> OutboxStore::insertRow(const Draft &draft, const QString &key, const QString &localRef)
{
    const qint64 now = nowMs();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO outbox (op, lead_ids, payload, idempotency_key, base, state, created_at, "
                             "updated_at, local_ref) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)"));
    bindAll(q, {OutboxRow::opName(draft.op), idsJson(draft.leadIds), toJson(draft.payload), key, toJson(draft.base),
                now, now, localRef});
    auto r = Database::exec(q, "queue a change");
    if (!r)
        return r.error();
    const qint64 rowId = q.lastInsertId().toLongLong();
    QSqlQuery t(m_db.connection());
    t.prepare(QStringLiteral("INSERT OR IGNORE INTO outbox_targets (lead_id, row_id) VALUES (?, ?)"));
    for (qint64 leadId : draft.leadIds) {
        bindAll(t, {leadId, rowId});
        if (auto w = Database::exec(t, "queue a change"); !w)
            return w.error();
    }
    return rowId;
}

Result<QList<Lead>> OutboxStore::cachedLeads(const QList<qint64> &ids)
{
    QList<Lead> leads;
    QList<qint64> missing;
    for (qint64 id : ids) {
        auto lead = m_leads.lead(id);
        if (!lead)
            return lead.error();
        if (*lead)
            leads << **lead;
        else
            missing << id;
    }
    if (!missing.isEmpty()) {
        QStringList names;
        for (qint64 id : missing.mid(0, 10))
            names << QString::number(id);
        return makeError(tr("%n lead(s) not in the cache (%1): nothing was queued.", nullptr, int(missing.size()))
                             .arg(names.join(QStringLiteral(", "))));
    }
    return leads;
}

Result<Lead> OutboxStore::cachedLead(qint64 id)
{
    auto leads = cachedLeads({id});
    if (!leads)
        return leads.error();
    return leads->first();
}

Result<void> OutboxStore::saveLeads(const QList<Lead> &leads)
{
    // The cached updated_at stays the server's: the next sync's copy still
    // replaces this one once the service has the change.
    return m_leads.upsertWithinTransaction(leads);
}

Result<void> OutboxStore::insertLocalItem(const char *table, qint64 leadId, const QString &localRef,
                                          const QVariantList &values)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO ") + QLatin1StringView(table));
    bindAll(q, QVariantList{leadId, localRef} + values);
    return Database::exec(q, "show a queued change");
}

// ---- Reading ----

Result<QList<OutboxRow>> OutboxStore::select(const QString &where, const QVariantList &values, int limit)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM outbox o %2 ORDER BY o.id LIMIT %3")
                  .arg(QLatin1StringView(kColumns), where)
                  .arg(limit));
    bindAll(q, values);
    auto r = Database::exec(q, "read the outbox");
    if (!r)
        return r.error();
    QList<OutboxRow> rows;
    while (q.next())
        rows << rowFrom(q);
    return rows;
}

Result<OutboxStore::Counts> OutboxStore::counts()
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT state, count(*) FROM outbox WHERE state <> 'done' GROUP BY state"));
    auto r = Database::exec(q, "count the outbox");
    if (!r)
        return r.error();
    Counts counts;
    while (q.next()) {
        const auto state = OutboxRow::stateFromName(q.value(0).toString());
        const int n = q.value(1).toInt();
        switch (state.value_or(OutboxRow::State::Failed)) {
        case OutboxRow::State::Pending:
        case OutboxRow::State::Sending:
            counts.pending += n;
            break;
        case OutboxRow::State::Conflict:
            counts.conflicts += n;
            break;
        case OutboxRow::State::NeedsReview:
            counts.needsReview += n;
            break;
        default:
            counts.failed += n;
            break;
        }
    }
    return counts;
}

Result<QList<OutboxRow>> OutboxStore::rows(bool includeDone)
{
    return select(includeDone ? QString() : QStringLiteral("WHERE o.state <> 'done'"), {});
}

Result<QList<OutboxRow>> OutboxStore::conflicts()
{
    return select(QStringLiteral("WHERE o.state = 'conflict'"), {});
}

Result<std::optional<OutboxRow>> OutboxStore::row(qint64 rowId)
{
    auto found = select(QStringLiteral("WHERE o.id = ?"), {rowId});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<OutboxRow>();
    return std::optional<OutboxRow>(found->first());
}

Result<QSet<qint64>> OutboxStore::pendingLeadIds()
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT DISTINCT t.lead_id FROM outbox_targets t JOIN outbox o ON o.id = t.row_id "
                             "WHERE o.state <> 'done'"));
    auto r = Database::exec(q, "read the outbox");
    if (!r)
        return r.error();
    QSet<qint64> ids;
    while (q.next())
        ids.insert(q.value(0).toLongLong());
    return ids;
}

Result<QList<OutboxRow>> OutboxStore::openRowsOf(qint64 leadId)
{
    return select(QStringLiteral("WHERE o.state <> 'done' AND o.id IN (SELECT row_id FROM outbox_targets WHERE "
                                 "lead_id = ?)"),
                  {leadId});
}

// ---- Decisions ----

namespace {

Error noSuchRow(qint64 rowId)
{
    return makeError(OutboxStore::tr("There is no outbox row %1.").arg(rowId));
}

} // namespace

Result<void> OutboxStore::retry(qint64 rowId)
{
    auto found = row(rowId);
    if (!found)
        return found.error();
    if (!*found)
        return noSuchRow(rowId);
    const OutboxRow::State state = (*found)->state;
    if (state == OutboxRow::State::NeedsReview)
        return resolveReview(rowId, Review::SendAgain);
    if (state != OutboxRow::State::Failed && state != OutboxRow::State::NotAllowed)
        return makeError(tr("Row %1 is %2: only failed or not-allowed rows can be retried.")
                             .arg(rowId)
                             .arg(OutboxRow::stateName(state)));
    return update(rowId, QStringLiteral("state = 'pending', attempts = 0, last_error = NULL"), {});
}

Result<void> OutboxStore::discard(qint64 rowId)
{
    auto found = row(rowId);
    if (!found)
        return found.error();
    if (!*found)
        return noSuchRow(rowId);
    const OutboxRow &r = **found;
    if (r.state == OutboxRow::State::Sending)
        return makeError(tr("Row %1 is being sent; it can be discarded once the send has ended.").arg(rowId));
    if (r.state == OutboxRow::State::Done)
        return makeError(tr("Row %1 was sent already.").arg(rowId));
    return inTransaction([&]() -> Result<void> {
        auto reverted = revert(r);
        return reverted ? deleteRow(rowId) : reverted;
    });
}

Result<void> OutboxStore::undo(qint64 rowId)
{
    auto found = row(rowId);
    if (!found)
        return found.error();
    if (!*found)
        return noSuchRow(rowId);
    const OutboxRow &r = **found;
    if (r.state != OutboxRow::State::Pending || r.firstSentAt.isValid())
        return makeError(tr("Row %1 has left already (%2): it cannot be undone.").arg(rowId).arg(r.describeState()));
    auto later = laterOpenRowTouches(r);
    if (!later)
        return later.error();
    if (*later)
        return makeError(tr("A later change to the same lead is queued: undo that one first."));
    return inTransaction([&]() -> Result<void> {
        auto reverted = revert(r);
        return reverted ? deleteRow(rowId) : reverted;
    });
}

Result<void> OutboxStore::resolveConflict(qint64 rowId, Resolution resolution)
{
    auto found = row(rowId);
    if (!found)
        return found.error();
    if (!*found)
        return noSuchRow(rowId);
    const OutboxRow &r = **found;
    if (r.state != OutboxRow::State::Conflict)
        return makeError(tr("Row %1 is not a conflict.").arg(rowId));
    if (r.conflict.value(QStringLiteral("lead_ids")).isArray())
        return resolveBulkConflict(r, resolution);
    if (resolution == Resolution::Mine) {
        // The server's copy becomes the base: the replayer sends mine over it.
        QJsonObject base = r.base;
        for (auto it = r.conflict.begin(); it != r.conflict.end(); ++it) {
            const QJsonObject field = it.value().toObject();
            if (field.contains(QStringLiteral("theirs")))
                base.insert(it.key(), field.value(QStringLiteral("theirs")));
        }
        return update(rowId,
                      QStringLiteral("state = 'pending', base = ?, attempts = 0, last_error = NULL, "
                                     "conflict = json_set(coalesce(conflict, '{}'), '$.resolved', 'mine')"),
                      {toJson(base)});
    }
    // Theirs: the cache takes the server's values and my change ends here.
    return inTransaction([&]() -> Result<void> {
        if (!r.leadIds.isEmpty()) {
            auto lead = cachedLead(r.leadIds.first());
            if (lead) {
                Lead copy = *lead;
                const QJsonObject status = r.conflict.value(QStringLiteral("status")).toObject();
                const QJsonObject tags = r.conflict.value(QStringLiteral("tags")).toObject();
                if (status.contains(QStringLiteral("theirs")))
                    copy.status = LeadStatus::fromString(status.value(QStringLiteral("theirs")).toString());
                if (tags.contains(QStringLiteral("theirs")))
                    copy.tags = tagsOf(tags.value(QStringLiteral("theirs")));
                if (auto saved = saveLeads({copy}); !saved)
                    return saved;
            }
        }
        return update(rowId,
                      QStringLiteral("state = 'done', last_error = ?, "
                                     "conflict = json_set(coalesce(conflict, '{}'), '$.resolved', 'theirs')"),
                      {tr("Resolved: the service's version was kept.")});
    });
}

Result<void> OutboxStore::resolveBulkConflict(const OutboxRow &r, Resolution resolution)
{
    const bool stage = r.op == OutboxRow::Op::BulkStage;
    const QString baseKey = stage ? QStringLiteral("statuses") : QStringLiteral("tags");
    QJsonObject perLead = r.base.value(baseKey).toObject();
    QList<Lead> theirs;
    for (const QJsonValue &value : r.conflict.value(QStringLiteral("lead_ids")).toArray()) {
        const qint64 id = value.toInteger();
        const QJsonValue now =
            r.conflict.value(BulkComparison::fieldKey(r.op, id)).toObject().value(QStringLiteral("theirs"));
        perLead.insert(QString::number(id), now);
        auto lead = m_leads.lead(id);
        if (!lead)
            return lead.error();
        if (!*lead)
            continue;
        Lead copy = **lead;
        if (stage)
            copy.status = LeadStatus::fromString(now.toString());
        else
            copy.tags = tagsOf(now);
        theirs << copy;
    }
    if (resolution == Resolution::Mine) {
        // The service's values become the base: the replayer sends mine over them.
        QJsonObject base = r.base;
        base.insert(baseKey, perLead);
        return update(r.id,
                      QStringLiteral("state = 'pending', base = ?, attempts = 0, last_error = NULL, "
                                     "conflict = json_set(coalesce(conflict, '{}'), '$.resolved', 'mine')"),
                      {toJson(base)});
    }
    return inTransaction([&]() -> Result<void> {
        if (auto saved = theirs.isEmpty() ? Result<void>() : saveLeads(theirs); !saved)
            return saved;
        return update(r.id,
                      QStringLiteral("state = 'done', last_error = ?, "
                                     "conflict = json_set(coalesce(conflict, '{}'), '$.resolved', 'theirs')"),
                      {tr("Resolved: the service's version was kept.")});
    });
}

Result<void> OutboxStore::resolveReview(qint64 rowId, Review review)
{
    auto found = row(rowId);
    if (!found)
        return found.error();
    if (!*found)
        return noSuchRow(rowId);
    if ((*found)->state != OutboxRow::State::NeedsReview)
        return makeError(tr("Row %1 does not need a review.").arg(rowId));
    if (review == Review::AlreadyApplied)
        return update(rowId, QStringLiteral("state = 'done', last_error = ?"),
                      {tr("Marked as arrived by the person.")});
    // Sent again as a new attempt: a fresh probe is taken before it leaves.
    return update(rowId, QStringLiteral("state = 'pending', probe = NULL, last_error = NULL"), {});
}

Result<bool> OutboxStore::laterOpenRowTouches(const OutboxRow &row)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT 1 FROM outbox_targets t JOIN outbox_targets e ON e.lead_id = t.lead_id "
                             "JOIN outbox o ON o.id = e.row_id WHERE t.row_id = ? AND o.id > ? AND o.state <> 'done' "
                             "LIMIT 1"));
    bindAll(q, {row.id, row.id});
    auto r = Database::exec(q, "read the outbox");
    if (!r)
        return r.error();
    return q.next();
}

Result<void> OutboxStore::revert(const OutboxRow &row)
{
    for (const char *table : {"messages", "notes", "appointments"}) {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(QLatin1StringView(table)));
        q.bindValue(0, row.localRef);
        if (auto r = Database::exec(q, "take back a queued change"); !r)
            return r;
    }
    const bool changesLead = !row.repeatsAct() && !row.isCampaign();
    if (auto refresh = changesLead ? refreshFromServer(row.leadIds) : Result<void>(); !refresh)
        return refresh;
    auto later = laterOpenRowTouches(row);
    if (!later)
        return later.error();
    if (*later)
        return {}; // a later change owns these fields now
    QList<Lead> restored;
    for (qint64 id : row.leadIds) {
        auto lead = m_leads.lead(id);
        if (!lead)
            return lead.error();
        if (!*lead)
            continue;
        Lead copy = **lead;
        const QString key = QString::number(id);
        switch (row.op) {
        case OutboxRow::Op::SetStatus:
            copy.status = LeadStatus::fromString(row.base.value(QStringLiteral("status")).toString());
            break;
        case OutboxRow::Op::TagAdd:
        case OutboxRow::Op::TagRemove:
            copy.tags = tagsOf(row.base.value(QStringLiteral("tags")));
            break;
        case OutboxRow::Op::BulkStage:
            copy.status = LeadStatus::fromString(
                row.base.value(QStringLiteral("statuses")).toObject().value(key).toString(copy.status.toString()));
            break;
        case OutboxRow::Op::BulkTag:
            copy.tags = tagsOf(row.base.value(QStringLiteral("tags")).toObject().value(key));
            break;
        default:
            continue;
        }
        restored << copy;
    }
    return restored.isEmpty() ? Result<void>() : saveLeads(restored);
}

Result<void> OutboxStore::refreshFromServer(const QList<qint64> &leadIds)
{
    // The base is what the cache showed when the change was queued; a sync
    // since may have brought a newer copy underneath it: the next sync
    // fetches the lead again.
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO details_due (lead_id, mine, rank) VALUES (?, 1, ?)"));
    for (qint64 id : leadIds) {
        bindAll(q, {id, std::numeric_limits<qint64>::max()});
        if (auto r = Database::exec(q, "take back a queued change"); !r)
            return r;
    }
    return {};
}

Result<void> OutboxStore::deleteRow(qint64 rowId)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE id = ?"));
    q.bindValue(0, rowId);
    return Database::exec(q, "take back a queued change");
}

// ---- Replayer ----

Result<int> OutboxStore::pruneDone(qint64 beforeMs)
{
    // A campaign's rows stay while the campaign does: its status is read through them.
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE state = 'done' AND updated_at < ? AND idempotency_key NOT IN "
                             "(SELECT send_key FROM campaigns WHERE send_key IS NOT NULL UNION "
                             "SELECT create_key FROM campaigns WHERE create_key IS NOT NULL)"));
    q.bindValue(0, beforeMs);
    auto r = Database::exec(q, "forget changes the service had long ago");
    if (!r)
        return r.error();
    return q.numRowsAffected();
}

Result<std::optional<OutboxRow>> OutboxStore::nextSendable(const QSet<qint64> &skip)
{
    QJsonArray skipped;
    for (qint64 id : skip)
        skipped.append(id);
    const QString where =
        QStringLiteral(
            "WHERE o.state IN ('pending', 'sending') AND o.id NOT IN (SELECT value FROM json_each(?)) "
            "AND NOT EXISTS (SELECT 1 FROM outbox_targets t JOIN outbox_targets e ON e.lead_id = t.lead_id "
            "  JOIN outbox p ON p.id = e.row_id WHERE t.row_id = o.id AND p.id < o.id AND p.state IN %1) "
            "AND (o.op NOT LIKE 'campaign-%' OR NOT EXISTS (SELECT 1 FROM outbox p WHERE p.op LIKE 'campaign-%' "
            "  AND p.id < o.id AND p.state IN %2))")
            .arg(kHoldingStates, kOpenStates);
    auto found = select(where, {QString::fromUtf8(QJsonDocument(skipped).toJson(QJsonDocument::Compact))}, 1);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<OutboxRow>();
    return std::optional<OutboxRow>(found->first());
}

Result<void> OutboxStore::update(qint64 rowId, const QString &assignments, const QVariantList &values)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE outbox SET %1, updated_at = ? WHERE id = ?").arg(assignments));
    bindAll(q, values + QVariantList{nowMs(), rowId});
    return Database::exec(q, "update the outbox");
}

Result<void> OutboxStore::markSending(qint64 rowId, std::optional<int> probe)
{
    return update(rowId,
                  QStringLiteral("state = 'sending', attempts = attempts + 1, first_sent_at = coalesce(first_sent_at, "
                                 "?), probe = ?"),
                  {nowMs(), probe ? QVariant(*probe) : QVariant()});
}

Result<void> OutboxStore::markPending(qint64 rowId, const QString &error)
{
    return update(rowId, QStringLiteral("state = 'pending', last_error = ?"), {error});
}

Result<void> OutboxStore::markState(qint64 rowId, OutboxRow::State state, const QString &error,
                                    const QJsonObject &conflict)
{
    return update(rowId, QStringLiteral("state = ?, last_error = ?, conflict = ?"),
                  {OutboxRow::stateName(state), error.isEmpty() ? QVariant() : QVariant(error),
                   conflict.isEmpty() ? QVariant() : QVariant(toJson(conflict))});
}

Result<void> OutboxStore::markDone(qint64 rowId, const QJsonObject &result,
                                   const std::function<Result<void>()> &cacheWrite)
{
    return inTransaction([&]() -> Result<void> {
        if (cacheWrite) {
            auto written = cacheWrite();
            if (!written)
                return written;
        }
        return update(rowId, QStringLiteral("state = 'done', last_error = NULL, result = ?"), {toJson(result)});
    });
}

Result<void> OutboxStore::rebase(qint64 rowId, const QJsonObject &base)
{
    return update(rowId, QStringLiteral("base = ?"), {toJson(base)});
}

Result<void> OutboxStore::markSendingPart(qint64 rowId, const QList<qint64> &sendIds)
{
    return update(rowId,
                  QStringLiteral("state = 'sending', attempts = attempts + 1, first_sent_at = coalesce(first_sent_at, "
                                 "?), payload = json_set(payload, '$.send_ids', json(?))"),
                  {nowMs(), idsJson(sendIds)});
}

Result<void> OutboxStore::keepOnly(qint64 rowId, const QList<qint64> &leadIds)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM outbox_targets WHERE row_id = ? AND lead_id NOT IN (SELECT value FROM "
                             "json_each(?))"));
    bindAll(q, {rowId, idsJson(leadIds)});
    if (auto r = Database::exec(q, "update the outbox"); !r)
        return r;
    return update(rowId, QStringLiteral("lead_ids = ?"), {idsJson(leadIds)});
}

Result<void> OutboxStore::partSent(qint64 rowId, const QList<qint64> &remaining)
{
    return inTransaction([&]() -> Result<void> {
        auto kept = keepOnly(rowId, remaining);
        if (!kept)
            return kept;
        return update(rowId,
                      QStringLiteral("state = 'pending', last_error = NULL, idempotency_key = ?, "
                                     "payload = json_remove(payload, '$.send_ids')"),
                      {QUuid::createUuid().toString(QUuid::WithoutBraces)});
    });
}

Result<void> OutboxStore::markBulkConflict(qint64 rowId, const QList<qint64> &conflicting, const QString &error,
                                           const QJsonObject &conflict)
{
    return inTransaction([&]() -> Result<void> {
        auto kept = keepOnly(rowId, conflicting);
        if (!kept)
            return kept;
        return update(rowId,
                      QStringLiteral("state = 'conflict', last_error = ?, conflict = ?, "
                                     "payload = json_remove(payload, '$.send_ids')"),
                      {error, toJson(conflict)});
    });
}

Result<void> OutboxStore::saveServerLead(const Lead &lead)
{
    return m_leads.upsertWithinTransaction({lead});
}

Result<void> OutboxStore::replaceLocalItem(const OutboxRow &row, qint64 leadId, const QJsonObject &item)
{
    const char *table = row.op == OutboxRow::Op::Note          ? "notes"
                        : row.op == OutboxRow::Op::Appointment ? "appointments"
                                                               : "messages";
    QSqlQuery del(m_db.connection());
    del.prepare(QStringLiteral("DELETE FROM %1 WHERE lead_id = ? AND id = ?").arg(QLatin1StringView(table)));
    bindAll(del, {leadId, row.localRef});
    if (auto r = Database::exec(del, "store the service's copy"); !r)
        return r;
    if (item.isEmpty())
        return {};
    // An answer we cannot read leaves the cache to the next sync of the lead.
    if (row.op == OutboxRow::Op::Note) {
        auto note = LeadCodec::noteFromJson(item, QStringLiteral("note"));
        if (!note)
            return {};
        return insertLocalItem("notes (lead_id, id, author, text, created_at) VALUES (?, ?, ?, ?, ?)", leadId, note->id,
                               {note->author.isNull() ? QVariant() : QVariant(note->author), note->text,
                                note->createdAt.isValid() ? QVariant(note->createdAt.toMSecsSinceEpoch()) : nowMs()});
    }
    if (row.op == OutboxRow::Op::Appointment) {
        auto appointment = LeadCodec::appointmentFromJson(item, QStringLiteral("appointment"));
        if (!appointment)
            return {};
        return insertLocalItem("appointments (lead_id, id, datetime, service, status) VALUES (?, ?, ?, ?, ?)", leadId,
                               appointment->id,
                               {appointment->dateTime, appointment->service,
                                appointment->status.isNull() ? QVariant() : QVariant(appointment->status)});
    }
    auto message = LeadCodec::messageFromJson(item, QStringLiteral("message"));
    if (!message)
        return {};
    return insertLocalItem(
        "messages (lead_id, id, direction, author, text, channel, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)", leadId,
        message->id,
        {message->direction == Message::Direction::In ? QStringLiteral("in") : QStringLiteral("out"),
         message->author.isNull() ? QVariant() : QVariant(message->author), message->text,
         message->channel.isNull() ? QVariant() : QVariant(message->channel),
         message->sentAt.isValid() ? QVariant(message->sentAt.toMSecsSinceEpoch()) : nowMs()});
}

} // namespace outpost
