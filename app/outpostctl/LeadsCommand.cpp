#include "LeadsCommand.h"

#include "CommandContext.h"
#include "LeadPrinter.h"
#include "domain/LeadCodec.h"
#include "storage/LeadStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace outpost::ctl {

namespace {

constexpr int kMaxLimit = 100000;

} // namespace

QString LeadsCommand::summary() const
{
    return tr("list cached leads (--status, --search, --filter NAME=VALUE, --limit, --json)");
}

int LeadsCommand::run(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption status(QStringLiteral("status"), tr("Only leads with this status."), tr("STATUS"));
    const QCommandLineOption search(QStringLiteral("search"), tr("Search names, phones, emails and tags."), tr("TEXT"));
    const QCommandLineOption filter(QStringLiteral("filter"),
                                    tr("A campaign filter, e.g. channel=whatsapp (repeatable)."), tr("NAME=VALUE"));
    const QCommandLineOption limit(QStringLiteral("limit"), tr("At most N leads (default 50)."), tr("N"),
                                   QStringLiteral("50"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON with the contract's field names."));
    parser.addOptions({status, search, filter, limit, json});
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(tr("leads takes no positional arguments"));

    LeadQuery query;
    for (const QString &assignment : parser.values(filter)) {
        auto set = query.filter.set(assignment);
        if (!set)
            return context.usageError(set.error().message);
    }
    if (parser.isSet(status))
        query.filter.status = parser.value(status);
    if (parser.isSet(search))
        query.filter.search = parser.value(search);
    bool ok = false;
    query.limit = parser.value(limit).toInt(&ok);
    if (!ok || query.limit < 1 || query.limit > kMaxLimit)
        return context.usageError(tr("--limit takes a number from 1 to %1").arg(kMaxLimit));

    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error().message);
    auto db = context.openCache(*workspace);
    if (!db)
        return context.fail(db.error().message);
    LeadStore store(db.value());
    auto leads = store.window(query);
    if (!leads)
        return context.fail(leads.error().message);
    auto total = store.count(query.filter);
    if (!total)
        return context.fail(total.error().message);

    if (parser.isSet(json)) {
        QJsonArray array;
        for (const Lead &lead : *leads)
            array.append(LeadCodec::leadToJson(lead));
        const QJsonObject o{{QLatin1StringView("leads"), array}, {QLatin1StringView("total"), *total}};
        context.out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
        context.out().flush();
        return ExitOk;
    }
    LeadPrinter::printTable(context.out(), *leads);
    context.out() << tr("%1 of %2 leads shown.").arg(leads->size()).arg(*total) << Qt::endl;
    return ExitOk;
}

} // namespace outpost::ctl
