#pragma once

#include "Command.h"

namespace outpost::ctl {

// import-json FILE: stores a GET /leads answer in the workspace's cache, all or nothing.
class ImportJsonCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ImportJsonCommand)

public:
    QString name() const override { return QStringLiteral("import-json"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;
};

} // namespace outpost::ctl
