#pragma once

#include "Command.h"

namespace outpost::ctl {

// outpostctl sync: fills the workspace's cache from its service, with progress
// on a terminal; resumes a run that was killed or cancelled.
class SyncCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(SyncCommand)

public:
    QString name() const override { return QStringLiteral("sync"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;
};

} // namespace outpost::ctl
