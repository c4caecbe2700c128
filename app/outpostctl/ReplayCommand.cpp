#include "ReplayCommand.h"

#include "CommandContext.h"
#include "OutboxReplayRun.h"

#include <QCommandLineParser>

namespace outpost::ctl {

QString ReplayCommand::summary() const
{
    return tr("send the outbox now (exit 4 if rows remain)");
}

int ReplayCommand::run(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(tr("replay takes no arguments"));
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error().message);
    OutboxReplayRun::start(context, *workspace);
    return Pending;
}

} // namespace outpost::ctl
