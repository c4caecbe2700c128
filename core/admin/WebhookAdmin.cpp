#include "admin/WebhookAdmin.h"

#include "admin/KeyAdmin.h"
#include "api/ApiClient.h"
#include "secrets/SecretStore.h"
#include "workspace/WorkspaceRegistry.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QUrl>
#include <QUuid>

#include <algorithm>

namespace outpost {

namespace {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

WebhookAdmin::WebhookAdmin(ApiClient &client, SecretStore &secrets, WorkspaceRegistry &registry, QUuid workspace)
    : m_client(client)
    , m_secrets(&secrets)
    , m_registry(registry)
    , m_workspace(workspace)
{}

QStringList WebhookAdmin::knownEvents()
{
    return {QStringLiteral("new_lead"),
            QStringLiteral("lead_status_changed"),
            QStringLiteral("message_received"),
            QStringLiteral("appointment_booked"),
            QStringLiteral("lead_escalated"),
            QStringLiteral("note_added"),
            QStringLiteral("test")};
}

Result<void, AdminError> WebhookAdmin::validateUrl(const QString &text)
{
    if (text.size() > 2048)
        return AdminError::invalid(tr("A webhook URL is at most 2048 characters."));
    const bool clean = std::none_of(text.begin(), text.end(), [](QChar c) {
        return c.isSpace() || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    });
    const QUrl url(text, QUrl::StrictMode);
    if (!clean || !url.isValid() || url.host().isEmpty())
        return AdminError::invalid(tr("\"%1\" is not a URL with a host.").arg(text.left(200)));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http") && isLoopbackHost(url.host()))
        return {};
    return AdminError::invalid(
        tr("A webhook URL must be HTTPS (plain HTTP only to 127.0.0.1, ::1 or localhost, for local testing)."));
}

Result<void, AdminError> WebhookAdmin::validateName(const QString &name)
{
    // Same rules as a key's name.
    return KeyAdmin::validateName(name);
}

Result<void, AdminError> WebhookAdmin::validateEvents(const QStringList &events)
{
    if (events.isEmpty())
        return AdminError::invalid(tr("Choose at least one event: %1.").arg(knownEvents().join(QStringLiteral(", "))));
    for (const QString &event : events) {
        if (!knownEvents().contains(event))
            return AdminError::invalid(
                tr("Unknown event \"%1\"; known: %2.").arg(event.left(100), knownEvents().join(QStringLiteral(", "))));
    }
    return {};
}

QString WebhookAdmin::path(const QString &id, const QString &rest) const
{
    return QStringLiteral("/webhooks/") + QString::fromLatin1(QUrl::toPercentEncoding(id)) + rest;
}

void WebhookAdmin::list(QObject *context, ListDone done)
{
    m_client.send(ApiRequest::get(QStringLiteral("/webhooks"), {}, RequestPriority::User), context,
                  [done = std::move(done)](const ApiResult &result) {
                      if (!result)
                          return done(AdminError::fromApi(result.error()));
                      const QJsonValue hooks = result->value(QStringLiteral("webhooks"));
                      if (!hooks.isArray())
                          return done(
                              AdminError::fromApi(ApiError::badResponse(tr("the answer has no webhooks list"))));
                      QList<WebhookInfo> list;
                      for (const QJsonValue &v : hooks.toArray())
                          list.append(WebhookInfo::fromJson(v.toObject()));
                      done(std::move(list));
                  });
}

void WebhookAdmin::create(const QString &name, const QString &url, const QStringList &events, QObject *context,
                          CreateDone done)
{
    for (const auto &valid : {validateName(name), validateUrl(url), validateEvents(events)}) {
        if (!valid)
            return done(valid.error());
    }
    ApiRequest request =
        ApiRequest::post(QStringLiteral("/webhooks"), {{QStringLiteral("name"), name},
                                                       {QStringLiteral("url"), url},
                                                       {QStringLiteral("events"), QJsonArray::fromStringList(events)}});
    request.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_client.send(
        std::move(request), context, [this, context, done = std::move(done)](const ApiResult &result) mutable {
            if (!result)
                return done(AdminError::fromApi(result.error()));
            const QJsonObject hook = result->value(QStringLiteral("webhook")).toObject();
            CreatedWebhook created{WebhookInfo::fromJson(hook), hook.value(QStringLiteral("secret")).toString()};
            if (created.info.id.isEmpty() || created.secret.isEmpty())
                return done(
                    AdminError::fromApi(ApiError::badResponse(tr("the new webhook came without its id or secret"))));
            storeSecret(std::move(created), context, std::move(done));
        });
}

void WebhookAdmin::storeSecret(CreatedWebhook created, QObject *context, CreateDone done)
{
    if (!m_secrets)
        return done(AdminError::keychain(tr("The keychain went away.")));
    const QString id = created.info.id;
    const QString secret = created.secret;
    m_secrets->write(SecretStore::webhookSecretName(m_workspace, id), secret, context,
                     [this, context, created = std::move(created),
                      done = std::move(done)](Result<void, SecretError> written) mutable {
                         if (!written) {
                             // A webhook whose secret nobody keeps cannot be verified: take it back.
                             const AdminError error = AdminError::keychain(
                                 tr("The webhook's secret could not be stored in the keychain (%1), so the webhook "
                                    "was deleted again.")
                                     .arg(written.error().message));
                             m_client.send(ApiRequest::remove(path(created.info.id)), context,
                                           [done = std::move(done), error](const ApiResult &) { done(error); });
                             return;
                         }
                         if (auto remembered = rememberId(created.info.id, true); !remembered)
                             return done(remembered.error());
                         done(std::move(created));
                     });
}

Result<void, AdminError> WebhookAdmin::rememberId(const QString &id, bool present)
{
    std::optional<Workspace> workspace = m_registry.find(m_workspace);
    if (!workspace)
        return AdminError::invalid(tr("The workspace is gone."));
    workspace->webhookSecretIds.removeAll(id);
    if (present)
        workspace->webhookSecretIds.append(id);
    if (auto saved = m_registry.update(*workspace); !saved)
        return AdminError::invalid(saved.error().message);
    return {};
}

void WebhookAdmin::remove(const QString &id, QObject *context, Done done)
{
    if (auto valid = KeyAdmin::validateId(id); !valid)
        return done(valid.error());
    m_client.send(ApiRequest::remove(path(id)), context,
                  [this, id, context, done = std::move(done)](const ApiResult &result) mutable {
                      // Gone on the server already: its secret is of no use either.
                      if (!result && result.error().kind != ApiError::Kind::NotFound)
                          return done(AdminError::fromApi(result.error()));
                      forgetSecret(id, context, [result, done = std::move(done)](Result<void, AdminError> forgot) {
                          if (!forgot)
                              return done(forgot.error());
                          if (!result)
                              return done(AdminError::fromApi(result.error()));
                          done({});
                      });
                  });
}

void WebhookAdmin::forgetSecret(const QString &id, QObject *context, Done done)
{
    if (!m_secrets)
        return done(AdminError::keychain(tr("The keychain went away.")));
    m_secrets->remove(SecretStore::webhookSecretName(m_workspace, id), context,
                      [this, id, done = std::move(done)](Result<void, SecretError> removed) {
                          if (!removed && removed.error().kind != SecretError::Kind::NotFound)
                              return done(AdminError::keychain(removed.error().message));
                          done(rememberId(id, false));
                      });
}

void WebhookAdmin::sendTest(const QString &id, QObject *context, Done done)
{
    if (auto valid = KeyAdmin::validateId(id); !valid)
        return done(valid.error());
    m_client.send(ApiRequest::post(path(id, QStringLiteral("/test")), {}), context,
                  [done = std::move(done)](const ApiResult &result) {
                      if (!result)
                          return done(AdminError::fromApi(result.error()));
                      done({});
                  });
}

void WebhookAdmin::deliveries(const QString &id, QObject *context, JsonDone done)
{
    if (auto valid = KeyAdmin::validateId(id); !valid)
        return done(valid.error());
    m_client.send(ApiRequest::get(path(id, QStringLiteral("/deliveries")), {}, RequestPriority::User), context,
                  [done = std::move(done)](const ApiResult &result) {
                      if (!result)
                          return done(AdminError::fromApi(result.error()));
                      done(result->value(QStringLiteral("deliveries")).toArray());
                  });
}

} // namespace outpost
