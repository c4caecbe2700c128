#pragma once

#include "api/ApiConfig.h"
#include "outbox/OutboxReplayer.h"
#include "sync/SyncEngine.h"

#include <QObject>
#include <QThread>

namespace outpost {

// One workspace's sync on its own thread, for the desktop app: the engine, the
// outbox replayer and their API client live there (own network manager, own
// database connections), and everything crosses threads through queued
// signals. A sync run first drains the outbox, then pulls: what the service
// sends back already contains the person's changes. Nothing here blocks the
// caller's thread on the network.
class SyncSession : public QObject
{
    Q_OBJECT

public:
    SyncSession(ApiConfig config, std::shared_ptr<RateBudget> budget, QString cachePath, QString lockPath,
                QObject *parent = nullptr);
    // Cancels what runs and waits only for the thread to finish its current step.
    ~SyncSession() override;

    bool isRunning() const { return m_running; }
    QString cachePath() const { return m_cachePath; }

public slots:
    void start(const outpost::SyncOptions &options);
    void cancel();
    void fetchDetail(qint64 id);
    // Sends what is queued now, without a pull (after a person queued an edit).
    void replayOutbox();

signals:
    void progress(qint64 done, qint64 total);
    void leadsChanged(const QList<qint64> &ids);
    void stateChanged(outpost::SyncEngine::State state);
    void warning(const QString &message);
    void finished(outpost::SyncEngine::Outcome outcome, const QString &message);
    // See SyncEngine::searchIndexProgress (and SyncStore::searchBuild for the state at any time).
    void searchIndexProgress(qint64 done, qint64 total);
    void detailFetched(qint64 id, bool ok, const QString &message);
    void unauthorized(const QString &message);
    void rateLimited(qint64 waitMs);
    // The outbox's open rows, after every change the replayer made.
    void outboxCountsChanged(int pending, int conflicts, int needsReview, int failed);
    void outboxReplayed(outpost::OutboxReplayer::Outcome outcome, const QString &message);

    // To the engine, across the thread.
    void startRequested(const outpost::SyncOptions &options);
    void cancelRequested();
    void detailRequested(qint64 id);
    void replayRequested();

private:
    // Runs on the sync thread.
    static void yieldToInteractiveThreads();

    QString m_cachePath;
    QThread m_thread;
    QObject *m_worker;
    bool m_running = false;
};

} // namespace outpost
