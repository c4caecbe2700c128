#include "ShowCommand.h"

#include "CommandContext.h"
#include "LeadPrinter.h"
#include "domain/LeadCodec.h"
#include "storage/LeadStore.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace outpost::ctl {

QString ShowCommand::summary() const
{
    return tr("show one cached lead with its messages, notes and appointments");
}

int ShowCommand::run(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ID"), tr("The lead's id."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON with the contract's field names."));
    parser.addOption(json);
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return context.usageError(tr("show takes exactly one lead ID"));
    qint64 id = 0;
    if (!parseLeadId(parser.positionalArguments().first(), id))
        return context.usageError(tr("\"%1\" is not a lead id").arg(parser.positionalArguments().first()));

    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error().message);
    auto db = context.openCache(*workspace);
    if (!db)
        return context.fail(db.error().message);
    LeadStore store(db.value());
    auto detail = store.detail(id);
    if (!detail)
        return context.fail(detail.error().message);
    if (!detail->has_value())
        return context.fail(tr("no lead %1 in the cache of \"%2\"").arg(id).arg(workspace->name));

    if (parser.isSet(json)) {
        context.out() << QString::fromUtf8(QJsonDocument(LeadCodec::detailToJson(**detail)).toJson());
        context.out().flush();
        return ExitOk;
    }
    LeadPrinter::printDetail(context.out(), **detail);
    return ExitOk;
}

} // namespace outpost::ctl
