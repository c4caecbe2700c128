#include "CommandContext.h"

#include "Command.h"
#include "secrets/KeychainSecretStore.h"

#include <QDir>

#include <cstdio>
#include <unistd.h>

namespace outpost::ctl {

CommandContext::CommandContext(Profile profile, QString workspaceName)
    : m_registry(std::move(profile))
    , m_workspaceName(std::move(workspaceName))
    , m_out(stdout)
    , m_err(stderr)
{}

bool CommandContext::stdoutIsTerminal() const
{
    return ::isatty(STDOUT_FILENO) == 1;
}

Result<Workspace> CommandContext::workspace()
{
    return m_registry.resolve(m_workspaceName);
}

Result<Database> CommandContext::openCache(const Workspace &workspace)
{
    if (!QDir().mkpath(m_registry.profile().workspaceDirectory(workspace.id)))
        return makeError(tr("cannot create the directory of workspace \"%1\"").arg(workspace.name));
    return Database::open(m_registry.profile().cachePath(workspace.id));
}

SecretStore &CommandContext::secrets()
{
    if (!m_secrets) {
        KeychainPatience patience;
        bool ok = false;
        const int seconds = qEnvironmentVariableIntValue("OUTPOST_KEYCHAIN_TIMEOUT", &ok);
        if (ok && seconds > 0)
            patience.budget = std::chrono::seconds(seconds);
        auto store = std::make_unique<KeychainSecretStore>(patience);
        // One line while the keychain makes us wait, instead of silence or a second prompt.
        QObject::connect(store.get(), &KeychainSecretStore::waitingForKeychain, store.get(),
                         [this](const QString &message) { m_err << message << Qt::endl; });
        m_secrets = std::move(store);
    }
    return *m_secrets;
}

void CommandContext::finish(int code)
{
    m_out.flush();
    m_err.flush();
    // Queued: a Pending command may finish before run() has returned and the
    // event loop started, and QCoreApplication::exit() is lost outside exec().
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [code] { QCoreApplication::exit(code); }, Qt::QueuedConnection);
}

int CommandContext::fail(const QString &message, int code)
{
    m_err << "outpostctl: " << message << Qt::endl;
    return code;
}

int CommandContext::usageError(const QString &message)
{
    m_err << "outpostctl: " << message << Qt::endl << tr("Try 'outpostctl --help'.") << Qt::endl;
    return ExitUsage;
}

} // namespace outpost::ctl
