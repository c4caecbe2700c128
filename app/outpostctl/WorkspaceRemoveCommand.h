#pragma once

#include "Command.h"

namespace outpost::ctl {

// workspace remove NAME [--yes] [--delete-cache]: deletes the workspace's
// keychain entries (API key, webhook secrets), then the workspace itself.
class WorkspaceRemoveCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceRemoveCommand)

public:
    QString name() const override { return QStringLiteral("workspace remove"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;
};

} // namespace outpost::ctl
