#include "Command.h"

#include "CommandContext.h"

#include <QCommandLineParser>

namespace outpost::ctl {

int Command::parse(QCommandLineParser &parser, const QStringList &arguments, CommandContext &context) const
{
    parser.setApplicationDescription(summary());
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    parser.addOption(help);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    if (!parser.parse(QStringList{QStringLiteral("outpostctl ") + name()} + arguments))
        return context.usageError(parser.errorText());
    if (parser.isSet(help)) {
        context.out() << parser.helpText();
        return ExitOk;
    }
    return -1;
}

bool Command::parseLeadId(const QString &text, qint64 &id)
{
    bool ok = false;
    id = text.toLongLong(&ok);
    return ok && id > 0;
}

} // namespace outpost::ctl
