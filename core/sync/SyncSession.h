#pragma once

#include "api/ApiConfig.h"
#include "sync/SyncEngine.h"

#include <QObject>
#include <QThread>

namespace outpost {

// One workspace's sync on its own thread, for the desktop app: the engine and
// its API client live there (own network manager, own database connection),
// and everything crosses threads through queued signals. Nothing here blocks
// the caller's thread on the network.
class SyncSession : public QObject
{
    Q_OBJECT

public:
    SyncSession(ApiConfig config, std::shared_ptr<RateBudget> budget, QString cachePath, QString lockPath,
                QObject *parent = nullptr);
    // Cancels what runs and waits only for the thread to finish its current step.
    ~SyncSession() override;

    bool isRunning() const { return m_running; }

public slots:
    void start(const outpost::SyncOptions &options);
    void cancel();
    void fetchDetail(qint64 id);

signals:
    void progress(qint64 done, qint64 total);
    void leadsChanged(const QList<qint64> &ids);
    void stateChanged(outpost::SyncEngine::State state);
    void warning(const QString &message);
    void finished(outpost::SyncEngine::Outcome outcome, const QString &message);
    void detailFetched(qint64 id, bool ok, const QString &message);
    void unauthorized(const QString &message);
    void rateLimited(qint64 waitMs);

    // To the engine, across the thread.
    void startRequested(const outpost::SyncOptions &options);
    void cancelRequested();
    void detailRequested(qint64 id);

private:
    // Runs on the sync thread.
    static void yieldToInteractiveThreads();

    QThread m_thread;
    QObject *m_worker;
    bool m_running = false;
};

} // namespace outpost
