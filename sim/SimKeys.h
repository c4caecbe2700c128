#pragma once

#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace outpost::sim {

// API keys: only their SHA-256 is stored; the secret exists once, in the
// answer that creates it.
class SimKeys
{
public:
    struct Created
    {
        qint64 id = 0;
        QString secret;
        QJsonObject json; // the listing fields plus "secret"
    };
    enum class Check {
        Valid,
        Unknown,
        Revoked,
        Expired,
    };

    explicit SimKeys(QSqlDatabase db)
        : m_db(std::move(db))
    {}

    // `secret` empty: a new random "lp_" + 32 hex one.
    Created create(const QString &name, qint64 expiresAtMs, qint64 nowMs, const QString &secret = QString());
    // Looks a presented secret up; on Valid sets *id and stamps last_used_at.
    Check check(const QString &secret, qint64 nowMs, qint64 *id);
    QJsonObject json(qint64 id) const;
    QList<QJsonObject> list() const;
    bool revoke(qint64 id, qint64 nowMs);
    std::optional<qint64> idOf(const QString &secret) const;

    static QString hash(const QString &secret);
    static QString newSecret();

private:
    QSqlDatabase m_db;
};

} // namespace outpost::sim
