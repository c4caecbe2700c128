#include "SimIdempotency.h"

#include <QSqlQuery>
#include <QVariant>

namespace outpost::sim {

std::optional<SimResponse> SimIdempotency::find(qint64 keyId, const QString &idempotencyKey, qint64 nowMs) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT status, body FROM idempotency WHERE key_id = ? AND idem_key = ? "
                             "AND created_at > ?"));
    q.addBindValue(keyId);
    q.addBindValue(idempotencyKey);
    q.addBindValue(nowMs - retentionMs);
    if (!q.exec() || !q.next())
        return std::nullopt;
    SimResponse r;
    r.status = q.value(0).toInt();
    r.body = q.value(1).toByteArray();
    return r;
}

void SimIdempotency::remember(qint64 keyId, const QString &idempotencyKey, const SimResponse &response, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM idempotency WHERE created_at <= ?"));
    q.addBindValue(nowMs - retentionMs);
    q.exec();
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO idempotency(key_id, idem_key, status, body, created_at) "
                             "VALUES (?,?,?,?,?)"));
    q.addBindValue(keyId);
    q.addBindValue(idempotencyKey);
    q.addBindValue(response.status);
    q.addBindValue(response.body);
    q.addBindValue(nowMs);
    q.exec();
}

} // namespace outpost::sim
