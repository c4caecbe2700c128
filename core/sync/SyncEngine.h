#pragma once

#include "api/ApiClient.h"
#include "storage/Database.h"
#include "sync/SyncOptions.h"
#include "sync/SyncStore.h"

#include <QElapsedTimer>
#include <QLockFile>
#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

namespace outpost {

// Fills one workspace's cache from its service, on the thread it lives on
// (its own database connection; queued signals to everyone else). A run lists
// leads page by page (incremental with updated_since when the server supports
// it, a full scan otherwise), then refreshes the snapshots (overview, funnel,
// SLA, campaigns), then fetches details with the budget the lists leave.
// Every page is applied in one transaction with its checkpoint, so a killed run
// resumes where it stopped; cancel() works at any time.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Idle,
        Listing,
        Snapshots,
        Details
    };
    Q_ENUM(State)
    enum class Outcome {
        Completed,
        Cancelled,
        AuthNeeded,
        Offline,
        Failed,
        Locked,
        OutOfRequests
    };
    Q_ENUM(Outcome)

    // `api` is not owned and must live on this object's thread.
    SyncEngine(QString cachePath, QString lockPath, ApiClient *api, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Figures of the current or last run, for status lines and benchmarks.
    struct Stats
    {
        qint64 leads = 0;
        int pages = 0;
        int requests = 0;
        qint64 applyMs = 0; // time spent writing pages to the cache
        // CPU time of this thread while writing them: what the writes cost,
        // whatever else the machine runs at the same time (0 if unknown).
        double applyCpuMs = 0;
        qint64 indexMs = 0; // time spent building a deferred search index (see SyncStore)
    };

    bool isRunning() const { return m_state != State::Idle; }
    // Who holds a sync lock, in words; empty when nobody does.
    static QString lockHolder(const QString &lockPath);
    Stats stats() const { return m_stats; }
    State state() const { return m_state; }

public slots:
    void start(const outpost::SyncOptions &options);
    void cancel();
    // A person opened this lead: its details now, at the highest priority.
    void fetchDetail(qint64 id);

signals:
    void progress(qint64 done, qint64 total);
    void leadsChanged(const QList<qint64> &ids);
    void stateChanged(outpost::SyncEngine::State state);
    // Something went wrong that does not end the run (a snapshot, one lead's details).
    void warning(const QString &message);
    void finished(outpost::SyncEngine::Outcome outcome, const QString &message);
    // A deferred search index is being built: search finds `done` of `total`
    // leads so far. Ends with done == total (the index is whole).
    void searchIndexProgress(qint64 done, qint64 total);
    void detailFetched(qint64 id, bool ok, const QString &message);

private:
    struct Run
    {
        QString kind; // "full" or "incremental"
        QString since;
        QString cursor;
        bool firstPage = true;
        bool incomplete = false;
        qint64 seen = 0; // leads received, written or not
        // Pages received but not yet written: several go in one transaction.
        LeadsPage pending;
        int pendingPages = 0;
        QElapsedTimer pendingSince;
        bool firstFill = false; // a full scan into an empty cache: bigger batches
        QDateTime newest;
        qint64 done = 0;
        qint64 total = 0;
        int pages = 0;
        qint64 changed = 0;
        qint64 removed = 0;
        qint64 details = 0;
        int snapshotsPending = 0;
        QSet<qint64> detailsInFlight;
        QSet<qint64> detailsSkipped;
        qint64 detailsTotal = 0;
        QStringList warnings;
    };

    Result<void> openStore();
    bool acquireLock(QString *holder);
    Result<void> planRun();
    void requestPage();
    void onPage(const ApiResult &result);
    // Writes the pages received so far, with the checkpoint of the last one.
    bool flushPending();
    // Builds a deferred search index a step at a time through the event loop
    // (cancel and other writers get their turn between steps), then `then`.
    void buildSearchThen(std::function<void()> then);
    void buildSearchStep(quint64 run, std::function<void()> then);
    void finishListing();
    void afterListing();
    void fetchSnapshots();
    void onSnapshot(const QString &name, const ApiResult &result);
    void startDetails();
    void pumpDetails();
    void onDetail(qint64 id, const ApiResult &result, bool prefetch);
    // Stores a detail answer; returns an error text or nothing.
    std::optional<QString> storeDetail(qint64 id, const ApiResult &result);
    void complete();
    void fail(const ApiError &error, const QString &context);
    void failWith(Outcome outcome, const QString &message);
    void end(Outcome outcome, const QString &message);
    void setState(State state);
    // True (and the run ended) when the run's request allowance is used up.
    bool stopIfOutOfRequests();
    quint64 send(ApiRequest request, std::function<void(const ApiResult &)> done);

    QString m_cachePath;
    QString m_lockPath;
    ApiClient *m_api;
    std::optional<Database> m_db;
    std::unique_ptr<SyncStore> m_store;
    std::unique_ptr<QLockFile> m_lock;
    SyncOptions m_options;
    State m_state = State::Idle;
    Run m_run;
    Stats m_stats;
    QSet<quint64> m_tickets;
    bool m_stopping = false;
    quint64 m_runId = 0; // a step scheduled by an earlier run does nothing
};

} // namespace outpost

Q_DECLARE_METATYPE(outpost::SyncEngine::Outcome)
