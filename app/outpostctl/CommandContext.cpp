#include "CommandContext.h"

#include "Command.h"

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

void CommandContext::finish(int code)
{
    m_out.flush();
    m_err.flush();
    QCoreApplication::exit(code);
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
