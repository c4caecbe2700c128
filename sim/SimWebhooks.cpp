#include "SimWebhooks.h"

#include "SimLeadRow.h"
#include "domain/JsonReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUrl>

namespace outpost::sim {

namespace {

QJsonValue timeOrNull(const QVariant &ms)
{
    const QDateTime t = SimLeadRow::timeFromMs(ms);
    return t.isValid() ? QJsonValue(JsonReader::formatTime(t)) : QJsonValue(QJsonValue::Null);
}

QStringList eventsFromText(const QString &text)
{
    QStringList events;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        events.append(v.toString());
    return events;
}

} // namespace

const QStringList &SimWebhooks::eventNames()
{
    static const QStringList names = {QStringLiteral("new_lead"),
                                      QStringLiteral("lead_status_changed"),
                                      QStringLiteral("message_received"),
                                      QStringLiteral("appointment_booked"),
                                      QStringLiteral("lead_escalated"),
                                      QStringLiteral("note_added"),
                                      QStringLiteral("test")};
    return names;
}

bool SimWebhooks::isAllowedUrl(const QString &text, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        *error = QStringLiteral("url must be an absolute https:// URL");
        return false;
    }
    const QString host = url.host().toLower();
    const bool loopback = host == QLatin1StringView("127.0.0.1") || host == QLatin1StringView("localhost") ||
                          host == QLatin1StringView("::1");
    if (url.scheme() == QLatin1StringView("https") || (url.scheme() == QLatin1StringView("http") && loopback))
        return true;
    *error = QStringLiteral("url must use https (plain http is allowed for 127.0.0.1 and localhost only)");
    return false;
}

QJsonObject SimWebhooks::create(const QString &name, const QString &url, const QStringList &events,
                                const QString &secret, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO webhooks(name, url, events, secret, created_at) VALUES (?,?,?,?,?)"));
    q.addBindValue(name);
    q.addBindValue(url);
    q.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(events)).toJson(QJsonDocument::Compact)));
    q.addBindValue(secret);
    q.addBindValue(nowMs);
    q.exec();
    return QJsonObject{{QStringLiteral("id"), q.lastInsertId().toLongLong()},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("url"), url},
                       {QStringLiteral("events"), QJsonArray::fromStringList(events)},
                       {QStringLiteral("is_active"), true},
                       {QStringLiteral("created_at"), timeOrNull(nowMs)}};
}

QList<QJsonObject> SimWebhooks::list() const
{
    QSqlQuery q(m_db);
    QList<QJsonObject> list;
    if (q.exec(QStringLiteral("SELECT id, name, url, events, is_active, created_at FROM webhooks ORDER BY id"))) {
        while (q.next())
            list.append(QJsonObject{
                {QStringLiteral("id"), q.value(0).toLongLong()},
                {QStringLiteral("name"), q.value(1).toString()},
                {QStringLiteral("url"), q.value(2).toString()},
                {QStringLiteral("events"), QJsonArray::fromStringList(eventsFromText(q.value(3).toString()))},
                {QStringLiteral("is_active"), q.value(4).toInt() != 0},
                {QStringLiteral("created_at"), timeOrNull(q.value(5))}});
    }
    return list;
}

bool SimWebhooks::remove(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM webhooks WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || q.numRowsAffected() == 0)
        return false;
    q.prepare(QStringLiteral("DELETE FROM deliveries WHERE webhook_id = ?"));
    q.addBindValue(id);
    return q.exec();
}

std::optional<SimWebhooks::Target> SimWebhooks::target(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, url, secret, events FROM webhooks WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return Target{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                  eventsFromText(q.value(3).toString())};
}

QList<SimWebhooks::Target> SimWebhooks::subscribers(const QString &event) const
{
    QSqlQuery q(m_db);
    QList<Target> list;
    if (q.exec(QStringLiteral("SELECT id, url, secret, events FROM webhooks WHERE is_active = 1 ORDER BY id"))) {
        while (q.next()) {
            Target t{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                     eventsFromText(q.value(3).toString())};
            if (t.events.contains(event))
                list.append(t);
        }
    }
    return list;
}

void SimWebhooks::log(const Attempt &a)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO deliveries(webhook_id, event_id, event, attempt, status_code, duration_ms, "
                             "attempted_at, ok, error) VALUES (?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(a.webhookId);
    q.addBindValue(a.eventId);
    q.addBindValue(a.event);
    q.addBindValue(a.attempt);
    q.addBindValue(a.statusCode);
    q.addBindValue(a.durationMs);
    q.addBindValue(a.attemptedAtMs);
    q.addBindValue(a.ok ? 1 : 0);
    q.addBindValue(a.error.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(a.error));
    q.exec();
}

QList<QJsonObject> SimWebhooks::deliveries(qint64 webhookId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, event_id, event, attempt, status_code, duration_ms, attempted_at, ok, error "
                             "FROM deliveries WHERE webhook_id = ? ORDER BY id"));
    q.addBindValue(webhookId);
    QList<QJsonObject> list;
    if (q.exec()) {
        while (q.next())
            list.append(QJsonObject{
                {QStringLiteral("id"), q.value(0).toLongLong()},
                {QStringLiteral("event_id"), q.value(1).toString()},
                {QStringLiteral("event"), q.value(2).toString()},
                {QStringLiteral("attempt"), q.value(3).toInt()},
                {QStringLiteral("status_code"), q.value(4).toInt()},
                {QStringLiteral("duration_ms"), q.value(5).toLongLong()},
                {QStringLiteral("attempted_at"), timeOrNull(q.value(6))},
                {QStringLiteral("ok"), q.value(7).toInt() != 0},
                {QStringLiteral("error"), q.value(8).isNull() ? QJsonValue(QJsonValue::Null) : q.value(8).toString()},
            });
    }
    return list;
}

} // namespace outpost::sim
