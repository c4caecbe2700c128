#pragma once

#include "Command.h"

namespace outpost::ctl {

// outpostctl resolve ROW mine|theirs (a conflict) or resend|arrived (a row
// that needs review after an ambiguous send).
class ResolveCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ResolveCommand)

public:
    QString name() const override { return QStringLiteral("resolve"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;
};

} // namespace outpost::ctl
