#pragma once

#include "Command.h"

namespace outpost::ctl {

// keys [list] [--json] | create NAME [--expires DATE] [--use] | revoke ID [--yes] [--force] | rotate:
// the service's API keys. Secrets are printed only once, by create.
class KeysCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(KeysCommand)

public:
    QString name() const override { return QStringLiteral("keys"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;

private:
    int list(CommandContext &context, const QStringList &arguments);
    int create(CommandContext &context, const QStringList &arguments);
    int revoke(CommandContext &context, const QStringList &arguments);
    int rotate(CommandContext &context, const QStringList &arguments);
};

} // namespace outpost::ctl
