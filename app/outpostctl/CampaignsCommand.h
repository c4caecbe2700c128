#pragma once

#include "Command.h"

namespace outpost::ctl {

// campaigns [--json] [--local]: the service's campaigns (Premium) merged into
// the cache, else the campaigns this app created.
class CampaignsCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(CampaignsCommand)

public:
    QString name() const override { return QStringLiteral("campaigns"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;
};

} // namespace outpost::ctl
