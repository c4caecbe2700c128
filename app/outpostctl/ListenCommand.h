#pragma once

#include "Command.h"

namespace outpost::ctl {

// listen [--port P] [--bind ADDR] [--count N]: receives the workspace's
// webhook deliveries, verifies them with its webhook secrets from the
// keychain, and prints each accepted event as one JSON line.
class ListenCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ListenCommand)

public:
    QString name() const override { return QStringLiteral("listen"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;
};

} // namespace outpost::ctl
