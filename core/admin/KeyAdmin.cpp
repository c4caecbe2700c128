#include "admin/KeyAdmin.h"

#include "api/ApiClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrl>
#include <QUuid>

#include <algorithm>

namespace outpost {

namespace {

bool hasControlCharacters(const QString &text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    });
}

} // namespace

KeyAdmin::KeyAdmin(ApiClient &client)
    : m_client(client)
{}

Result<void, AdminError> KeyAdmin::validateName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return AdminError::invalid(tr("A key needs a name."));
    if (name.size() > 200)
        return AdminError::invalid(tr("A key's name is at most 200 characters."));
    if (hasControlCharacters(name))
        return AdminError::invalid(tr("A key's name may not contain control characters."));
    return {};
}

Result<void, AdminError> KeyAdmin::validateId(const QString &id)
{
    const bool plain = !id.isEmpty() && id.size() <= 100 && std::all_of(id.begin(), id.end(), [](QChar c) {
        return (c.isLetterOrNumber() && c.unicode() < 128) || c == u'_' || c == u'-';
    });
    if (!plain)
        return AdminError::invalid(tr("\"%1\" is not a key id.").arg(id.left(100)));
    return {};
}

std::optional<ApiKeyInfo> KeyAdmin::keyOf(const QString &secret, const QList<ApiKeyInfo> &keys)
{
    std::optional<ApiKeyInfo> best;
    for (const ApiKeyInfo &key : keys) {
        if (key.prefix.isEmpty() || !secret.startsWith(key.prefix))
            continue;
        if (!best || key.lastUsedAt > best->lastUsedAt)
            best = key;
    }
    return best;
}

void KeyAdmin::list(QObject *context, ListDone done)
{
    m_client.send(ApiRequest::get(QStringLiteral("/keys"), {}, RequestPriority::User), context,
                  [done = std::move(done)](const ApiResult &result) {
                      if (!result)
                          return done(AdminError::fromApi(result.error()));
                      const QJsonValue keys = result->value(QStringLiteral("keys"));
                      if (!keys.isArray())
                          return done(AdminError::fromApi(ApiError::badResponse(tr("the answer has no keys list"))));
                      QList<ApiKeyInfo> list;
                      for (const QJsonValue &v : keys.toArray())
                          list.append(ApiKeyInfo::fromJson(v.toObject()));
                      done(std::move(list));
                  });
}

void KeyAdmin::create(const QString &name, const QDateTime &expiresAt, QObject *context, CreateDone done)
{
    if (auto valid = validateName(name); !valid)
        return done(valid.error());
    QJsonObject body{{QStringLiteral("name"), name},
                     {QStringLiteral("expires_at"), expiresAt.isValid()
                                                        ? QJsonValue(expiresAt.toUTC().toString(Qt::ISODate))
                                                        : QJsonValue(QJsonValue::Null)}};
    ApiRequest request = ApiRequest::post(QStringLiteral("/keys"), body);
    // A lost answer may be asked again without making a second key.
    request.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_client.send(std::move(request), context, [done = std::move(done)](const ApiResult &result) {
        if (!result)
            return done(AdminError::fromApi(result.error()));
        const QJsonObject key = result->value(QStringLiteral("key")).toObject();
        CreatedApiKey created{ApiKeyInfo::fromJson(key), key.value(QStringLiteral("secret")).toString()};
        if (created.secret.isEmpty() || created.info.id.isEmpty())
            return done(AdminError::fromApi(ApiError::badResponse(tr("the new key came without its id or secret"))));
        done(std::move(created));
    });
}

void KeyAdmin::revoke(const QString &id, QObject *context, Done done)
{
    if (auto valid = validateId(id); !valid)
        return done(valid.error());
    m_client.send(ApiRequest::remove(QStringLiteral("/keys/") + QString::fromLatin1(QUrl::toPercentEncoding(id))),
                  context, [done = std::move(done)](const ApiResult &result) {
                      if (!result)
                          return done(AdminError::fromApi(result.error()));
                      done({});
                  });
}

} // namespace outpost
