#pragma once

#include "admin/AdminError.h"
#include "admin/ApiKeyInfo.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QObject>

#include <functional>

namespace outpost {

class ApiClient;

// The contract's /keys endpoints over one ApiClient (whose key authorises the
// calls). Asynchronous: `done` runs on the client's thread while `context` lives.
class KeyAdmin
{
    Q_DECLARE_TR_FUNCTIONS(KeyAdmin)

public:
    using ListDone = std::function<void(Result<QList<ApiKeyInfo>, AdminError>)>;
    using CreateDone = std::function<void(Result<CreatedApiKey, AdminError>)>;
    using Done = std::function<void(Result<void, AdminError>)>;

    explicit KeyAdmin(ApiClient &client);

    void list(QObject *context, ListDone done);
    // `expiresAt` invalid: never expires.
    void create(const QString &name, const QDateTime &expiresAt, QObject *context, CreateDone done);
    void revoke(const QString &id, QObject *context, Done done);

    static Result<void, AdminError> validateName(const QString &name);
    static Result<void, AdminError> validateId(const QString &id);
    // Of the listed keys, the one `secret` belongs to, judged by its prefix;
    // when several share it, the one used last (this very session just used it).
    static std::optional<ApiKeyInfo> keyOf(const QString &secret, const QList<ApiKeyInfo> &keys);

private:
    ApiClient &m_client;
};

} // namespace outpost
