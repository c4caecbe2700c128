#include "WorkspaceUseCommand.h"

#include "CommandContext.h"
#include "LeadPrinter.h"

#include <QCommandLineParser>

namespace outpost::ctl {

QString WorkspaceUseCommand::summary() const
{
    return tr("make NAME the default workspace");
}

int WorkspaceUseCommand::run(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The workspace."));
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return context.usageError(tr("workspace use takes exactly one NAME"));
    const QString name = parser.positionalArguments().first();
    const auto workspace = context.registry().find(name);
    if (!workspace)
        return context.fail(tr("no workspace named \"%1\"").arg(LeadPrinter::printable(name)));
    auto set = context.registry().setDefault(workspace->id);
    if (!set)
        return context.fail(set.error().message);
    context.out() << tr("\"%1\" is now the default workspace.").arg(LeadPrinter::printable(workspace->name))
                  << Qt::endl;
    return ExitOk;
}

} // namespace outpost::ctl
