#include "CampaignsCommand.h"

#include "AdminSession.h"
#include "CommandContext.h"
#include "LeadPrinter.h"
#include "campaigns/CampaignApi.h"
#include "campaigns/CampaignStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

namespace outpost::ctl {

namespace {

int print(CommandContext &context, Database &db, bool asJson, const QString &note)
{
    auto list = CampaignStore(db).list();
    if (!list)
        return context.fail(list.error().message);
    QTextStream &out = context.out();
    if (asJson) {
        QJsonArray array;
        for (const Campaign &c : *list)
            array.append(c.toJson());
        QJsonObject o{{QStringLiteral("campaigns"), array}};
        if (!note.isEmpty())
            o.insert(QStringLiteral("note"), note);
        out << QString::fromUtf8(QJsonDocument(o).toJson()) << Qt::flush;
        return ExitOk;
    }
    if (!note.isEmpty())
        context.err() << note << '\n' << Qt::flush;
    out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
               .arg(CampaignsCommand::tr("ID").leftJustified(6), CampaignsCommand::tr("SERVICE").leftJustified(8),
                    CampaignsCommand::tr("STATUS").leftJustified(12), CampaignsCommand::tr("ORIGIN").leftJustified(7),
                    CampaignsCommand::tr("CREATED").leftJustified(20), CampaignsCommand::tr("NAME"));
    for (const Campaign &c : *list) {
        out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(QString::number(c.localId).leftJustified(6),
                        (c.serverId ? QString::number(c.serverId) : QStringLiteral("-")).leftJustified(8),
                        c.displayStatus().leftJustified(12),
                        (c.origin == Campaign::Origin::Local ? CampaignsCommand::tr("here")
                                                             : CampaignsCommand::tr("service"))
                            .leftJustified(7),
                        c.createdAt.toString(Qt::ISODate).leftJustified(20), LeadPrinter::printable(c.name));
    }
    out << Qt::flush;
    return ExitOk;
}

} // namespace

QString CampaignsCommand::summary() const
{
    return tr("list campaigns: the service's (Premium) and those created here");
}

int CampaignsCommand::run(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption local(QStringLiteral("local"), tr("Do not ask the service: the cache only."));
    parser.addOptions({json, local});
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(tr("campaigns takes no arguments"));
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error().message);
    auto opened = context.openCache(*workspace);
    if (!opened)
        return context.fail(opened.error().message);
    auto db = std::make_shared<Database>(std::move(*opened));
    const bool asJson = parser.isSet(json);
    if (parser.isSet(local) || workspace->isOffline())
        return print(context, *db, asJson, {});
    int code = ExitOk;
    AdminSession *session = AdminSession::open(context, code);
    if (!session)
        return code;
    session->start([db, asJson](AdminSession &s) {
        CampaignApi::list(s.client(), &s, [&s, db, asJson](const Result<QJsonArray, ApiError> &list) {
            QString note;
            if (list) {
                if (auto merged = CampaignStore(*db).mergeServerList(*list); !merged)
                    note = merged.error().message;
            } else if (list.error().kind == ApiError::Kind::Forbidden) {
                note = CampaignsCommand::tr("The service lists campaigns on the Premium plan only: these are the "
                                            "campaigns created here.");
            } else if (list.error().kind == ApiError::Kind::Unauthorized) {
                s.context().fail(list.error().describe());
                return s.finish(ExitAuthNeeded);
            } else {
                note = CampaignsCommand::tr("The service did not answer (%1): the cached list follows.")
                           .arg(list.error().describe());
            }
            s.finish(print(s.context(), *db, asJson, note));
        });
    });
    return Pending;
}

} // namespace outpost::ctl
