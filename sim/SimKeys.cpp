#include "SimKeys.h"

#include "SimLeadRow.h"
#include "domain/JsonReader.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSqlQuery>

namespace outpost::sim {

namespace {

QJsonValue timeOrNull(const QVariant &ms)
{
    const QDateTime t = SimLeadRow::timeFromMs(ms);
    return t.isValid() ? QJsonValue(JsonReader::formatTime(t)) : QJsonValue(QJsonValue::Null);
}

QJsonObject keyFromQuery(const QSqlQuery &q)
{
    return QJsonObject{{QStringLiteral("id"), q.value(0).toLongLong()},
                       {QStringLiteral("name"), q.value(1).toString()},
                       {QStringLiteral("prefix"), q.value(2).toString()},
                       {QStringLiteral("created_at"), timeOrNull(q.value(3))},
                       {QStringLiteral("last_used_at"), timeOrNull(q.value(4))},
                       {QStringLiteral("expires_at"), timeOrNull(q.value(5))}};
}

const QString keyColumns = QStringLiteral("id, name, prefix, created_at, last_used_at, expires_at");

} // namespace

QString SimKeys::hash(const QString &secret)
{
    return QString::fromLatin1(QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString SimKeys::newSecret()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 4);
    return QStringLiteral("lp_") + QString::fromLatin1(bytes.toHex());
}

SimKeys::Created SimKeys::create(const QString &name, qint64 expiresAtMs, qint64 nowMs, const QString &secret)
{
    Created c;
    c.secret = secret.isEmpty() ? newSecret() : secret;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO api_keys(name, prefix, hash, created_at, expires_at) "
                             "VALUES (?,?,?,?,?)"));
    q.addBindValue(name);
    q.addBindValue(c.secret.left(7));
    q.addBindValue(hash(c.secret));
    q.addBindValue(nowMs);
    q.addBindValue(SimLeadRow::msOrNull(expiresAtMs));
    q.exec();
    c.id = idOf(c.secret).value_or(0);
    c.json = json(c.id);
    c.json.insert(QStringLiteral("secret"), c.secret);
    return c;
}

std::optional<qint64> SimKeys::idOf(const QString &secret) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM api_keys WHERE hash = ?"));
    q.addBindValue(hash(secret));
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

SimKeys::Check SimKeys::check(const QString &secret, qint64 nowMs, qint64 *id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, revoked_at, expires_at FROM api_keys WHERE hash = ?"));
    q.addBindValue(hash(secret));
    if (!q.exec() || !q.next())
        return Check::Unknown;
    if (!q.value(1).isNull())
        return Check::Revoked;
    if (!q.value(2).isNull() && q.value(2).toLongLong() <= nowMs)
        return Check::Expired;
    *id = q.value(0).toLongLong();
    q.prepare(QStringLiteral("UPDATE api_keys SET last_used_at = ? WHERE id = ?"));
    q.addBindValue(nowMs);
    q.addBindValue(*id);
    q.exec();
    return Check::Valid;
}

QJsonObject SimKeys::json(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + keyColumns + QStringLiteral(" FROM api_keys WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() && q.next() ? keyFromQuery(q) : QJsonObject();
}

QList<QJsonObject> SimKeys::list() const
{
    QSqlQuery q(m_db);
    QList<QJsonObject> keys;
    if (q.exec(QStringLiteral("SELECT ") + keyColumns +
               QStringLiteral(" FROM api_keys WHERE revoked_at IS NULL ORDER BY id"))) {
        while (q.next())
            keys.append(keyFromQuery(q));
    }
    return keys;
}

bool SimKeys::revoke(qint64 id, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"));
    q.addBindValue(nowMs);
    q.addBindValue(id);
    return q.exec() && q.numRowsAffected() > 0;
}

} // namespace outpost::sim
