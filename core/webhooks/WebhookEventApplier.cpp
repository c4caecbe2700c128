#include "webhooks/WebhookEventApplier.h"

#include "common/Logging.h"
#include "domain/LeadCodec.h"
#include "outbox/PendingEdits.h"
#include "storage/Database.h"

#include <QJsonArray>

namespace outpost {

namespace {

constexpr qsizetype kNoticeLength = 140;

// Names and texts come from customers: one line, no control characters, short.
QString noticeText(const QString &text)
{
    QString line;
    line.reserve(std::min(text.size(), kNoticeLength + 1));
    for (const QChar c : text) {
        line += (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
                 c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
                    ? QChar(u' ')
                    : c;
        if (line.size() > kNoticeLength) {
            line.chop(1);
            line += QChar(0x2026);
            break;
        }
    }
    return line.simplified();
}

qint64 idOf(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toInteger();
    bool ok = false;
    const qint64 id = value.toString().toLongLong(&ok);
    return ok ? id : 0;
}

bool isLeadEvent(const QString &name)
{
    static const QStringList names = {QStringLiteral("new_lead"),         QStringLiteral("lead_status_changed"),
                                      QStringLiteral("message_received"), QStringLiteral("appointment_booked"),
                                      QStringLiteral("lead_escalated"),   QStringLiteral("note_added")};
    return names.contains(name);
}

} // namespace

WebhookEventApplier::WebhookEventApplier(Database &db, ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_api(api)
    , m_store(db)
    , m_activity(db)
{}

WebhookEventApplier::~WebhookEventApplier() = default;

WebhookEventApplier::Event WebhookEventApplier::parse(const QJsonObject &object)
{
    Event event;
    event.id = object.value(QStringLiteral("id")).toString();
    event.name = object.value(QStringLiteral("event")).toString();
    event.data = object.value(QStringLiteral("data")).toObject();
    const QJsonValue lead = event.data.value(QStringLiteral("lead"));
    if (lead.isObject()) {
        if (auto decoded = LeadCodec::leadFromJson(lead.toObject(), QStringLiteral("data.lead")))
            event.lead = std::move(decoded).value();
        else
            qCInfo(lcWebhooks) << "webhook event" << event.id
                               << "carries an unreadable lead:" << decoded.error().message;
    }
    event.leadId = idOf(event.data.value(QStringLiteral("lead_id")));
    if (event.leadId <= 0 && event.lead)
        event.leadId = event.lead->id;
    // A lead that contradicts the id it is sent under is not trusted with either.
    if (event.lead && event.lead->id != event.leadId)
        event.lead.reset();
    return event;
}

void WebhookEventApplier::apply(const QJsonObject &object)
{
    const Event event = parse(object);
    if (!isLeadEvent(event.name)) {
        announce(event);
        finish(event, true);
        return;
    }
    if (event.leadId <= 0) {
        emit warning(tr("A \"%1\" event arrived without a lead id; nothing was changed.").arg(noticeText(event.name)));
        finish(event, false);
        return;
    }
    const Result<bool> needsDetail = write(event);
    if (!needsDetail) {
        emit warning(
            tr("Event %1 could not be stored in the cache: %2").arg(noticeText(event.id), needsDetail.error().message));
        finish(event, false);
        return;
    }
    announce(event);
    if (*needsDetail && m_api) {
        fetchDetail(event);
        return;
    }
    finish(event, true);
}

Result<bool> WebhookEventApplier::write(const Event &event)
{
    if (auto begun = m_db.begin(); !begun)
        return begun.error();
    if (event.lead) {
        auto stored = m_store.leads().upsertWithinTransaction({*event.lead});
        if (stored)
            stored = PendingEdits(m_db).reapply({event.leadId}); // queued edits stay visible
        if (!stored) {
            m_db.rollback();
            return stored.error();
        }
    }
    const Result<bool> added = writeItem(event);
    if (!added) {
        m_db.rollback();
        return added.error();
    }
    if (auto committed = m_db.commit(); !committed)
        return committed.error();
    if (event.lead || *added)
        emit leadsChanged({event.leadId});
    // A new lead comes with a conversation and maybe notes; an event without a
    // readable lead left the cache as it was.
    return event.name == QLatin1StringView("new_lead") || !event.lead;
}

Result<bool> WebhookEventApplier::writeItem(const Event &event)
{
    const QString path = QStringLiteral("data.") + event.name;
    if (event.name == QLatin1StringView("message_received")) {
        const auto message = LeadCodec::messageFromJson(event.data.value(QStringLiteral("message")).toObject(), path);
        return message ? m_activity.addMessage(event.leadId, *message) : Result<bool>(false);
    }
    if (event.name == QLatin1StringView("note_added")) {
        const auto note = LeadCodec::noteFromJson(event.data.value(QStringLiteral("note")).toObject(), path);
        return note ? m_activity.addNote(event.leadId, *note) : Result<bool>(false);
    }
    if (event.name == QLatin1StringView("appointment_booked")) {
        const auto appointment =
            LeadCodec::appointmentFromJson(event.data.value(QStringLiteral("appointment")).toObject(), path);
        return appointment ? m_activity.addAppointment(event.leadId, *appointment) : Result<bool>(false);
    }
    return false;
}

void WebhookEventApplier::fetchDetail(const Event &event)
{
    // Ahead of background prefetch, behind what a person asked for.
    m_api->send(ApiRequest::get(QStringLiteral("/lead/%1").arg(event.leadId), {}, RequestPriority::List), this,
                [this, event](const ApiResult &result) { onDetail(event, result); });
}

void WebhookEventApplier::onDetail(const Event &event, const ApiResult &result)
{
    if (!result && result.error().kind == ApiError::Kind::NotFound) {
        // Gone again before we asked: gone from the cache too.
        if (auto dropped = m_store.dropLead(event.leadId); dropped)
            emit leadsChanged({event.leadId});
        finish(event, true);
        return;
    }
    if (!result) {
        emit warning(tr("The details of lead %1 could not be fetched: %2; the next sync brings them.")
                         .arg(event.leadId)
                         .arg(result.error().describe()));
        finish(event, false);
        return;
    }
    const QJsonValue lead = result.value().value(QLatin1String("lead"));
    auto detail = LeadCodec::detailFromJson(lead.toObject());
    if (!lead.isObject() || !detail || detail->lead.id != event.leadId) {
        emit warning(tr("The service answered with unreadable details for lead %1; the next sync tries again.")
                         .arg(event.leadId));
        finish(event, false);
        return;
    }
    if (auto saved = m_store.saveDetail(*detail); !saved) {
        emit warning(tr("The details of lead %1 could not be stored: %2").arg(event.leadId).arg(saved.error().message));
        finish(event, false);
        return;
    }
    emit leadsChanged({event.leadId});
    finish(event, true);
}

QString WebhookEventApplier::leadName(const Event &event)
{
    if (event.lead && !event.lead->name.isEmpty())
        return noticeText(event.lead->name);
    if (auto cached = m_store.leads().lead(event.leadId); cached && cached->has_value())
        return noticeText((*cached)->name);
    return tr("Lead %1").arg(event.leadId);
}

void WebhookEventApplier::announce(const Event &event)
{
    const QString &name = event.name;
    const QJsonObject &data = event.data;
    if (name == QLatin1StringView("test")) {
        emit notice(tr("Webhook test"), tr("The service's test delivery arrived and was verified."), 0);
        return;
    }
    if (!isLeadEvent(name)) {
        emit notice(tr("Webhook event"), tr("\"%1\" arrived; Outpost does not act on it.").arg(noticeText(name)), 0);
        return;
    }
    const QString who = leadName(event);
    if (name == QLatin1StringView("new_lead")) {
        emit notice(tr("New lead"), who, event.leadId);
    } else if (name == QLatin1StringView("lead_status_changed")) {
        emit notice(tr("Status changed"),
                    tr("%1: %2 \u2192 %3")
                        .arg(who, noticeText(data.value(QStringLiteral("old_status")).toString()),
                             noticeText(data.value(QStringLiteral("new_status")).toString())),
                    event.leadId);
    } else if (name == QLatin1StringView("message_received")) {
        const QString text = data.value(QStringLiteral("message")).toObject().value(QStringLiteral("text")).toString();
        emit notice(tr("Message from %1").arg(who), noticeText(text), event.leadId);
    } else if (name == QLatin1StringView("note_added")) {
        const QString text = data.value(QStringLiteral("note")).toObject().value(QStringLiteral("text")).toString();
        emit notice(tr("Note on %1").arg(who), noticeText(text), event.leadId);
    } else if (name == QLatin1StringView("appointment_booked")) {
        const QJsonObject a = data.value(QStringLiteral("appointment")).toObject();
        emit notice(tr("Appointment booked"),
                    tr("%1, %2 %3")
                        .arg(who, noticeText(a.value(QStringLiteral("datetime")).toString()),
                             noticeText(a.value(QStringLiteral("service")).toString()))
                        .trimmed(),
                    event.leadId);
    } else if (name == QLatin1StringView("lead_escalated")) {
        emit notice(tr("Lead escalated"), who, event.leadId);
    }
}

void WebhookEventApplier::finish(const Event &event, bool ok)
{
    if (ok)
        ++m_applied;
    emit eventApplied(event.id, event.leadId, ok);
}

} // namespace outpost
