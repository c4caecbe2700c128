#pragma once

#include "Command.h"

namespace outpost::ctl {

// outpostctl status: what the cache holds and how its sync stands, without
// touching the network.
class StatusCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(StatusCommand)

public:
    QString name() const override { return QStringLiteral("status"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;
};

} // namespace outpost::ctl
