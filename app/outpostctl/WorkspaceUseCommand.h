#pragma once

#include "Command.h"

namespace outpost::ctl {

// workspace use NAME: the default workspace of every other command.
class WorkspaceUseCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceUseCommand)

public:
    QString name() const override { return QStringLiteral("workspace use"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;
};

} // namespace outpost::ctl
