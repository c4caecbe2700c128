#pragma once

#include "Command.h"

namespace outpost::ctl {

// outpostctl conflicts [--json]: each conflict field by field (base, theirs, mine).
class ConflictsCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ConflictsCommand)

public:
    QString name() const override { return QStringLiteral("conflicts"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;
};

} // namespace outpost::ctl
