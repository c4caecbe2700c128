#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace outpost {

// One API key as GET /keys lists it: never the secret.
struct ApiKeyInfo
{
    QString id;
    QString name;
    QString prefix;
    QString createdAt;
    QString lastUsedAt;
    QString expiresAt;

    // Ids are numbers in some services and strings in others.
    static QString idFrom(const QJsonValue &value)
    {
        if (value.isDouble())
            return QString::number(value.toInteger());
        return value.toString();
    }

    static ApiKeyInfo fromJson(const QJsonObject &o)
    {
        return {idFrom(o.value(QStringLiteral("id"))),
                o.value(QStringLiteral("name")).toString(),
                o.value(QStringLiteral("prefix")).toString(),
                o.value(QStringLiteral("created_at")).toString(),
                o.value(QStringLiteral("last_used_at")).toString(),
                o.value(QStringLiteral("expires_at")).toString()};
    }

    // Deliberately field by field: a `secret` the server might add never passes through.
    QJsonObject toJson() const
    {
        auto orNull = [](const QString &s) {
            return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
        };
        return {{QStringLiteral("id"), id},
                {QStringLiteral("name"), name},
                {QStringLiteral("prefix"), prefix},
                {QStringLiteral("created_at"), orNull(createdAt)},
                {QStringLiteral("last_used_at"), orNull(lastUsedAt)},
                {QStringLiteral("expires_at"), orNull(expiresAt)}};
    }
};

// A key just created: the only moment its secret is known.
struct CreatedApiKey
{
    ApiKeyInfo info;
    QString secret;
};

} // namespace outpost
