#pragma once

#include "Command.h"

#include <memory>
#include <vector>

namespace outpost::ctl {

// workspace add|list|remove|set-key|use: the workspaces of the profile and
// their keys in the system keychain.
class WorkspaceCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceCommand)

public:
    WorkspaceCommand();
    ~WorkspaceCommand() override;

    QString name() const override { return QStringLiteral("workspace"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;

private:
    QString usage() const;

    std::vector<std::unique_ptr<Command>> m_subcommands;
};

} // namespace outpost::ctl
