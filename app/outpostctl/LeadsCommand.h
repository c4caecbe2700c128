#pragma once

#include "Command.h"

namespace outpost::ctl {

// leads: lists cached leads, filtered and searched in SQL.
class LeadsCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(LeadsCommand)

public:
    QString name() const override { return QStringLiteral("leads"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;
};

} // namespace outpost::ctl
