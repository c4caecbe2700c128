#include "domain/LeadCodec.h"

#include "domain/JsonReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace outpost {

namespace {

QJsonValue nullable(const QString &s)
{
    return s.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue nullableTime(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(JsonReader::formatTime(t)) : QJsonValue(QJsonValue::Null);
}

bool looksLikeHtml(const QByteArray &bytes)
{
    const QByteArray head = bytes.left(256).trimmed().toLower();
    return head.startsWith('<');
}

template <typename T, typename Decode>
Result<QList<T>> decodeArray(const QJsonArray &array, const QString &path, Decode decode)
{
    QList<T> out;
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
        if (!array.at(i).isObject())
            return makeError(itemPath + QStringLiteral(": expected an object, got ") +
                             JsonReader::typeName(array.at(i)));
        auto item = decode(array.at(i).toObject(), itemPath);
        if (!item)
            return item.error();
        out.append(std::move(item).value());
    }
    return out;
}

} // namespace

Result<QJsonObject> LeadCodec::parseObject(const QByteArray &bytes)
{
    if (bytes.trimmed().isEmpty())
        return makeError(QStringLiteral("the answer is empty, not JSON"));
    if (looksLikeHtml(bytes))
        return makeError(QStringLiteral("the answer is an HTML page, not JSON"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(QStringLiteral("the answer is not valid JSON (%1 at byte %2)")
                             .arg(parseError.errorString())
                             .arg(parseError.offset));
    if (!doc.isObject())
        return makeError(QStringLiteral("the answer is a JSON %1, not an object")
                             .arg(doc.isArray() ? QStringLiteral("array") : QStringLiteral("value")));
    return doc.object();
}

Result<Lead> LeadCodec::leadFromJson(const QJsonObject &object, const QString &path)
{
    JsonReader r(object, path);
    Lead lead;
    lead.id = r.requiredId(QLatin1StringView("id"));
    lead.name = r.requiredString(QLatin1StringView("name"));
    // Required by the contract, but a lead without them is still worth showing.
    lead.phone = r.optionalString(QLatin1StringView("phone"));
    if (lead.phone.isNull())
        lead.phone = QStringLiteral("");
    lead.email = r.optionalString(QLatin1StringView("email"));
    lead.status = LeadStatus::fromString(r.requiredString(QLatin1StringView("status")));
    lead.channel = r.optionalString(QLatin1StringView("channel"));
    if (lead.channel.isNull())
        lead.channel = QStringLiteral("");
    lead.source = r.optionalString(QLatin1StringView("source"));
    lead.tags = r.optionalStringList(QLatin1StringView("tags"));
    lead.assignedAgent = r.optionalString(QLatin1StringView("assigned_agent"));
    lead.escalated = r.optionalBool(QLatin1StringView("escalated"), false);
    lead.score = r.optionalInt(QLatin1StringView("score"));
    lead.rating = r.optionalDouble(QLatin1StringView("rating"));
    lead.createdAt = r.requiredTime(QLatin1StringView("created_at"));
    lead.updatedAt = r.requiredTime(QLatin1StringView("updated_at"));
    lead.lastMessageAt = r.optionalTime(QLatin1StringView("last_message_at"));
    if (!r.ok())
        return r.error();
    return lead;
}

QJsonObject LeadCodec::leadToJson(const Lead &lead)
{
    QJsonObject o;
    o.insert(QLatin1StringView("id"), lead.id);
    o.insert(QLatin1StringView("name"), lead.name);
    o.insert(QLatin1StringView("phone"), lead.phone);
    o.insert(QLatin1StringView("email"), nullable(lead.email));
    o.insert(QLatin1StringView("status"), lead.status.toString());
    o.insert(QLatin1StringView("channel"), lead.channel);
    o.insert(QLatin1StringView("source"), nullable(lead.source));
    o.insert(QLatin1StringView("tags"), QJsonArray::fromStringList(lead.tags));
    o.insert(QLatin1StringView("assigned_agent"), nullable(lead.assignedAgent));
    o.insert(QLatin1StringView("escalated"), lead.escalated);
    o.insert(QLatin1StringView("score"), lead.score ? QJsonValue(*lead.score) : QJsonValue(QJsonValue::Null));
    o.insert(QLatin1StringView("rating"), lead.rating ? QJsonValue(*lead.rating) : QJsonValue(QJsonValue::Null));
    o.insert(QLatin1StringView("created_at"), nullableTime(lead.createdAt));
    o.insert(QLatin1StringView("updated_at"), nullableTime(lead.updatedAt));
    o.insert(QLatin1StringView("last_message_at"), nullableTime(lead.lastMessageAt));
    return o;
}

Result<Message> LeadCodec::messageFromJson(const QJsonObject &object, const QString &path)
{
    JsonReader r(object, path);
    Message m;
    m.id = r.requiredIdText(QLatin1StringView("id"));
    const QString direction = r.requiredString(QLatin1StringView("direction"));
    m.author = r.optionalString(QLatin1StringView("author"));
    m.text = r.requiredString(QLatin1StringView("text"));
    m.channel = r.optionalString(QLatin1StringView("channel"));
    m.sentAt = r.requiredTime(QLatin1StringView("sent_at"));
    if (!r.ok())
        return r.error();
    if (direction == QLatin1StringView("in"))
        m.direction = Message::Direction::In;
    else if (direction == QLatin1StringView("out"))
        m.direction = Message::Direction::Out;
    else
        return makeError(r.fieldPath(QLatin1StringView("direction")) +
                         QStringLiteral(": expected \"in\" or \"out\", got \"%1\"").arg(direction.left(32)));
    return m;
}

QJsonObject LeadCodec::messageToJson(const Message &m)
{
    return QJsonObject{
        {QLatin1StringView("id"), m.id},
        {QLatin1StringView("direction"),
         m.direction == Message::Direction::In ? QStringLiteral("in") : QStringLiteral("out")},
        {QLatin1StringView("author"), nullable(m.author)},
        {QLatin1StringView("text"), m.text},
        {QLatin1StringView("channel"), nullable(m.channel)},
        {QLatin1StringView("sent_at"), nullableTime(m.sentAt)},
    };
}

Result<Note> LeadCodec::noteFromJson(const QJsonObject &object, const QString &path)
{
    JsonReader r(object, path);
    Note n;
    n.id = r.requiredIdText(QLatin1StringView("id"));
    n.author = r.optionalString(QLatin1StringView("author"));
    n.text = r.requiredString(QLatin1StringView("text"));
    n.createdAt = r.requiredTime(QLatin1StringView("created_at"));
    if (!r.ok())
        return r.error();
    return n;
}

QJsonObject LeadCodec::noteToJson(const Note &n)
{
    return QJsonObject{
        {QLatin1StringView("id"), n.id},
        {QLatin1StringView("author"), nullable(n.author)},
        {QLatin1StringView("text"), n.text},
        {QLatin1StringView("created_at"), nullableTime(n.createdAt)},
    };
}

Result<Appointment> LeadCodec::appointmentFromJson(const QJsonObject &object, const QString &path)
{
    JsonReader r(object, path);
    Appointment a;
    a.id = r.requiredIdText(QLatin1StringView("id"));
    a.dateTime = r.requiredString(QLatin1StringView("datetime"));
    a.service = r.optionalString(QLatin1StringView("service"));
    a.status = r.optionalString(QLatin1StringView("status"));
    if (!r.ok())
        return r.error();
    return a;
}

QJsonObject LeadCodec::appointmentToJson(const Appointment &a)
{
    return QJsonObject{
        {QLatin1StringView("id"), a.id},
        {QLatin1StringView("datetime"), a.dateTime},
        {QLatin1StringView("service"), nullable(a.service)},
        {QLatin1StringView("status"), nullable(a.status)},
    };
}

Result<LeadDetail> LeadCodec::detailFromJson(const QJsonObject &object, const QString &path)
{
    auto lead = leadFromJson(object, path);
    if (!lead)
        return lead.error();
    JsonReader r(object, path);
    const QJsonArray messages = r.optionalArray(QLatin1StringView("messages"));
    const QJsonArray notes = r.optionalArray(QLatin1StringView("notes"));
    const QJsonArray appointments = r.optionalArray(QLatin1StringView("appointments"));
    if (!r.ok())
        return r.error();

    LeadDetail detail;
    detail.lead = std::move(lead).value();
    auto m = decodeArray<Message>(messages, r.fieldPath(QLatin1StringView("messages")), &LeadCodec::messageFromJson);
    if (!m)
        return m.error();
    auto n = decodeArray<Note>(notes, r.fieldPath(QLatin1StringView("notes")), &LeadCodec::noteFromJson);
    if (!n)
        return n.error();
    auto a = decodeArray<Appointment>(appointments, r.fieldPath(QLatin1StringView("appointments")),
                                      &LeadCodec::appointmentFromJson);
    if (!a)
        return a.error();
    detail.messages = std::move(m).value();
    detail.notes = std::move(n).value();
    detail.appointments = std::move(a).value();
    return detail;
}

QJsonObject LeadCodec::detailToJson(const LeadDetail &detail)
{
    QJsonObject o = leadToJson(detail.lead);
    QJsonArray messages, notes, appointments;
    for (const Message &m : detail.messages)
        messages.append(messageToJson(m));
    for (const Note &n : detail.notes)
        notes.append(noteToJson(n));
    for (const Appointment &a : detail.appointments)
        appointments.append(appointmentToJson(a));
    o.insert(QLatin1StringView("messages"), messages);
    o.insert(QLatin1StringView("notes"), notes);
    o.insert(QLatin1StringView("appointments"), appointments);
    return o;
}

Result<LeadsPage> LeadCodec::pageFromJson(const QJsonObject &object)
{
    JsonReader r(object, QString());
    if (!object.value(QLatin1StringView("leads")).isArray())
        return makeError(QStringLiteral("leads: expected an array, got ") +
                         JsonReader::typeName(object.value(QLatin1StringView("leads"))));
    const QJsonArray leads = r.optionalArray(QLatin1StringView("leads"));
    const std::optional<double> total = r.optionalDouble(QLatin1StringView("total"));
    const QString cursor = r.optionalString(QLatin1StringView("next_cursor"));
    const QJsonArray deleted = r.optionalArray(QLatin1StringView("deleted"));
    if (!r.ok())
        return r.error();

    LeadsPage page;
    auto decoded = decodeArray<Lead>(leads, QStringLiteral("leads"), &LeadCodec::leadFromJson);
    if (!decoded)
        return decoded.error();
    page.leads = std::move(decoded).value();
    if (total)
        page.total = static_cast<qint64>(*total);
    page.nextCursor = cursor.isEmpty() ? QString() : cursor;
    page.listsDeleted = object.value(QLatin1StringView("deleted")).isArray();
    for (qsizetype i = 0; i < deleted.size(); ++i) {
        const QJsonValue v = deleted.at(i);
        if (!v.isDouble() || v.toDouble() < 1)
            return makeError(
                QStringLiteral("deleted[%1]: expected a lead id, got %2").arg(i).arg(JsonReader::typeName(v)));
        page.deleted.append(static_cast<qint64>(v.toDouble()));
    }
    return page;
}

Result<LeadsPage> LeadCodec::pageFromBytes(const QByteArray &bytes)
{
    auto object = parseObject(bytes);
    if (!object)
        return object.error();
    return pageFromJson(*object);
}

QJsonObject LeadCodec::pageToJson(const LeadsPage &page)
{
    QJsonArray leads;
    for (const Lead &lead : page.leads)
        leads.append(leadToJson(lead));
    QJsonArray deleted;
    for (qint64 id : page.deleted)
        deleted.append(id);
    QJsonObject o{{QLatin1StringView("ok"), true}, {QLatin1StringView("leads"), leads}};
    if (page.total)
        o.insert(QLatin1StringView("total"), *page.total);
    o.insert(QLatin1StringView("next_cursor"), nullable(page.nextCursor));
    o.insert(QLatin1StringView("deleted"), deleted);
    return o;
}

} // namespace outpost
