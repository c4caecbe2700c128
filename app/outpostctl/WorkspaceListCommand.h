#pragma once

#include "Command.h"

namespace outpost::ctl {

// workspace list [--json]: every workspace and whether its key is in the
// keychain. Never a secret: the key is looked up, not shown.
class WorkspaceListCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceListCommand)

public:
    QString name() const override { return QStringLiteral("workspace list"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;
};

} // namespace outpost::ctl
