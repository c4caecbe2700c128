#include "SimLeads.h"

#include <QSqlError>
#include <QSqlQuery>

namespace outpost::sim {

namespace {

void bindRow(QSqlQuery &q, const SimLeadRow &row)
{
    const Lead &l = row.lead;
    q.addBindValue(l.name);
    q.addBindValue(l.phone);
    q.addBindValue(l.email.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(l.email));
    q.addBindValue(l.status.toString());
    q.addBindValue(l.channel);
    q.addBindValue(l.source.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(l.source));
    q.addBindValue(SimLeadRow::encodeTags(l.tags));
    q.addBindValue(l.assignedAgent.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(l.assignedAgent));
    q.addBindValue(l.escalated ? 1 : 0);
    q.addBindValue(l.score ? QVariant(*l.score) : QVariant(QMetaType(QMetaType::Int)));
    q.addBindValue(l.rating ? QVariant(*l.rating) : QVariant(QMetaType(QMetaType::Double)));
    q.addBindValue(SimLeadRow::msOrNull(l.createdAt));
    q.addBindValue(SimLeadRow::msOrNull(l.updatedAt));
    q.addBindValue(SimLeadRow::msOrNull(l.lastMessageAt));
    q.addBindValue(SimLeadRow::msOrNull(row.firstInAt));
    q.addBindValue(SimLeadRow::msOrNull(row.firstOutAt));
    q.addBindValue(SimLeadRow::msOrNull(row.lastInAt));
    q.addBindValue(SimLeadRow::msOrNull(row.lastOutAt));
    q.addBindValue(row.humanReplies);
    q.addBindValue(SimLeadRow::msOrNull(row.resolvedAt));
}

bool run(QSqlQuery &q)
{
    if (q.exec())
        return true;
    qWarning("outpost-sim: %s: %s", qPrintable(q.lastQuery()), qPrintable(q.lastError().text()));
    return false;
}

} // namespace

SimLeads::Page SimLeads::page(const PageQuery &query) const
{
    SimWhere where = query.where;
    // The cursor's bound goes first, as a plain range too: after `updated_at >= since`
    // SQLite would start each page's scan at `since`, every page reading all those before it.
    if (query.byUpdate && (query.afterUpdatedMs || query.afterId))
        where.prepend(QStringLiteral("updated_at >= ? AND (updated_at, id) > (?, ?)"),
                      {query.afterUpdatedMs, query.afterUpdatedMs, query.afterId});
    else if (!query.byUpdate && query.afterId)
        where.add(QStringLiteral("id > ?"), {query.afterId});
    QString sql = QStringLiteral("SELECT ") + SimLeadRow::columns() + QStringLiteral(" FROM leads") + where.sql() +
                  (query.byUpdate ? QStringLiteral(" ORDER BY updated_at, id") : QStringLiteral(" ORDER BY id"));
    if (query.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(query.limit + 1);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    where.bind(q);
    Page page;
    if (!run(q))
        return page;
    while (q.next()) {
        if (query.limit > 0 && page.leads.size() == query.limit) {
            page.more = true;
            break;
        }
        page.leads.append(SimLeadRow::fromQuery(q).lead);
    }
    return page;
}

qint64 SimLeads::count(const SimWhere &where) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM leads") + where.sql());
    where.bind(q);
    return run(q) && q.next() ? q.value(0).toLongLong() : 0;
}

QList<Lead> SimLeads::leads(const SimWhere &where, int limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + SimLeadRow::columns() + QStringLiteral(" FROM leads") + where.sql() +
              QStringLiteral(" ORDER BY id") + (limit > 0 ? QStringLiteral(" LIMIT %1").arg(limit) : QString()));
    where.bind(q);
    QList<Lead> list;
    if (run(q)) {
        while (q.next())
            list.append(SimLeadRow::fromQuery(q).lead);
    }
    return list;
}

QList<qint64> SimLeads::deletedSince(qint64 sinceMs) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM deleted_leads WHERE deleted_at >= ? ORDER BY id"));
    q.addBindValue(sinceMs);
    QList<qint64> ids;
    if (run(q)) {
        while (q.next())
            ids.append(q.value(0).toLongLong());
    }
    return ids;
}

std::optional<SimLeadRow> SimLeads::row(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + SimLeadRow::columns() + QStringLiteral(" FROM leads WHERE id = ?"));
    q.addBindValue(id);
    if (!run(q) || !q.next())
        return std::nullopt;
    return SimLeadRow::fromQuery(q);
}

