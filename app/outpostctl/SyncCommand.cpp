#include "SyncCommand.h"

#include "CommandContext.h"
#include "api/ApiClient.h"
#include "secrets/SecretStore.h"
#include "sync/SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

namespace outpost::ctl {

namespace {

int exitCodeFor(SyncEngine::Outcome outcome)
{
    switch (outcome) {
    case SyncEngine::Outcome::Completed:
        return ExitOk;
    case SyncEngine::Outcome::AuthNeeded:
        return ExitAuthNeeded;
    case SyncEngine::Outcome::Cancelled:
    case SyncEngine::Outcome::Offline:
    case SyncEngine::Outcome::Locked:
    case SyncEngine::Outcome::OutOfRequests:
        return ExitStoppedEarly;
    case SyncEngine::Outcome::Failed:
        break;
    }
    return ExitError;
}

std::optional<SyncOptions::Details> parseDetails(const QString &text)
{
    if (text == QLatin1String("changed"))
        return SyncOptions::Details::Changed;
    if (text == QLatin1String("all"))
        return SyncOptions::Details::All;
    if (text == QLatin1String("none"))
        return SyncOptions::Details::None;
    return std::nullopt;
}

// Lives as long as the run: owns the client and the engine, prints progress.
class SyncRun : public QObject
{
public:
    SyncRun(CommandContext &context, const Workspace &workspace, const QString &key, const SyncOptions &options)
        : QObject(QCoreApplication::instance())
        , m_context(context)
    {
        const Profile &profile = context.registry().profile();
        ApiClient *api =
            new ApiClient(ApiConfig::forWorkspace(workspace, key), RateBudget::forWorkspace(workspace), this);
        m_engine = new SyncEngine(profile.cachePath(workspace.id), profile.syncLockPath(workspace.id), api, this);
        connect(m_engine, &SyncEngine::progress, this,
                [this](qint64 done, qint64 total) { showProgress(done, total); });
        connect(m_engine, &SyncEngine::stateChanged, this, [this](SyncEngine::State state) { m_state = state; });
        connect(m_engine, &SyncEngine::warning, this, [this](const QString &message) {
            clearLine();
            m_context.err() << message << Qt::endl;
        });
        connect(api, &ApiClient::rateLimited, this, [this](qint64 ms) {
            if (m_context.stdoutIsTerminal())
                m_context.err()
                    << SyncCommand::tr("\rRate limited: waiting %1 s as the server asked").arg((ms + 999) / 1000);
        });
        connect(m_engine, &SyncEngine::finished, this, [this](SyncEngine::Outcome outcome, const QString &message) {
            clearLine();
            (outcome == SyncEngine::Outcome::Completed ? m_context.out() : m_context.err()) << message << Qt::endl;
            m_context.finish(exitCodeFor(outcome));
            deleteLater();
        });
        m_engine->start(options);
    }

private:
    void showProgress(qint64 done, qint64 total)
    {
        if (!m_context.stdoutIsTerminal())
            return;
        const QString what =
            m_state == SyncEngine::State::Details ? SyncCommand::tr("details") : SyncCommand::tr("leads");
        m_context.err() << QStringLiteral("\r\x1b[K")
                        << SyncCommand::tr("Syncing %1: %2 / %3").arg(what).arg(done).arg(total);
        m_context.err().flush();
        m_lineOpen = true;
    }

    void clearLine()
    {
        if (m_lineOpen)
            m_context.err() << QStringLiteral("\r\x1b[K");
        m_lineOpen = false;
    }

    CommandContext &m_context;
    SyncEngine *m_engine = nullptr;
    SyncEngine::State m_state = SyncEngine::State::Idle;
    bool m_lineOpen = false;
};

} // namespace

QString SyncCommand::summary() const
{
    return tr("sync the workspace's cache with its service (resumes an interrupted sync)");
}

int SyncCommand::run(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption full(QStringLiteral("full"), tr("Scan every lead, not only what changed."));
    const QCommandLineOption details(QStringLiteral("details"),
                                     tr("Which leads get messages, notes and appointments: changed (default), all "
                                        "or none."),
                                     QStringLiteral("changed|all|none"), QStringLiteral("changed"));
    const QCommandLineOption agent(QStringLiteral("agent"), tr("Your agent name: your leads' details come first."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption maxRequests(QStringLiteral("max-requests"),
                                         tr("Stop after N requests (exit code 4); the next sync resumes there."),
                                         QStringLiteral("N"));
    parser.addOption(maxRequests);
    parser.addOption(full);
    parser.addOption(details);
    parser.addOption(agent);
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(tr("sync takes no arguments"));
    const std::optional<SyncOptions::Details> detailsMode = parseDetails(parser.value(details));
    if (!detailsMode)
        return context.usageError(tr("--details must be changed, all or none"));

    SyncOptions options;
    if (parser.isSet(maxRequests)) {
        bool ok = false;
        options.maxRequests = parser.value(maxRequests).toInt(&ok);
        if (!ok || options.maxRequests < 1)
            return context.usageError(tr("--max-requests needs a positive number"));
    }

    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error().message);
    if (workspace->isOffline())
        return context.fail(tr("workspace \"%1\" has no service to sync with").arg(workspace->name));

    options.full = parser.isSet(full);
    options.details = *detailsMode;
    options.agent = parser.value(agent);
    const Workspace chosen = *workspace;
    context.secrets().read(SecretStore::apiKeyName(chosen.id), QCoreApplication::instance(),
                           [&context, chosen, options](Result<QString, SecretError> key) {
                               if (!key) {
                                   const bool missing = key.error().kind == SecretError::Kind::NotFound;
                                   context.err() << (missing ? tr("No API key is stored for \"%1\"; set one with "
                                                                  "`outpostctl workspace set-key %1`.")
                                                                   .arg(chosen.name)
                                                             : key.error().message)
                                                 << Qt::endl;
                                   context.finish(missing ? ExitAuthNeeded : ExitError);
                                   return;
                               }
                               new SyncRun(context, chosen, *key, options);
                           });
    return Pending;
}

} // namespace outpost::ctl
