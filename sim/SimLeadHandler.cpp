#include "SimLeadHandler.h"

#include "SimBody.h"
#include "SimLeadJson.h"
#include "SimWorld.h"
#include "domain/LeadCodec.h"

#include <QJsonArray>

namespace outpost::sim {

namespace {

constexpr int defaultLimit = 50;
constexpr int maxLimit = 200;

SimResponse noSuchLead(qint64 id)
{
    return SimResponse::error(404, QStringLiteral("no lead with id %1").arg(id));
}

QJsonObject leadEventData(const Lead &lead)
{
    return QJsonObject{{QStringLiteral("lead_id"), lead.id}, {QStringLiteral("lead"), LeadCodec::leadToJson(lead)}};
}

// Legacy services add fields the contract does not know; clients must ignore them.
QJsonObject withUnknownFields(QJsonObject lead)
{
    lead.insert(QStringLiteral("crm_ref"), QStringLiteral("L-%1").arg(lead.value(QStringLiteral("id")).toInteger()));
    lead.insert(QStringLiteral("custom_fields"), QJsonObject{{QStringLiteral("utm_campaign"), QJsonValue::Null}});
    return lead;
}

} // namespace

void SimLeadHandler::addRoutes(SimRouter &router)
{
    router.get(QStringLiteral("/leads"), [this](const SimRequest &r) { return list(r); });
    router.get(QStringLiteral("/lead/{lead_id}"), [this](const SimRequest &r) { return detail(r); });
    router.post(QStringLiteral("/lead/{lead_id}/status"), [this](const SimRequest &r) { return setStatus(r); });
    router.post(QStringLiteral("/lead/{lead_id}/note"), [this](const SimRequest &r) { return addNote(r); });
    router.post(QStringLiteral("/lead/{lead_id}/reply"), [this](const SimRequest &r) { return reply(r); });
    router.post(QStringLiteral("/lead/{lead_id}/appointment"),
                [this](const SimRequest &r) { return addAppointment(r); });
}

QString SimLeadHandler::encodeCursor(bool byUpdate, qint64 updatedMs, qint64 id)
{
    const QString plain = byUpdate ? QStringLiteral("u:%1:%2").arg(updatedMs).arg(id) : QStringLiteral("i:%1").arg(id);
    return QString::fromLatin1(
        plain.toLatin1().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool SimLeadHandler::decodeCursor(const QString &cursor, bool byUpdate, qint64 *updatedMs, qint64 *id)
{
    const auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(), QByteArray::Base64UrlEncoding |
                                                                               QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    const QList<QByteArray> parts = decoded.decoded.split(':');
    bool ok1 = false, ok2 = true;
    if (byUpdate && parts.size() == 3 && parts.at(0) == "u") {
        *updatedMs = parts.at(1).toLongLong(&ok1);
        *id = parts.at(2).toLongLong(&ok2);
    } else if (!byUpdate && parts.size() == 2 && parts.at(0) == "i") {
        *id = parts.at(1).toLongLong(&ok1);
    }
    return ok1 && ok2;
}

SimResponse SimLeadHandler::list(const SimRequest &r)
{
    const QString status = r.queryValue(QStringLiteral("status"));
    if (r.hasQuery(QStringLiteral("status")) && !LeadStatus::isKnownName(status))
        return SimResponse::error(400, QStringLiteral("status must be one of new, contacted, qualified, booked, "
                                                      "lost, closed"));
    const QString search = r.queryValue(QStringLiteral("search")).trimmed();
    if (search.size() > 200)
        return SimResponse::error(400, QStringLiteral("search is longer than 200 characters"));
    if (m_world.options().legacy)
        return legacyList(r, status, search);

    int limit = defaultLimit;
    if (r.hasQuery(QStringLiteral("limit"))) {
        bool ok = false;
        limit = r.queryValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1)
            return SimResponse::error(400, QStringLiteral("limit must be an integer from 1 to %1").arg(maxLimit));
        limit = std::min(limit, maxLimit);
    }
    SimLeads::PageQuery q;
    q.limit = limit;
    std::optional<qint64> since;
    if (r.hasQuery(QStringLiteral("updated_since"))) {
        since = SimBody::parseTimeMs(r.queryValue(QStringLiteral("updated_since")));
        if (!since)
            return SimResponse::error(400, QStringLiteral("updated_since must be an ISO 8601 time such as "
                                                          "2026-05-01T10:00:00Z"));
        q.byUpdate = true;
    }
    if (!status.isEmpty())
        q.where.add(QStringLiteral("status = ?"), {status});
    if (!search.isEmpty())
        q.where.addContains({QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("tags")}, search);
    if (since)
        q.where.add(QStringLiteral("updated_at >= ?"), {*since});
    const SimWhere filter = q.where;
    const QString cursor = r.queryValue(QStringLiteral("cursor"));
    if (!cursor.isEmpty() && !decodeCursor(cursor, q.byUpdate, &q.afterUpdatedMs, &q.afterId))
        return SimResponse::error(400, QStringLiteral("cursor is not one this server gave for this query"));

    const SimLeads::Page page = m_world.leads().page(q);
    QList<qint64> deleted;
    if (since && cursor.isEmpty())
        deleted = m_world.leads().deletedSince(*since);
    QString next;
    if (page.more) {
        const Lead &last = page.leads.constLast();
        next = encodeCursor(q.byUpdate, last.updatedAt.toMSecsSinceEpoch(), last.id);
    }
    return pageResponse(page.leads, total(filter), next, deleted);
}

// The page written straight to bytes, keys sorted as QJsonDocument writes
// them: about three times faster than building a QJsonObject of 200 leads.
SimResponse SimLeadHandler::pageResponse(const QList<Lead> &leads, qint64 total, const QString &nextCursor,
                                         const QList<qint64> &deleted)
{
    SimResponse r;
    QByteArray &out = r.body;
    out.reserve(400 * leads.size() + 200);
    out += "{\"deleted\":[";
    for (qsizetype i = 0; i < deleted.size(); ++i) {
        if (i)
            out += ',';
        out += QByteArray::number(deleted.at(i));
    }
    out += "],\"leads\":[";
    for (qsizetype i = 0; i < leads.size(); ++i) {
        if (i)
            out += ',';
        SimLeadJson::append(out, leads.at(i));
    }
    out += "],\"next_cursor\":";
    if (nextCursor.isEmpty())
        out += "null";
    else
        SimLeadJson::appendString(out, nextCursor);
    out += ",\"ok\":true,\"total\":";
    out += QByteArray::number(total);
    out += '}';
    return r;
}

qint64 SimLeadHandler::total(const SimWhere &where)
{
    if (m_totalsVersion != m_world.leadsVersion()) {
        m_totals.clear();
        m_totalsVersion = m_world.leadsVersion();
    }
    const QString key = where.cacheKey();
    const auto it = m_totals.constFind(key);
    if (it != m_totals.cend())
        return *it;
    const qint64 count = m_world.leads().count(where);
    m_totals.insert(key, count);
    return count;
}

SimResponse SimLeadHandler::legacyList(const SimRequest &, const QString &status, const QString &search)
{
    SimWhere where;
    if (!status.isEmpty())
        where.add(QStringLiteral("status = ?"), {status});
    if (!search.isEmpty())
        where.addContains({QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("tags")}, search);
    QJsonArray array;
    for (const Lead &lead : m_world.leads().leads(where, 0))
        array.append(withUnknownFields(LeadCodec::leadToJson(lead)));
    return SimResponse::ok({{QStringLiteral("leads"), array}, {QStringLiteral("api_version"), QStringLiteral("1.0")}});
}

SimResponse SimLeadHandler::detail(const SimRequest &r)
{
    const auto row = m_world.leads().row(r.arg());
    if (!row)
        return noSuchLead(r.arg());
    QJsonObject lead = LeadCodec::detailToJson(m_world.leads().detail(*row));
    if (m_world.options().legacy)
        lead = withUnknownFields(lead);
    return SimResponse::ok({{QStringLiteral("lead"), lead}});
}

SimResponse SimLeadHandler::setStatus(const SimRequest &r)
{
    SimBody body(r.json);
    const QString status = body.requiredString(QStringLiteral("status"), 64);
    if (!body.ok())
        return SimResponse::error(400, body.error());
    if (!LeadStatus::isKnownName(status))
        return SimResponse::error(400, QStringLiteral("status must be one of new, contacted, qualified, booked, "
                                                      "lost, closed"));
    auto row = m_world.leads().row(r.arg());
    if (!row)
        return noSuchLead(r.arg());
    const QString old = row->lead.status.toString();
    if (old != status) {
        row->setStatus(LeadStatus::fromString(status), m_world.nowMs());
        m_world.touchAndSave(*row);
        QJsonObject data = leadEventData(row->lead);
        data.insert(QStringLiteral("old_status"), old);
        data.insert(QStringLiteral("new_status"), status);
        m_world.emitEvent(QStringLiteral("lead_status_changed"), data);
    }
    return SimResponse::ok({{QStringLiteral("lead"), LeadCodec::leadToJson(row->lead)}})
        .mutating(QStringLiteral("status %1 %2->%3").arg(r.arg()).arg(old, status));
}

SimResponse SimLeadHandler::addNote(const SimRequest &r)
{
    SimBody body(r.json);
    const QString text = body.requiredString(QStringLiteral("text"));
    if (!body.ok())
        return SimResponse::error(400, body.error());
    auto row = m_world.leads().row(r.arg());
    if (!row)
        return noSuchLead(r.arg());
    const Note note =
        m_world.leads().addNote(row->lead.id, Note{QString(), QStringLiteral("API"), text, m_world.now()});
    m_world.touchAndSave(*row);
    QJsonObject data = leadEventData(row->lead);
    data.insert(QStringLiteral("note"), LeadCodec::noteToJson(note));
    m_world.emitEvent(QStringLiteral("note_added"), data);
    return SimResponse::ok({{QStringLiteral("note"), LeadCodec::noteToJson(note)}})
        .mutating(QStringLiteral("note %1 #%2").arg(r.arg()).arg(note.id));
}

SimResponse SimLeadHandler::reply(const SimRequest &r)
{
    SimBody body(r.json);
    const QString text = body.requiredString(QStringLiteral("text"), 4096);
    if (!body.ok())
        return SimResponse::error(400, body.error());
    auto row = m_world.leads().row(r.arg());
    if (!row)
        return noSuchLead(r.arg());
    Message m;
    m.direction = Message::Direction::Out;
    m.author = QStringLiteral("API");
    m.text = text;
    m.channel = row->lead.channel;
    m.sentAt = m_world.now();
    m = m_world.leads().addMessage(*row, m);
    m_world.touchAndSave(*row);
    return SimResponse::ok({{QStringLiteral("message"), LeadCodec::messageToJson(m)}})
        .mutating(QStringLiteral("reply %1 #%2").arg(r.arg()).arg(m.id));
}

SimResponse SimLeadHandler::addAppointment(const SimRequest &r)
{
    SimBody body(r.json);
    const QString when = body.requiredString(QStringLiteral("datetime"), 32);
    const QString service = body.optionalString(QStringLiteral("service"), 200);
    if (!body.ok())
        return SimResponse::error(400, body.error());
    if (!QDateTime::fromString(when, QStringLiteral("yyyy-MM-dd HH:mm")).isValid())
        return SimResponse::error(400, QStringLiteral("datetime must be \"YYYY-MM-DD HH:MM\", e.g. 2026-05-15 14:00"));
    auto row = m_world.leads().row(r.arg());
    if (!row)
        return noSuchLead(r.arg());
    const Appointment a = m_world.leads().addAppointment(
        row->lead.id, Appointment{QString(), when, service.isEmpty() ? QStringLiteral("Consultation") : service,
                                  QStringLiteral("scheduled")});
    m_world.touchAndSave(*row);
    QJsonObject data = leadEventData(row->lead);
    data.insert(QStringLiteral("appointment"), LeadCodec::appointmentToJson(a));
    m_world.emitEvent(QStringLiteral("appointment_booked"), data);
    return SimResponse::ok({{QStringLiteral("appointment"), LeadCodec::appointmentToJson(a)}})
        .mutating(QStringLiteral("appointment %1 #%2").arg(r.arg()).arg(a.id));
}

} // namespace outpost::sim
