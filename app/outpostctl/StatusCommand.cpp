#include "StatusCommand.h"

#include "CommandContext.h"
#include "sync/SyncEngine.h"
#include "sync/SyncStore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>

namespace outpost::ctl {

namespace {

const char *const kSnapshotNames[] = {"overview", "funnel", "sla", "campaigns"};

} // namespace

QString StatusCommand::summary() const
{
    return tr("show the cache and sync state of the workspace (no network)");
}

int StatusCommand::run(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    parser.addOption(json);
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(tr("status takes no arguments"));
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error().message);
    auto db = context.openCache(*workspace);
    if (!db)
        return context.fail(db.error().message);
    SyncStore store(*db);

    QJsonObject status;
    status.insert(QStringLiteral("workspace"), workspace->name);
    status.insert(QStringLiteral("base_url"), workspace->baseUrl.toString());
    status.insert(QStringLiteral("client_id"), workspace->clientId);
    auto total = store.leads().totalCount();
    auto due = store.detailsDueCount();
    if (!total || !due)
        return context.fail(!total ? total.error().message : due.error().message);
    status.insert(QStringLiteral("cached_leads"), *total);
    status.insert(QStringLiteral("budget"),
                  QJsonObject{{QStringLiteral("requests"), workspace->service.rateLimit},
                              {QStringLiteral("window_seconds"), workspace->service.rateWindowSeconds}});
    status.insert(QStringLiteral("details_due"), *due);
    for (const auto &[field, key] : {std::pair{"last_sync_at", "sync.last_sync_at"},
                                     {"updated_since_supported", "sync.updated_since"},
                                     {"interrupted_run", "sync.run"}}) {
        auto value = store.value(QString::fromLatin1(key));
        if (!value)
            return context.fail(value.error().message);
        status.insert(QString::fromLatin1(field), value->isEmpty() ? QJsonValue() : QJsonValue(*value));
    }
    QJsonObject snapshots;
    for (const char *name : kSnapshotNames) {
        const QString snapshotName = QString::fromLatin1(name);
        QJsonObject entry;
        auto snapshot = store.snapshot(snapshotName);
        auto unavailable = store.value(QStringLiteral("feature.") + snapshotName);
        if (!snapshot || !unavailable)
            return context.fail(!snapshot ? snapshot.error().message : unavailable.error().message);
        entry.insert(QStringLiteral("fetched_at"),
                     snapshot->has_value() ? QJsonValue((*snapshot)->fetchedAt.toString(Qt::ISODate)) : QJsonValue());
        entry.insert(QStringLiteral("unavailable"), unavailable->isEmpty() ? QJsonValue() : QJsonValue(*unavailable));
        snapshots.insert(snapshotName, entry);
    }
    status.insert(QStringLiteral("snapshots"), snapshots);
    const QString holder = SyncEngine::lockHolder(context.registry().profile().syncLockPath(workspace->id));
    status.insert(QStringLiteral("syncing_process"), holder.isEmpty() ? QJsonValue() : QJsonValue(holder));

    if (parser.isSet(json)) {
        context.out() << QString::fromUtf8(QJsonDocument(status).toJson());
        return ExitOk;
    }
    QTextStream &out = context.out();
    out << tr("Workspace:     %1 (%2, client %3)")
               .arg(workspace->name, workspace->baseUrl.toString(), workspace->clientId)
        << '\n';
    out << tr("Cached leads:  %1").arg(*total) << '\n';
    out << tr("Last sync:     %1").arg(status.value(QStringLiteral("last_sync_at")).toString(tr("never"))) << '\n';
    if (!status.value(QStringLiteral("interrupted_run")).isNull())
        out << tr("Interrupted:   a %1 sync; the next sync resumes it")
                   .arg(status.value(QStringLiteral("interrupted_run")).toString())
            << '\n';
    out << tr("Details due:   %1").arg(*due) << '\n';
    out << tr("Budget:        %1 requests per %2 s (the service's rate-limit headers win when it sends them)")
               .arg(workspace->service.rateLimit)
               .arg(workspace->service.rateWindowSeconds)
        << '\n';
    for (const char *name : kSnapshotNames) {
        const QJsonObject entry = snapshots.value(QString::fromLatin1(name)).toObject();
        const QString state =
            !entry.value(QStringLiteral("unavailable")).isNull()
                ? tr("not in this plan (%1)").arg(entry.value(QStringLiteral("unavailable")).toString())
                : entry.value(QStringLiteral("fetched_at")).toString(tr("not fetched yet"));
        out << QStringLiteral("%1 %2").arg(QString::fromLatin1(name) + QLatin1Char(':'), -14).arg(state) << '\n';
    }
    if (!holder.isEmpty())
        out << tr("Syncing now:   %1").arg(holder) << '\n';
    return ExitOk;
}

} // namespace outpost::ctl
