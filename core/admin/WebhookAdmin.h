#pragma once

#include "admin/AdminError.h"
#include "admin/WebhookInfo.h"
#include "common/Result.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

namespace outpost {

class ApiClient;
class SecretStore;
class WorkspaceRegistry;

// The contract's /webhooks endpoints for one workspace. A new webhook's
// secret goes into the keychain (SecretStore::webhookSecretName) and its id
// into Workspace::webhookSecretIds before create reports success; delete
// removes both. Asynchronous: `done` runs while `context` lives.
class WebhookAdmin
{
    Q_DECLARE_TR_FUNCTIONS(WebhookAdmin)

public:
    using ListDone = std::function<void(Result<QList<WebhookInfo>, AdminError>)>;
    using CreateDone = std::function<void(Result<CreatedWebhook, AdminError>)>;
    using JsonDone = std::function<void(Result<QJsonArray, AdminError>)>;
    using Done = std::function<void(Result<void, AdminError>)>;

    WebhookAdmin(ApiClient &client, SecretStore &secrets, WorkspaceRegistry &registry, QUuid workspace);

    void list(QObject *context, ListDone done);
    void create(const QString &name, const QString &url, const QStringList &events, QObject *context, CreateDone done);
    void remove(const QString &id, QObject *context, Done done);
    void sendTest(const QString &id, QObject *context, Done done);
    // [{id, event, status_code, duration_ms, attempted_at, ok, …}] as the service sends them.
    void deliveries(const QString &id, QObject *context, JsonDone done);

    static QStringList knownEvents();
    // HTTPS with a host; plain HTTP only to loopback (local testing).
    static Result<void, AdminError> validateUrl(const QString &url);
    static Result<void, AdminError> validateName(const QString &name);
    static Result<void, AdminError> validateEvents(const QStringList &events);

private:
    void storeSecret(CreatedWebhook created, QObject *context, CreateDone done);
    void forgetSecret(const QString &id, QObject *context, Done done);
    Result<void, AdminError> rememberId(const QString &id, bool present);
    QString path(const QString &id, const QString &rest = QString()) const;

    ApiClient &m_client;
    QPointer<SecretStore> m_secrets;
    WorkspaceRegistry &m_registry;
    QUuid m_workspace;
};

} // namespace outpost
