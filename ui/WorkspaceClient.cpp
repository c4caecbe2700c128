#include "WorkspaceClient.h"

#include "api/ApiClient.h"
#include "secrets/SecretStore.h"

namespace outpost {

WorkspaceClient::WorkspaceClient(Workspace workspace, SecretStore &secrets, QObject *parent)
    : QObject(parent)
    , m_workspace(std::move(workspace))
    , m_secrets(secrets)
{}

void WorkspaceClient::start()
{
    if (m_workspace.isOffline()) {
        emit failed(tr("Workspace \"%1\" has no service address.").arg(m_workspace.name));
        return;
    }
    m_secrets.read(SecretStore::apiKeyName(m_workspace.id), this, [this](Result<QString, SecretError> key) {
        if (!key) {
            emit failed(
                key.error().kind == SecretError::Kind::NotFound
                    ? tr("No API key is stored for \"%1\": edit the workspace to enter one.").arg(m_workspace.name)
                    : tr("The key of \"%1\" could not be read from the system keychain: %2")
                          .arg(m_workspace.name, key.error().message));
            return;
        }
        ApiConfig config = ApiConfig::forWorkspace(m_workspace, *key);
        // A person waits at a dialog: fail fast rather than retry for minutes.
        config.maxAttempts = 2;
        config.transferTimeoutMs = 15000;
        m_client = new ApiClient(config, RateBudget::forWorkspace(m_workspace), this);
        emit ready(m_client);
    });
}

} // namespace outpost
