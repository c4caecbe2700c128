#pragma once

#include "Command.h"

namespace outpost::ctl {

// outpostctl replay: sends the outbox now; exit 4 when rows remain.
class ReplayCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ReplayCommand)

public:
    QString name() const override { return QStringLiteral("replay"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;
};

} // namespace outpost::ctl
