#include "WorkspaceCommand.h"

#include "CommandContext.h"
#include "WorkspaceAddCommand.h"
#include "WorkspaceListCommand.h"
#include "WorkspaceRemoveCommand.h"
#include "WorkspaceSetKeyCommand.h"
#include "WorkspaceUseCommand.h"

namespace outpost::ctl {

WorkspaceCommand::WorkspaceCommand()
{
    m_subcommands.push_back(std::make_unique<WorkspaceAddCommand>());
    m_subcommands.push_back(std::make_unique<WorkspaceListCommand>());
    m_subcommands.push_back(std::make_unique<WorkspaceRemoveCommand>());
    m_subcommands.push_back(std::make_unique<WorkspaceSetKeyCommand>());
    m_subcommands.push_back(std::make_unique<WorkspaceUseCommand>());
}

WorkspaceCommand::~WorkspaceCommand() = default;

QString WorkspaceCommand::summary() const
{
    return tr("add, list, remove or choose workspaces; keys live in the system keychain");
}

QString WorkspaceCommand::usage() const
{
    QString text = tr("Usage: outpostctl workspace SUBCOMMAND [ARGS...]\n\n%1.\n\nSubcommands:\n").arg(summary());
    for (const auto &sub : m_subcommands)
        text += QStringLiteral("  %1 %2\n").arg(sub->name().section(u' ', 1).leftJustified(10), sub->summary());
    text += tr("\nAPI keys are read from standard input (or typed at a prompt that does not echo), never taken\n"
               "as arguments, and never printed. OUTPOST_KEYCHAIN_TIMEOUT=SECONDS bounds the wait for a slow\n"
               "or locked keychain (default 15).\n");
    return text;
}

int WorkspaceCommand::run(CommandContext &context, const QStringList &arguments)
{
    if (arguments.isEmpty())
        return context.usageError(tr("workspace needs a subcommand: add, list, remove, set-key or use"));
    const QString &first = arguments.first();
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        context.out() << usage();
        return ExitOk;
    }
    for (const auto &sub : m_subcommands) {
        if (sub->name() == name() + u' ' + first)
            return sub->run(context, arguments.mid(1));
    }
    return context.usageError(tr("unknown workspace subcommand \"%1\"").arg(first));
}

} // namespace outpost::ctl
