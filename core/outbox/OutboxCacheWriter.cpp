#include "outbox/OutboxCacheWriter.h"

#include "domain/LeadCodec.h"
#include "outbox/OutboxTable.h"
#include "storage/Database.h"

#include <QSqlQuery>

#include <limits>

namespace outpost {

namespace {

void bindAll(QSqlQuery &q, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
}

QVariant orNull(const QString &text)
{
    return text.isNull() ? QVariant() : QVariant(text);
}

QVariant msOrNow(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(OutboxTable::nowMs());
}

} // namespace

OutboxCacheWriter::OutboxCacheWriter(Database &db)
    : m_db(db)
    , m_leads(db)
{}

Result<QList<Lead>> OutboxCacheWriter::cachedLeads(const QList<qint64> &ids)
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

Result<Lead> OutboxCacheWriter::cachedLead(qint64 id)
{
    auto leads = cachedLeads({id});
    if (!leads)
        return leads.error();
    return leads->first();
}

Result<void> OutboxCacheWriter::saveLeads(const QList<Lead> &leads)
{
    // The cached updated_at stays the server's: the next sync's copy still
    // replaces this one once the service has the change.
    return m_leads.upsertWithinTransaction(leads);
}

Result<void> OutboxCacheWriter::insertLocalItem(const char *table, qint64 leadId, const QString &localRef,
                                                const QVariantList &values)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO ") + QLatin1StringView(table));
    bindAll(q, QVariantList{leadId, localRef} + values);
    return Database::exec(q, "show a queued change");
}

Result<void> OutboxCacheWriter::removeLocalItems(const OutboxRow &row)
{
    for (const char *table : {"messages", "notes", "appointments"}) {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(QLatin1StringView(table)));
        q.bindValue(0, row.localRef);
        if (auto r = Database::exec(q, "take back a queued change"); !r)
            return r;
    }
    return {};
}

Result<void> OutboxCacheWriter::refreshFromServer(const QList<qint64> &leadIds)
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

Result<void> OutboxCacheWriter::saveServerLead(const Lead &lead)
{
    return m_leads.upsertWithinTransaction({lead});
}

Result<void> OutboxCacheWriter::replaceLocalItem(const OutboxRow &row, qint64 leadId, const QJsonObject &item)
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
    if (row.op == OutboxRow::Op::Note)
        return insertServerNote(leadId, item);
    if (row.op == OutboxRow::Op::Appointment)
        return insertServerAppointment(leadId, item);
    return insertServerMessage(leadId, item);
}

// An answer we cannot read leaves the cache to the next sync of the lead.

Result<void> OutboxCacheWriter::insertServerNote(qint64 leadId, const QJsonObject &item)
{
    auto note = LeadCodec::noteFromJson(item, QStringLiteral("note"));
    if (!note)
        return {};
    return insertLocalItem("notes (lead_id, id, author, text, created_at) VALUES (?, ?, ?, ?, ?)", leadId, note->id,
                           {orNull(note->author), note->text, msOrNow(note->createdAt)});
}

Result<void> OutboxCacheWriter::insertServerAppointment(qint64 leadId, const QJsonObject &item)
{
    auto appointment = LeadCodec::appointmentFromJson(item, QStringLiteral("appointment"));
    if (!appointment)
        return {};
    return insertLocalItem("appointments (lead_id, id, datetime, service, status) VALUES (?, ?, ?, ?, ?)", leadId,
                           appointment->id, {appointment->dateTime, appointment->service, orNull(appointment->status)});
}

Result<void> OutboxCacheWriter::insertServerMessage(qint64 leadId, const QJsonObject &item)
{
    auto message = LeadCodec::messageFromJson(item, QStringLiteral("message"));
    if (!message)
        return {};
    return insertLocalItem(
        "messages (lead_id, id, direction, author, text, channel, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)", leadId,
        message->id,
        {message->direction == Message::Direction::In ? QStringLiteral("in") : QStringLiteral("out"),
         orNull(message->author), message->text, orNull(message->channel), msOrNow(message->sentAt)});
}

} // namespace outpost
