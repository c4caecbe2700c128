#include "ResolveCommand.h"

#include "CommandContext.h"
#include "outbox/OutboxStore.h"

#include <QCommandLineParser>

namespace outpost::ctl {

QString ResolveCommand::summary() const
{
    return tr("settle a conflict (ROW mine|theirs) or a review (ROW resend|arrived)");
}

int ResolveCommand::run(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ROW"), tr("The outbox row."));
    parser.addPositionalArgument(QStringLiteral("CHOICE"), tr("mine, theirs, resend or arrived."));
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2)
        return context.usageError(tr("usage: outpostctl resolve ROW mine|theirs|resend|arrived"));
    bool ok = false;
    const qint64 row = args.first().toLongLong(&ok);
    if (!ok || row <= 0)
        return context.usageError(tr("\"%1\" is not an outbox row").arg(args.first()));
    const QString choice = args.at(1);
    const QStringList choices = {QStringLiteral("mine"), QStringLiteral("theirs"), QStringLiteral("resend"),
                                 QStringLiteral("arrived")};
    if (!choices.contains(choice))
        return context.usageError(tr("choose mine, theirs, resend or arrived"));

    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error().message);
    auto db = context.openCache(*workspace);
    if (!db)
        return context.fail(db.error().message);
    OutboxStore store(db.value());
    Result<void> r;
    if (choice == QLatin1StringView("mine"))
        r = store.resolveConflict(row, OutboxStore::Resolution::Mine);
    else if (choice == QLatin1StringView("theirs"))
        r = store.resolveConflict(row, OutboxStore::Resolution::Theirs);
    else if (choice == QLatin1StringView("resend"))
        r = store.resolveReview(row, OutboxStore::Review::SendAgain);
    else
        r = store.resolveReview(row, OutboxStore::Review::AlreadyApplied);
    if (!r)
        return context.fail(r.error().message);
    context.out() << (choice == QLatin1StringView("mine") || choice == QLatin1StringView("resend")
                          ? tr("row %1 goes out with the next replay").arg(row)
                          : tr("row %1 settled").arg(row))
                  << Qt::endl;
    return ExitOk;
}

} // namespace outpost::ctl
