#pragma once

#include "Command.h"

namespace outpost::ctl {

// campaign preview|create|send|stats: the campaign builder on the command line.
// Drafts live in the cache; a send goes through the one path that never sends twice.
class CampaignCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(CampaignCommand)

public:
    QString name() const override { return QStringLiteral("campaign"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;

private:
    int preview(CommandContext &context, const QStringList &arguments);
    int create(CommandContext &context, const QStringList &arguments);
    int send(CommandContext &context, const QStringList &arguments);
    int stats(CommandContext &context, const QStringList &arguments);
};

} // namespace outpost::ctl
