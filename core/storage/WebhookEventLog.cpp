#include "storage/WebhookEventLog.h"

#include "storage/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace outpost {

WebhookEventLog::WebhookEventLog(Database &db, std::chrono::seconds retention)
    : m_db(db)
    , m_retention(retention)
{}

Result<bool> WebhookEventLog::contains(const QString &id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM webhook_events WHERE id = ?"));
    q.addBindValue(id);
    if (auto r = Database::exec(q, "look up a webhook event id"); !r)
        return r.error();
    return q.next();
}

Result<void> WebhookEventLog::add(const QString &id, const QDateTime &when)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO webhook_events (id, received_at) VALUES (?, ?)"));
    q.addBindValue(id);
    q.addBindValue(when.toMSecsSinceEpoch());
    if (auto r = Database::exec(q, "remember a webhook event id"); !r)
        return r;
    if (auto pruned = prune(when); !pruned)
        return pruned.error();
    return {};
}

Result<int> WebhookEventLog::prune(const QDateTime &now)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM webhook_events WHERE received_at < ?"));
    q.addBindValue(now.toMSecsSinceEpoch() -
                   std::chrono::duration_cast<std::chrono::milliseconds>(m_retention).count());
    if (auto r = Database::exec(q, "forget old webhook event ids"); !r)
        return r.error();
    return q.numRowsAffected();
}

Result<qint64> WebhookEventLog::size()
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM webhook_events"));
    if (auto r = Database::exec(q, "count webhook event ids"); !r)
        return r.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace outpost
