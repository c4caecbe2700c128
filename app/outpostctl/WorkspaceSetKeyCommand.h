#pragma once

#include "Command.h"

namespace outpost::ctl {

// workspace set-key [NAME]: replaces the workspace's API key in the keychain
// with one read from standard input, after the same checks as add.
class WorkspaceSetKeyCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceSetKeyCommand)

public:
    QString name() const override { return QStringLiteral("workspace set-key"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;
};

} // namespace outpost::ctl
