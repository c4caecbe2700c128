#pragma once

#include "Command.h"

namespace outpost::ctl {

// outpostctl outbox [--json] | outbox retry|discard|undo ROW: what is queued,
// and the person's decisions about rows that did not go through.
class OutboxCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(OutboxCommand)

public:
    QString name() const override { return QStringLiteral("outbox"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;
};

} // namespace outpost::ctl
