#include "OutboxCommand.h"

#include "CommandContext.h"
#include "outbox/OutboxStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace outpost::ctl {

QString OutboxCommand::summary() const
{
    return tr("list queued changes (--json); outbox retry|discard|undo ROW");
}

int OutboxCommand::run(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ACTION"), tr("retry, discard or undo (none: list)"),
                                 QStringLiteral("[retry|discard|undo ROW]"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption all(QStringLiteral("all"), tr("Also list what was sent."));
    parser.addOption(json);
    parser.addOption(all);
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    const QStringList args = parser.positionalArguments();
    if (!args.isEmpty() && args.size() != 2)
        return context.usageError(tr("usage: outpostctl outbox [--json] | outbox retry|discard|undo ROW"));

    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error().message);
    auto db = context.openCache(*workspace);
    if (!db)
        return context.fail(db.error().message);
    OutboxStore store(db.value());

    if (args.size() == 2) {
        bool ok = false;
        const qint64 row = args.at(1).toLongLong(&ok);
        if (!ok || row <= 0)
            return context.usageError(tr("\"%1\" is not an outbox row").arg(args.at(1)));
        Result<void> r;
        if (args.first() == QLatin1StringView("retry"))
            r = store.retry(row);
        else if (args.first() == QLatin1StringView("discard"))
            r = store.discard(row);
        else if (args.first() == QLatin1StringView("undo"))
            r = store.undo(row);
        else
            return context.usageError(tr("unknown outbox action \"%1\"").arg(args.first()));
        if (!r)
            return context.fail(r.error().message);
        context.out() << tr("row %1: %2 done").arg(row).arg(args.first()) << Qt::endl;
        return ExitOk;
    }

    auto rows = store.rows(parser.isSet(all));
    if (!rows)
        return context.fail(rows.error().message);
    if (parser.isSet(json)) {
        QJsonArray list;
        for (const OutboxRow &row : std::as_const(*rows))
            list.append(row.toJson());
        context.out() << QString::fromUtf8(QJsonDocument(list).toJson());
        return ExitOk;
    }
    if (rows->isEmpty()) {
        context.out() << tr("The outbox is empty.") << Qt::endl;
        return ExitOk;
    }
    for (const OutboxRow &row : std::as_const(*rows)) {
        QStringList leads;
        for (qint64 id : row.leadIds.mid(0, 5))
            leads << QString::number(id);
        if (row.leadIds.size() > 5)
            leads << QStringLiteral("…");
        context.out() << QStringLiteral("%1  %2  %3  %4")
                             .arg(row.id, 5)
                             .arg(OutboxRow::stateName(row.state).leftJustified(12))
                             .arg(leads.join(QLatin1Char(',')).leftJustified(10), row.describe().left(80));
        if (!row.lastError.isEmpty() && row.state != OutboxRow::State::Done)
            context.out() << QStringLiteral("  (") << row.lastError.left(120) << QLatin1Char(')');
        context.out() << Qt::endl;
    }
    return ExitOk;
}

} // namespace outpost::ctl
