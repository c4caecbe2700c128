#pragma once

#include "admin/ApiKeyInfo.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace outpost {

// One webhook as GET /webhooks lists it: never the secret.
struct WebhookInfo
{
    QString id;
    QString name;
    QString url;
    QStringList events;
    bool active = true;
    QString createdAt;

    static WebhookInfo fromJson(const QJsonObject &o)
    {
        WebhookInfo w;
        w.id = ApiKeyInfo::idFrom(o.value(QStringLiteral("id")));
        w.name = o.value(QStringLiteral("name")).toString();
        w.url = o.value(QStringLiteral("url")).toString();
        for (const QJsonValue &e : o.value(QStringLiteral("events")).toArray())
            w.events.append(e.toString());
        w.active = o.value(QStringLiteral("is_active")).toBool(true);
        w.createdAt = o.value(QStringLiteral("created_at")).toString();
        return w;
    }

    // Field by field: a `secret` never passes through.
    QJsonObject toJson() const
    {
        return {{QStringLiteral("id"), id},
                {QStringLiteral("name"), name},
                {QStringLiteral("url"), url},
                {QStringLiteral("events"), QJsonArray::fromStringList(events)},
                {QStringLiteral("is_active"), active},
                {QStringLiteral("created_at"), createdAt}};
    }
};

// A webhook just created: the only moment its secret is known.
struct CreatedWebhook
{
    WebhookInfo info;
    QString secret;
};

} // namespace outpost
