#pragma once

#include "Command.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace outpost::ctl {

class CommandContext;

// The top of outpostctl: global options (--profile, --workspace), then one command.
class CtlApp
{
    Q_DECLARE_TR_FUNCTIONS(CtlApp)

public:
    CtlApp();
    ~CtlApp();
    // Runs the command; for an asynchronous one, enters the event loop until it finishes.
    int run(const QStringList &arguments);

private:
    Command *find(const QString &name) const;
    QString usage() const;

    std::vector<std::unique_ptr<Command>> m_commands;
    std::unique_ptr<CommandContext> m_context;
};

} // namespace outpost::ctl
