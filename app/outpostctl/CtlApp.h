#pragma once

#include "Command.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace outpost::ctl {

// The top of outpostctl: global options (--profile, --workspace), then one command.
class CtlApp
{
    Q_DECLARE_TR_FUNCTIONS(CtlApp)

public:
    CtlApp();
    int run(const QStringList &arguments);

private:
    Command *find(const QString &name) const;
    QString usage() const;

    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace outpost::ctl
