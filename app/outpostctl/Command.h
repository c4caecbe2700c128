#pragma once

#include <QCoreApplication>
#include <QStringList>

class QCommandLineParser;

namespace outpost::ctl {

class CommandContext;

// outpostctl's exit codes: scripts rely on them.
enum ExitCode {
    ExitOk = 0,
    ExitError = 1,
    ExitUsage = 2,
    ExitAuthNeeded = 3,
    ExitStoppedEarly = 4,
};

// One outpostctl command: it builds its own parser and runs against the context.
class Command
{
    Q_DECLARE_TR_FUNCTIONS(Command)

public:
    virtual ~Command() = default;

    // Returned by run() when the command works asynchronously (network, keychain):
    // it ends later with CommandContext::finish(code), from the event loop.
    static constexpr int Pending = -1;

    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // Returns an exit code, or Pending.
    virtual int run(CommandContext &context, const QStringList &arguments) = 0;

protected:
    // Parses `arguments` (without the command name). Returns -1 to go on, or
    // the exit code to return at once (help printed, or a usage error).
    int parse(QCommandLineParser &parser, const QStringList &arguments, CommandContext &context) const;
    // A positional argument that must be a lead id.
    static bool parseLeadId(const QString &text, qint64 &id);
};

} // namespace outpost::ctl
