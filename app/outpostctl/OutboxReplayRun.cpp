#include "OutboxReplayRun.h"

#include "Command.h"
#include "CommandContext.h"
#include "api/ApiClient.h"
#include "outbox/OutboxStore.h"
#include "secrets/SecretStore.h"

namespace outpost::ctl {

void OutboxReplayRun::start(CommandContext &context, const Workspace &workspace, qint64 waitForRow)
{
    if (workspace.isOffline()) {
        context.err() << tr("workspace \"%1\" has no service: its outbox stays queued").arg(workspace.name) << Qt::endl;
        context.finish(ExitStoppedEarly);
        return;
    }
    context.secrets().read(SecretStore::apiKeyName(workspace.id), QCoreApplication::instance(),
                           [&context, workspace, waitForRow](Result<QString, SecretError> key) {
                               if (!key) {
                                   const bool missing = key.error().kind == SecretError::Kind::NotFound;
                                   context.err() << (missing ? tr("No API key is stored for \"%1\"; the outbox "
                                                                  "stays queued.")
                                                                   .arg(workspace.name)
                                                             : key.error().message)
                                                 << Qt::endl;
                                   context.finish(missing ? ExitAuthNeeded : ExitError);
                                   return;
                               }
                               new OutboxReplayRun(context, workspace, *key, waitForRow);
                           });
}

OutboxReplayRun::OutboxReplayRun(CommandContext &context, const Workspace &workspace, const QString &key,
                                 qint64 waitForRow)
    : QObject(QCoreApplication::instance())
    , m_context(context)
    , m_workspace(workspace)
    , m_waitForRow(waitForRow)
{
    const Profile &profile = context.registry().profile();
    auto *api = new ApiClient(ApiConfig::forWorkspace(workspace, key), RateBudget::forWorkspace(workspace), this);
    m_replayer = new OutboxReplayer(profile.cachePath(workspace.id), profile.syncLockPath(workspace.id), api, this);
    connect(m_replayer, &OutboxReplayer::finished, this, &OutboxReplayRun::onFinished);
    m_replayer->start();
}

int OutboxReplayRun::exitCodeFor(OutboxReplayer::Outcome outcome)
{
    switch (outcome) {
    case OutboxReplayer::Outcome::Drained:
        return ExitOk;
    case OutboxReplayer::Outcome::AuthNeeded:
        return ExitAuthNeeded;
    case OutboxReplayer::Outcome::Failed:
        return ExitError;
    default:
        return ExitStoppedEarly;
    }
}

void OutboxReplayRun::onFinished(OutboxReplayer::Outcome outcome, const QString &message)
{
    const bool ok = outcome == OutboxReplayer::Outcome::Drained;
    (ok ? m_context.out() : m_context.err()) << message << Qt::endl;
    int code = exitCodeFor(outcome);
    if (m_waitForRow > 0 && code != ExitAuthNeeded && code != ExitError) {
        auto db = m_context.openCache(m_workspace);
        if (db) {
            OutboxStore store(db.value());
            auto row = store.row(m_waitForRow);
            if (row && *row) {
                const bool done = (*row)->state == OutboxRow::State::Done;
                if (!done)
                    m_context.err() << tr("Row %1: %2").arg(m_waitForRow).arg((*row)->describeState()) << Qt::endl;
                code = done ? ExitOk : ExitStoppedEarly;
            }
        }
    }
    m_context.finish(code);
    deleteLater();
}

} // namespace outpost::ctl
