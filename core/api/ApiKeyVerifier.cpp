#include "api/ApiKeyVerifier.h"

#include "api/ApiClient.h"

#include <QCoreApplication>

namespace outpost {

KeyCheckError ApiKeyVerifier::toKeyCheckError(const ApiError &error, const Workspace &workspace)
{
    switch (error.kind) {
    case ApiError::Kind::Unauthorized:
        return {KeyCheckError::Kind::Rejected,
                tr("The service refused this key (wrong, expired or revoked): %1").arg(error.message)};
    case ApiError::Kind::NotFound:
    case ApiError::Kind::BadResponse:
    case ApiError::Kind::Http:
        return {KeyCheckError::Kind::BadUrl,
                tr("%1 does not answer like the lead API (client id \"%2\"): %3")
                    .arg(workspace.baseUrl.toString(), workspace.clientId, error.describe())};
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        if (error.tls)
            return {KeyCheckError::Kind::Tls,
                    tr("The certificate of %1 could not be verified: %2. For a self-hosted service, name its CA "
                       "file with --ca-file.")
                        .arg(workspace.baseUrl.host(), error.message)};
        if (error.hostNotFound)
            return {KeyCheckError::Kind::BadUrl, tr("No host named %1 was found.").arg(workspace.baseUrl.host())};
        return {KeyCheckError::Kind::NoNetwork,
                tr("%1 could not be reached: %2").arg(workspace.baseUrl.toString(), error.message)};
    default:
        return {KeyCheckError::Kind::Other, error.describe()};
    }
}

void ApiKeyVerifier::verify(const Workspace &workspace, const QString &key, QObject *context, Done done)
{
    ApiConfig config = ApiConfig::forWorkspace(workspace, key);
    // A person is waiting: no long retry ladder.
    config.maxAttempts = 2;
    config.transferTimeoutMs = 15000;
    auto *client = new ApiClient(config, RateBudget::forWorkspace(workspace), context);
    client->send(ApiRequest::get(QStringLiteral("/overview"), {}, RequestPriority::User), context,
                 [client, workspace, done = std::move(done)](const ApiResult &result) {
                     client->deleteLater();
                     if (result)
                         done({});
                     else
                         done(toKeyCheckError(result.error(), workspace));
                 });
}

} // namespace outpost
