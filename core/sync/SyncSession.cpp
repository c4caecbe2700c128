#include "sync/SyncSession.h"

#include "api/ApiClient.h"

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace outpost {

SyncSession::SyncSession(ApiConfig config, std::shared_ptr<RateBudget> budget, QString cachePath, QString lockPath,
                         QObject *parent)
    : QObject(parent)
    , m_cachePath(cachePath)
    , m_worker(new QObject)
{
    m_thread.setObjectName(QStringLiteral("outpost-sync"));
    auto *api = new ApiClient(std::move(config), std::move(budget), m_worker);
    auto *replayer = new OutboxReplayer(cachePath, lockPath, api, m_worker);
    auto *engine = new SyncEngine(std::move(cachePath), std::move(lockPath), api, m_worker);
    m_worker->moveToThread(&m_thread);

    // The sync run waiting for the outbox to drain (touched on the sync thread only).
    auto waiting = std::make_shared<std::optional<SyncOptions>>();
    connect(this, &SyncSession::startRequested, replayer, [replayer, waiting](const SyncOptions &options) {
        *waiting = options;
        replayer->start(); // no-op while a replay runs: its end starts the pull
    });
    connect(this, &SyncSession::replayRequested, replayer, &OutboxReplayer::start);
    connect(replayer, &OutboxReplayer::finished, engine,
            [this, engine, waiting](OutboxReplayer::Outcome outcome, const QString &message) {
                emit outboxReplayed(outcome, message);
                if (!waiting->has_value())
                    return;
                const SyncOptions options = **waiting;
                waiting->reset();
                if (outcome == OutboxReplayer::Outcome::AuthNeeded || outcome == OutboxReplayer::Outcome::Cancelled) {
                    const auto end = outcome == OutboxReplayer::Outcome::AuthNeeded ? SyncEngine::Outcome::AuthNeeded
                                                                                    : SyncEngine::Outcome::Cancelled;
                    QMetaObject::invokeMethod(this, [this, end, message] {
                        m_running = false;
                        emit finished(end, message);
                    });
                    return;
                }
                engine->start(options);
            });
    connect(replayer, &OutboxReplayer::countsChanged, this, &SyncSession::outboxCountsChanged);
    connect(replayer, &OutboxReplayer::leadsChanged, this, &SyncSession::leadsChanged);
    connect(this, &SyncSession::cancelRequested, replayer, &OutboxReplayer::cancel);
    connect(this, &SyncSession::cancelRequested, engine, &SyncEngine::cancel);
    connect(this, &SyncSession::detailRequested, engine, &SyncEngine::fetchDetail);
    connect(engine, &SyncEngine::progress, this, &SyncSession::progress);
    connect(engine, &SyncEngine::leadsChanged, this, &SyncSession::leadsChanged);
    connect(engine, &SyncEngine::stateChanged, this, &SyncSession::stateChanged);
    connect(engine, &SyncEngine::warning, this, &SyncSession::warning);
    connect(engine, &SyncEngine::searchIndexProgress, this, &SyncSession::searchIndexProgress);
    connect(engine, &SyncEngine::detailFetched, this, &SyncSession::detailFetched);
    connect(engine, &SyncEngine::finished, this, [this](SyncEngine::Outcome outcome, const QString &message) {
        m_running = false;
        emit finished(outcome, message);
    });
    connect(api, &ApiClient::unauthorized, this, [this](const ApiError &error) { emit unauthorized(error.message); });
    connect(api, &ApiClient::rateLimited, this, &SyncSession::rateLimited);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &SyncSession::yieldToInteractiveThreads, Qt::QueuedConnection);
}

void SyncSession::yieldToInteractiveThreads()
{
#ifdef Q_OS_LINUX
    // Linux ignores QThread priorities under the normal scheduler, but honours a
    // per-thread nice value: when cores are scarce, the GUI thread goes first.
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 5);
#endif
}

SyncSession::~SyncSession()
{
    emit cancelRequested();
    // The worker's objects (database connection, network manager) end on their own thread.
    QObject *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void SyncSession::start(const SyncOptions &options)
{
    m_running = true;
    emit startRequested(options);
}

void SyncSession::cancel()
{
    emit cancelRequested();
}

void SyncSession::fetchDetail(qint64 id)
{
    emit detailRequested(id);
}

void SyncSession::replayOutbox()
{
    emit replayRequested();
}

} // namespace outpost
