#include "QueueBatchCommand.h"

#include "CommandContext.h"

#include <QCommandLineParser>
#include <QFile>
#include <QProcess>

namespace outpost::ctl {

QueueBatchCommand::QueueBatchCommand()
{
    using Kind = QueueCommand::Kind;
    for (Kind kind : {Kind::SetStatus, Kind::Note, Kind::Reply, Kind::Book, Kind::Tag, Kind::BulkStage, Kind::BulkTag,
                      Kind::BulkMessage})
        m_commands.push_back(std::make_unique<QueueCommand>(kind));
}

QString QueueBatchCommand::summary() const
{
    return tr("queue the changes read from standard input, one command a line");
}

QueueCommand *QueueBatchCommand::find(const QString &name) const
{
    for (const auto &command : m_commands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

int QueueBatchCommand::runLine(CommandContext &context, const QString &line, int number) const
{
    const QStringList words = QProcess::splitCommand(line);
    QueueCommand *command = words.isEmpty() ? nullptr : find(words.first());
    if (!command)
        return context.usageError(tr("line %1: \"%2\" is not a queue command (set-status, note, reply, book, tag, "
                                     "bulk-stage, bulk-tag, bulk-message)")
                                      .arg(number)
                                      .arg(words.value(0).left(40)));
    if (words.contains(QStringLiteral("--wait")))
        return context.usageError(
            tr("line %1: --wait is for single commands; run outpostctl replay after the batch").arg(number));
    const int code = command->run(context, words.mid(1));
    if (code != ExitOk)
        context.err() << tr("outpostctl: stopped at line %1; the lines before it are queued.").arg(number) << Qt::endl;
    return code;
}

int QueueBatchCommand::run(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(tr("queue takes no arguments: it reads its commands from standard input"));
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly | QIODevice::Text))
        return context.fail(tr("cannot read standard input"));
    int number = 0;
    while (!input.atEnd()) {
        const QString line = QString::fromUtf8(input.readLine()).trimmed();
        ++number;
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (const int code = runLine(context, line, number); code != ExitOk)
            return code;
    }
    return ExitOk;
}

} // namespace outpost::ctl
