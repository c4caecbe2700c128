#include "storage/LeadActivityWriter.h"

#include "storage/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace outpost {

namespace {

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QVariant msecs(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

Result<bool> insert(Database &db, const QString &sql, const QVariantList &values, const char *what)
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (auto r = Database::exec(q, what); !r)
        return r.error();
    return q.numRowsAffected() > 0;
}

} // namespace

LeadActivityWriter::LeadActivityWriter(Database &db)
    : m_db(db)
{}

Result<bool> LeadActivityWriter::addMessage(qint64 leadId, const Message &message)
{
    return insert(
        m_db,
        QStringLiteral("INSERT OR IGNORE INTO messages (lead_id, id, direction, author, text, channel, "
                       "sent_at) SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM leads WHERE id = ?)"),
        {leadId, message.id, message.direction == Message::Direction::In ? QStringLiteral("in") : QStringLiteral("out"),
         nullableText(message.author), message.text, nullableText(message.channel),
         message.sentAt.isValid() ? msecs(message.sentAt) : QVariant(QDateTime::currentMSecsSinceEpoch()), leadId},
        "add a message from a webhook");
}

Result<bool> LeadActivityWriter::addNote(qint64 leadId, const Note &note)
{
    return insert(m_db,
                  QStringLiteral("INSERT OR IGNORE INTO notes (lead_id, id, author, text, created_at) "
                                 "SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM leads WHERE id = ?)"),
                  {leadId, note.id, nullableText(note.author), note.text,
                   note.createdAt.isValid() ? msecs(note.createdAt) : QVariant(QDateTime::currentMSecsSinceEpoch()),
                   leadId},
                  "add a note from a webhook");
}

Result<bool> LeadActivityWriter::addAppointment(qint64 leadId, const Appointment &appointment)
{
    return insert(m_db,
                  QStringLiteral("INSERT OR IGNORE INTO appointments (lead_id, id, datetime, service, status) "
                                 "SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM leads WHERE id = ?)"),
                  {leadId, appointment.id, appointment.dateTime, nullableText(appointment.service),
                   nullableText(appointment.status), leadId},
                  "add an appointment from a webhook");
}

} // namespace outpost
