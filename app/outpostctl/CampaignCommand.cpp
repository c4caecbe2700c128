#include "CampaignCommand.h"

#include "AdminSession.h"
#include "CommandContext.h"
#include "LeadPrinter.h"
#include "analytics/DashboardFigures.h"
#include "campaigns/AudienceQuery.h"
#include "campaigns/CampaignApi.h"
#include "campaigns/CampaignMessage.h"
#include "campaigns/CampaignQueue.h"
#include "campaigns/CampaignRules.h"
#include "campaigns/CampaignStore.h"
#include "outbox/OutboxReplayer.h"
#include "storage/LeadStore.h"
#include "workspace/Profile.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

namespace outpost::ctl {

namespace {

void printJson(QTextStream &out, const QJsonObject &object)
{
    out << QString::fromUtf8(QJsonDocument(object).toJson()) << Qt::flush;
}

QJsonArray sampleJson(const QList<Lead> &sample)
{
    QJsonArray array;
    for (const Lead &l : sample)
        array.append(QJsonObject{
            {QStringLiteral("id"), l.id}, {QStringLiteral("name"), l.name}, {QStringLiteral("phone"), l.phone}});
    return array;
}

Result<LeadFilter> filterFrom(const QStringList &assignments)
{
    LeadFilter filter;
    for (const QString &a : assignments) {
        auto set = filter.set(a);
        if (!set)
            return set.error();
    }
    if (!filter.search.isEmpty() || filter.escalated)
        return makeError(CampaignCommand::tr("search and escalated are not campaign filters (use status, channel, "
                                             "tag, source, assigned_agent, created_after, created_before, "
                                             "last_message_before)"));
    return filter;
}

QString cacheAge(const QDateTime &asOf)
{
    if (!asOf.isValid())
        return CampaignCommand::tr("the cache was never synced");
    const qint64 secs = asOf.secsTo(QDateTime::currentDateTimeUtc());
    if (secs < 120)
        return CampaignCommand::tr("the cache is %1 s old").arg(secs);
    if (secs < 7200)
        return CampaignCommand::tr("the cache is %1 min old").arg(secs / 60);
    return CampaignCommand::tr("the cache is %1 h old").arg(secs / 3600);
}

// The cache of the chosen workspace, shared by the callbacks of one run.
struct Cache
{
    std::shared_ptr<Database> db;
    Workspace workspace;
};

Result<Cache> openCache(CommandContext &context)
{
    auto workspace = context.workspace();
    if (!workspace)
        return workspace.error();
    auto db = context.openCache(*workspace);
    if (!db)
        return db.error();
    return Cache{std::make_shared<Database>(std::move(*db)), *workspace};
}

bool parseCampaignId(const QString &text, qint64 &id)
{
    bool ok = false;
    id = QString(text).remove(QLatin1Char('#')).toLongLong(&ok);
    return ok && id > 0;
}

void printCampaign(QTextStream &out, const Campaign &c)
{
    out << CampaignCommand::tr("Campaign #%1 \"%2\": %3")
               .arg(c.localId)
               .arg(LeadPrinter::printable(c.name), c.displayStatus());
    if (c.serverId)
        out << CampaignCommand::tr(" (service id %1)").arg(c.serverId);
    out << '\n';
}

// After the outbox ran: where the campaign's send is, and the exit that says it.
void reportSend(AdminSession &s, Database &db, qint64 id, bool asJson, OutboxReplayer::Outcome outcome,
                const QString &message)
{
    QTextStream &out = s.context().out();
    auto found = CampaignStore(db).find(id);
    if (!found || !found->has_value()) {
        s.context().fail(found ? CampaignCommand::tr("campaign #%1 left the cache").arg(id) : found.error().message);
        return s.finish(ExitError);
    }
    const Campaign c = **found;
    const bool sent = c.status == QLatin1StringView("sending") || c.status == QLatin1StringView("sent");
    if (asJson) {
        printJson(out, c.toJson());
    } else if (sent) {
        printCampaign(out, c);
        if (c.queued)
            out << CampaignCommand::tr("The service queued %1 message(s).").arg(*c.queued) << '\n';
        out << Qt::flush;
    }
    if (sent)
        return s.finish(ExitOk);
    if (outcome == OutboxReplayer::Outcome::AuthNeeded) {
        s.context().fail(message);
        return s.finish(ExitAuthNeeded);
    }
    const QString why = c.outboxError.isEmpty() ? message : c.outboxError;
    s.context().fail(CampaignCommand::tr("campaign #%1 is %2 (%3); it stays in the outbox and is never sent twice "
                                         "(see `outpostctl outbox`)")
                         .arg(id)
                         .arg(c.displayStatus(), LeadPrinter::printable(why)));
    s.finish(ExitStoppedEarly);
}

} // namespace

QString CampaignCommand::summary() const
{
    return tr("preview an audience, create a draft, send it, see its stats");
}

int CampaignCommand::run(CommandContext &context, const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    if (sub == QLatin1String("preview"))
        return preview(context, arguments.mid(1));
    if (sub == QLatin1String("create"))
        return create(context, arguments.mid(1));
    if (sub == QLatin1String("send"))
        return send(context, arguments.mid(1));
    if (sub == QLatin1String("stats"))
        return stats(context, arguments.mid(1));
    if (sub == QLatin1String("-h") || sub == QLatin1String("--help")) {
        context.out() << tr("outpostctl campaign preview|create|send|stats ... (--help after each for its options)\n");
        return ExitOk;
    }
    return context.usageError(
        tr("campaign: use preview, create, send or stats, not \"%1\"").arg(LeadPrinter::printable(sub.left(100))));
}

int CampaignCommand::preview(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption filterOpt(QStringLiteral("filter"), tr("A filter NAME=VALUE; repeat to AND them."),
                                       QStringLiteral("NAME=VALUE"));
    const QCommandLineOption server(QStringLiteral("server"), tr("Also ask the service for its count."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption sampleOpt(QStringLiteral("sample"), tr("How many leads of the audience to list (10)."),
                                       QStringLiteral("N"), QStringLiteral("10"));
    parser.addOptions({filterOpt, server, json, sampleOpt});
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    auto filter = filterFrom(parser.values(filterOpt));
    if (!filter)
        return context.usageError(filter.error().message);
    bool ok = false;
    const int sampleSize = parser.value(sampleOpt).toInt(&ok);
    if (!ok || sampleSize < 0 || sampleSize > 500)
        return context.usageError(tr("--sample: expected 0 to 500"));
    auto cache = openCache(context);
    if (!cache)
        return context.fail(cache.error().message);
    LeadStore store(*cache->db);
    auto local = AudienceQuery(store).preview(*filter, sampleSize);
    if (!local)
        return context.fail(local.error().message);
    const QDateTime asOf = DashboardFigures::cacheAsOf(*cache->db);
    const bool asJson = parser.isSet(json);

    auto report = [&context, asJson, asOf, local = *local, filter = *filter](const Audience *remote,
                                                                             const QString &remoteError) {
        QTextStream &out = context.out();
        if (asJson) {
            QJsonObject o{{QStringLiteral("filters"), filter.toJson()},
                          {QStringLiteral("local_count"), local.count},
                          {QStringLiteral("cache_as_of"),
                           asOf.isValid() ? QJsonValue(asOf.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null)},
                          {QStringLiteral("over_cap"), CampaignRules::overCap(local.count)},
                          {QStringLiteral("sample"), sampleJson(local.sample)}};
            if (remote)
                o.insert(QStringLiteral("server_count"), remote->count);
            if (!remoteError.isEmpty())
                o.insert(QStringLiteral("server_error"), remoteError);
            printJson(out, o);
            return;
        }
        out << tr("Audience: %n lead(s) in the cache (%1)", nullptr, int(std::min<qint64>(local.count, INT_MAX)))
                   .arg(cacheAge(asOf))
            << '\n';
        if (remote) {
            out << tr("Service:  %n lead(s)", nullptr, int(std::min<qint64>(remote->count, INT_MAX)));
            if (remote->count != local.count)
                out << tr(" (the difference is what changed on the service since the cache was synced)");
            out << '\n';
        }
        if (!remoteError.isEmpty())
            out << tr("Service:  no answer (%1)").arg(LeadPrinter::printable(remoteError)) << '\n';
        if (CampaignRules::overCap(local.count))
            out << tr("Over the cap: a campaign sends at most %1 messages.").arg(CampaignRules::maxAudience) << '\n';
        if (!local.sample.isEmpty())
            LeadPrinter::printTable(out, local.sample);
        out << Qt::flush;
    };

    if (!parser.isSet(server)) {
        report(nullptr, {});
        return ExitOk;
    }
    int code = ExitOk;
    AdminSession *session = AdminSession::open(context, code);
    if (!session)
        return code;
    session->start([report, filter = *filter](AdminSession &s) {
        CampaignApi::preview(s.client(), filter, &s, [&s, report](const Result<Audience, ApiError> &remote) {
            if (remote)
                report(&remote.value(), {});
            else
                report(nullptr, remote.error().describe());
            s.finish(remote ? ExitOk
                            : (remote.error().kind == ApiError::Kind::Unauthorized ? ExitAuthNeeded : ExitError));
        });
    });
    return Pending;
}

int CampaignCommand::create(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The campaign's name."));
    const QCommandLineOption filterOpt(QStringLiteral("filter"), tr("A filter NAME=VALUE; repeat to AND them."),
                                       QStringLiteral("NAME=VALUE"));
    const QCommandLineOption messageOpt(QStringLiteral("message"),
                                        tr("The message; placeholders {name}, {first_name}, {phone}, {agent}."),
                                        QStringLiteral("TEXT"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    parser.addOptions({filterOpt, messageOpt, json});
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1 || parser.positionalArguments().first().trimmed().isEmpty())
        return context.usageError(tr("campaign create takes one NAME"));
    const QString name = parser.positionalArguments().first();
    if (name.size() > 200)
        return context.usageError(tr("the name is longer than 200 characters"));
    const CampaignMessage message(parser.value(messageOpt));
    if (message.isBlank())
        return context.usageError(tr("--message: the message is empty"));
    if (message.text().size() > 4096)
        return context.usageError(tr("--message: longer than 4,096 characters"));
    auto filter = filterFrom(parser.values(filterOpt));
    if (!filter)
        return context.usageError(filter.error().message);
    auto cache = openCache(context);
    if (!cache)
        return context.fail(cache.error().message);
    LeadStore leads(*cache->db);
    auto audience = AudienceQuery(leads).preview(*filter, 1);
    if (!audience)
        return context.fail(audience.error().message);
    auto draft = CampaignStore(*cache->db).createDraft(name, filter->toJson(), message.text());
    if (!draft)
        return context.fail(draft.error().message);

    const QStringList unknown = message.unknownPlaceholders();
    const QString refusal = CampaignRules::refusal(audience->count, message);
    if (parser.isSet(json)) {
        QJsonObject o = draft->toJson();
        o.insert(QStringLiteral("audience_count"), audience->count);
        o.insert(QStringLiteral("unknown_placeholders"), QJsonArray::fromStringList(unknown));
        if (!refusal.isEmpty())
            o.insert(QStringLiteral("cannot_send"), refusal);
        printJson(context.out(), o);
    } else {
        context.out() << tr("Draft #%1 saved: %n lead(s) in the audience.", nullptr,
                            int(std::min<qint64>(audience->count, INT_MAX)))
                             .arg(draft->localId)
                      << '\n';
        if (!audience->sample.isEmpty())
            context.out()
                << tr("First message: %1").arg(LeadPrinter::printable(message.render(audience->sample.first())))
                << '\n';
        context.out() << Qt::flush;
    }
    if (!unknown.isEmpty())
        context.err() << tr("warning: unknown placeholders are sent as written: %1")
                             .arg(LeadPrinter::printable(unknown.join(QStringLiteral(", "))))
                      << '\n';
    if (!refusal.isEmpty())
        context.err() << tr("warning: %1").arg(refusal) << '\n';
    context.err() << Qt::flush;
    return ExitOk;
}

int CampaignCommand::send(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ID"), tr("The draft's id (see `outpostctl campaigns`)."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption queueOnly(
        QStringLiteral("queue-only"), tr("Only queue the send; the next sync (or `outpostctl outbox send`) sends it."));
    parser.addOptions({json, queueOnly});
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    qint64 id = 0;
    if (parser.positionalArguments().size() != 1 || !parseCampaignId(parser.positionalArguments().first(), id))
        return context.usageError(tr("campaign send takes one campaign ID"));
    auto cache = openCache(context);
    if (!cache)
        return context.fail(cache.error().message);
    auto found = CampaignStore(*cache->db).find(id);
    if (!found)
        return context.fail(found.error().message);
    if (!found->has_value())
        return context.fail(tr("no campaign #%1 in this workspace").arg(id));
    Campaign campaign = **found;
    // A draft is checked and queued; a send already queued just goes on.
    if (campaign.isDraft()) {
        auto filter = LeadFilter::fromJson(campaign.filters);
        if (!filter)
            return context.fail(filter.error().message);
        LeadStore leads(*cache->db);
        auto audience = AudienceQuery(leads).preview(*filter, 0, CampaignRules::maxAudience);
        if (!audience)
            return context.fail(audience.error().message);
        const QString refusal = CampaignRules::refusal(audience->exact ? audience->count : audience->count + 1,
                                                       CampaignMessage(campaign.message));
        if (!refusal.isEmpty())
            return context.fail(refusal);
        auto queued = CampaignQueue(*cache->db).queueSend(id);
        if (!queued)
            return context.fail(queued.error().message);
        campaign = *queued;
    } else if (campaign.status != QLatin1StringView("queued")) {
        return context.fail(
            tr("campaign #%1 was already sent (%2): it is never sent twice").arg(id).arg(campaign.status));
    }
    const bool asJson = parser.isSet(json);
    if (parser.isSet(queueOnly) || cache->workspace.isOffline()) {
        if (asJson)
            printJson(context.out(), campaign.toJson());
        else
            context.out() << tr("Campaign #%1 is queued in the outbox; the next sync sends it.").arg(id) << Qt::endl;
        return ExitOk;
    }
    int code = ExitOk;
    AdminSession *session = AdminSession::open(context, code);
    if (!session)
        return code;
    session->start([db = cache->db, id, asJson](AdminSession &s) {
        const Profile &profile = s.context().registry().profile();
        auto *replayer = new OutboxReplayer(profile.cachePath(s.workspace().id), profile.syncLockPath(s.workspace().id),
                                            &s.client(), &s);
        QObject::connect(replayer, &OutboxReplayer::finished, &s,
                         [&s, db, id, asJson](OutboxReplayer::Outcome outcome, const QString &message) {
                             reportSend(s, *db, id, asJson, outcome, message);
                         });
        replayer->start();
    });
    return Pending;
}

int CampaignCommand::stats(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ID"), tr("The campaign's id (see `outpostctl campaigns`)."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    parser.addOption(json);
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    qint64 id = 0;
    if (parser.positionalArguments().size() != 1 || !parseCampaignId(parser.positionalArguments().first(), id))
        return context.usageError(tr("campaign stats takes one campaign ID"));
    auto cache = openCache(context);
    if (!cache)
        return context.fail(cache.error().message);
    auto found = CampaignStore(*cache->db).find(id);
    if (!found)
        return context.fail(found.error().message);
    if (!found->has_value())
        return context.fail(tr("no campaign #%1 in this workspace").arg(id));
    const Campaign campaign = **found;
    if (!campaign.serverId)
        return context.fail(tr("campaign #%1 is a draft that was never sent: it has no stats").arg(id));
    int code = ExitOk;
    AdminSession *session = AdminSession::open(context, code);
    if (!session)
        return code;
    const bool asJson = parser.isSet(json);
    session->start([db = cache->db, campaign, asJson](AdminSession &s) {
        CampaignApi::stats(
            s.client(), campaign.serverId, &s,
            [&s, db, campaign, asJson](const Result<CampaignStats, ApiError> &stats) {
                if (!stats) {
                    s.context().fail(stats.error().describe());
                    return s.finish(stats.error().kind == ApiError::Kind::Unauthorized ? ExitAuthNeeded : ExitError);
                }
                // Still sending until every queued message is accounted for.
                const CampaignStats &st = *stats;
                const bool settled = st.failed + st.delivered >= st.sent && st.sent > 0;
                const QString status = settled ? QStringLiteral("sent") : QStringLiteral("sending");
                CampaignStore(*db).setStats(campaign.localId, st, status, QDateTime::currentDateTimeUtc());
                QTextStream &out = s.context().out();
                if (asJson) {
                    QJsonObject o = st.toJson();
                    o.insert(QStringLiteral("local_id"), campaign.localId);
                    o.insert(QStringLiteral("id"), campaign.serverId);
                    o.insert(QStringLiteral("status"), status);
                    printJson(out, o);
                } else {
                    Campaign now = campaign;
                    now.status = status;
                    printCampaign(out, now);
                    for (const auto &[label, value] : {std::pair{CampaignCommand::tr("Sent"), st.sent},
                                                       std::pair{CampaignCommand::tr("Delivered"), st.delivered},
                                                       std::pair{CampaignCommand::tr("Read"), st.read},
                                                       std::pair{CampaignCommand::tr("Replied"), st.replied},
                                                       std::pair{CampaignCommand::tr("Failed"), st.failed}})
                        out << "  " << label.leftJustified(12) << value << '\n';
                    out << Qt::flush;
                }
                s.finish(ExitOk);
            });
    });
    return Pending;
}

} // namespace outpost::ctl
