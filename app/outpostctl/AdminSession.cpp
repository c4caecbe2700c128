#include "AdminSession.h"

#include "Command.h"
#include "CommandContext.h"
#include "api/ApiClient.h"
#include "secrets/SecretStore.h"

namespace outpost::ctl {

AdminSession::AdminSession(CommandContext &context, Workspace workspace)
    : QObject(QCoreApplication::instance())
    , m_context(context)
    , m_workspace(std::move(workspace))
{}

AdminSession::~AdminSession()
{
    m_key.fill(u'\0');
}

AdminSession *AdminSession::open(CommandContext &context, int &code)
{
    auto workspace = context.workspace();
    if (!workspace) {
        code = context.fail(workspace.error().message);
        return nullptr;
    }
    if (workspace->isOffline()) {
        code = context.fail(tr("workspace \"%1\" has no service to manage").arg(workspace->name));
        return nullptr;
    }
    return new AdminSession(context, *workspace);
}

void AdminSession::start(Ready ready)
{
    m_context.secrets().read(SecretStore::apiKeyName(m_workspace.id), this,
                             [this, ready = std::move(ready)](Result<QString, SecretError> key) {
                                 if (!key) {
                                     const bool missing = key.error().kind == SecretError::Kind::NotFound;
                                     m_context.fail(missing ? tr("No API key is stored for \"%1\"; set one with "
                                                                 "`outpostctl workspace set-key`.")
                                                                  .arg(m_workspace.name)
                                                            : key.error().message);
                                     return finish(missing ? ExitAuthNeeded : ExitError);
                                 }
                                 m_key = key.value();
                                 ApiConfig config = ApiConfig::forWorkspace(m_workspace, m_key);
                                 // A person is waiting: no long retry ladder.
                                 config.maxAttempts = 2;
                                 config.transferTimeoutMs = 15000;
                                 m_client = new ApiClient(config, RateBudget::forWorkspace(m_workspace), this);
                                 ready(*this);
                             });
}

int AdminSession::exitCodeFor(const AdminError &error)
{
    if (error.unauthorized())
        return ExitAuthNeeded;
    if (error.kind == AdminError::Kind::Invalid)
        return ExitUsage;
    return ExitError;
}

void AdminSession::fail(const AdminError &error)
{
    m_context.fail(error.message);
    finish(exitCodeFor(error));
}

void AdminSession::finish(int code)
{
    m_key.fill(u'\0');
    m_context.finish(code);
    deleteLater();
}

} // namespace outpost::ctl
