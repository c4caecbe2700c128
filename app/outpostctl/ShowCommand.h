#pragma once

#include "Command.h"

namespace outpost::ctl {

// show ID: one cached lead with its messages, notes and appointments.
class ShowCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ShowCommand)

public:
    QString name() const override { return QStringLiteral("show"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;
};

} // namespace outpost::ctl