LeadDetail SimLeads::detail(const SimLeadRow &row) const
{
    LeadDetail d;
    d.lead = row.lead;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, direction, author, text, channel, sent_at FROM messages WHERE lead_id = ? "
                             "ORDER BY sent_at, id"));
    q.addBindValue(row.lead.id);
    if (run(q)) {
        while (q.next()) {
            Message m;
            m.id = q.value(0).toString();
            m.direction =
                q.value(1).toString() == QLatin1StringView("out") ? Message::Direction::Out : Message::Direction::In;
            m.author = q.value(2).toString();
            m.text = q.value(3).toString();
            m.channel = q.value(4).toString();
            m.sentAt = SimLeadRow::timeFromMs(q.value(5));
            d.messages.append(m);
        }
    }
    q.prepare(
        QStringLiteral("SELECT id, author, text, created_at FROM notes WHERE lead_id = ? ORDER BY created_at, id"));
    q.addBindValue(row.lead.id);
    if (run(q)) {
        while (q.next())
            d.notes.append(Note{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                SimLeadRow::timeFromMs(q.value(3))});
    }
    q.prepare(QStringLiteral("SELECT id, datetime, service, status FROM appointments WHERE lead_id = ? ORDER BY id"));
    q.addBindValue(row.lead.id);
    if (run(q)) {
        while (q.next())
            d.appointments.append(Appointment{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                              q.value(3).toString()});
    }
    return d;
}

QList<qint64> SimLeads::allIds() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QList<qint64> ids;
    if (q.exec(QStringLiteral("SELECT id FROM leads ORDER BY id"))) {
        while (q.next())
            ids.append(q.value(0).toLongLong());
    }
    return ids;
}

QList<qint64> SimLeads::existing(const QList<qint64> &ids) const
{
    QList<qint64> found;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM leads WHERE id = ?"));
    for (const qint64 id : ids) {
        q.addBindValue(id);
        if (run(q) && q.next())
            found.append(id);
    }
    return found;
}

bool SimLeads::save(const SimLeadRow &row)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE leads SET name=?, phone=?, email=?, status=?, channel=?, source=?, tags=?, "
                             "assigned_agent=?, escalated=?, score=?, rating=?, created_at=?, updated_at=?, "
                             "last_message_at=?, first_in_at=?, first_out_at=?, last_in_at=?, last_out_at=?, "
                             "human_replies=?, resolved_at=? WHERE id=?"));
    bindRow(q, row);
    q.addBindValue(row.lead.id);
    return run(q);
}

SimLeadRow SimLeads::insert(SimLeadRow row)
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT max(coalesce((SELECT max(id) FROM leads), 0), "
                          "coalesce((SELECT max(id) FROM deleted_leads), 0))"));
    // Ids are never reused, even after a delete: a client may still hold the old one.
    row.lead.id = q.next() ? q.value(0).toLongLong() + 1 : 1;
    q.prepare(QStringLiteral("INSERT INTO leads(name, phone, email, status, channel, source, tags, assigned_agent, "
                             "escalated, score, rating, created_at, updated_at, last_message_at, first_in_at, "
                             "first_out_at, last_in_at, last_out_at, human_replies, resolved_at, id) "
                             "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    bindRow(q, row);
    q.addBindValue(row.lead.id);
    run(q);
    return row;
}

bool SimLeads::remove(qint64 id, qint64 nowMs)
{
    QSqlQuery q(m_db);
    for (const QString &table : {QStringLiteral("messages"), QStringLiteral("notes"), QStringLiteral("appointments")}) {
        q.prepare(QStringLiteral("DELETE FROM ") + table + QStringLiteral(" WHERE lead_id = ?"));
        q.addBindValue(id);
        run(q);
    }
    q.prepare(QStringLiteral("DELETE FROM leads WHERE id = ?"));
    q.addBindValue(id);
    if (!run(q) || q.numRowsAffected() == 0)
        return false;
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO deleted_leads(id, deleted_at) VALUES (?, ?)"));
    q.addBindValue(id);
    q.addBindValue(nowMs);
    return run(q);
}

Message SimLeads::addMessage(SimLeadRow &row, Message message)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO messages(lead_id, direction, author, text, channel, sent_at) "
                             "VALUES (?,?,?,?,?,?)"));
    q.addBindValue(row.lead.id);
    q.addBindValue(message.direction == Message::Direction::In ? QStringLiteral("in") : QStringLiteral("out"));
    q.addBindValue(message.author);
    q.addBindValue(message.text);
    q.addBindValue(message.channel);
    q.addBindValue(message.sentAt.toMSecsSinceEpoch());
    if (run(q))
        message.id = q.lastInsertId().toString();
    row.addMessage(message);
    return message;
}

Note SimLeads::addNote(qint64 leadId, Note note)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO notes(lead_id, author, text, created_at) VALUES (?,?,?,?)"));
    q.addBindValue(leadId);
    q.addBindValue(note.author);
    q.addBindValue(note.text);
    q.addBindValue(note.createdAt.toMSecsSinceEpoch());
    if (run(q))
        note.id = q.lastInsertId().toString();
    return note;
}

Appointment SimLeads::addAppointment(qint64 leadId, Appointment appointment)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO appointments(lead_id, datetime, service, status) VALUES (?,?,?,?)"));
    q.addBindValue(leadId);
    q.addBindValue(appointment.dateTime);
    q.addBindValue(appointment.service);
    q.addBindValue(appointment.status);
    if (run(q))
        appointment.id = q.lastInsertId().toString();
    return appointment;
}

} // namespace outpost::sim
