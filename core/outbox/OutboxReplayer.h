#pragma once

#include "api/ApiClient.h"
#include "api/Backoff.h"
#include "outbox/BulkComparison.h"
#include "outbox/OutboxStore.h"
#include "storage/Database.h"

#include <QLockFile>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

namespace outpost {

// Carries a workspace's outbox to its service, on the thread it lives on (its
// own database connection, the sync thread's ApiClient at Outbox priority and
// so the workspace's rate budget). Rows go one at a time, in queue order per
// lead, each with its Idempotency-Key. Before a status or tag change leaves,
// the server's copy is compared with the row's base (both changed the same
// field: a conflict for the person). A request that acts again when repeated
// (note, reply, appointment, bulk message, campaigns) is never re-sent
// blindly: the server's state is counted before the first send, and after an
// ambiguous end it is counted again; what cannot be told apart waits as
// "needs review". 401 stops the run and keeps every row; 403 marks the row
// not allowed. It holds the workspace's sync lock while it runs, so two
// processes never replay the same outbox at once.
class OutboxReplayer : public QObject
{
    Q_OBJECT

public:
    enum class Outcome {
        Drained,     // nothing left to send
        NeedsPerson, // what is left waits for a decision (conflict, review, refused)
        AuthNeeded,  // 401: every row kept
        Offline,     // the service did not answer; rows kept for the next run
        Cancelled,
        Locked,
        Failed, // the cache could not be read or written
    };
    Q_ENUM(Outcome)

    struct Stats
    {
        int done = 0;
        int requests = 0;
        int conflicts = 0;
        int transientFailures = 0;
    };

    // `api` is not owned and must live on this object's thread.
    OutboxReplayer(QString cachePath, QString lockPath, ApiClient *api, QObject *parent = nullptr);
    ~OutboxReplayer() override;

    bool isRunning() const { return m_running; }
    Stats stats() const { return m_stats; }
    // Transient failures in a row before a run gives up (rows stay queued).
    void setMaxTransientFailures(int n) { m_maxTransient = n; }
    // How long to wait between tries after a transient failure.
    void setBackoff(qint64 baseMs, qint64 capMs) { m_backoff = Backoff(baseMs, capMs); }

public slots:
    void start();
    void cancel();

signals:
    void countsChanged(int pending, int conflicts, int needsReview, int failed);
    // Cached leads the replay changed (a server copy stored, a conflict found).
    void leadsChanged(const QList<qint64> &ids);
    void finished(outpost::OutboxReplayer::Outcome outcome, const QString &message);

private:
    void next();
    void process(const OutboxRow &row);
    // Status and tags: compare with the server's copy, then send or settle.
    void compareAndSend(const OutboxRow &row);
    void onCurrentCopy(const OutboxRow &row, const Lead &theirs);
    // Ops that act again when repeated: count first, then send; or count again.
    void probeAndSend(const OutboxRow &row);
    // Bulk stage and tags: each lead compared with the server's copy; the
    // leads in conflict wait for the person, the others are sent.
    void compareBulk(const OutboxRow &row, int next, QHash<qint64, Lead> theirs);
    void onBulkCompared(const OutboxRow &row, const BulkComparison &compared);
    void onPartArrived(const OutboxRow &row, const QJsonObject &answer);
    void verifyBulk(const OutboxRow &row);
    static std::optional<qint64> witnessLead(const OutboxRow &row);
    void verify(const OutboxRow &row);
    void onVerified(const OutboxRow &row, int count, const QJsonObject &lastMatch);
    void send(const OutboxRow &row);
    void onSent(const OutboxRow &row, const ApiResult &result);
    // Asks the server how many copies of what the row adds it holds (and the last of them).
    using MatchesDone = std::function<void(std::optional<int> count, const QJsonObject &lastMatch)>;
    void countMatches(const OutboxRow &row, MatchesDone done);
    void onError(const OutboxRow &row, const ApiError &error, bool mayHaveActed);
    void transientFailure(const OutboxRow &row, const QString &message, bool verifyFirst);
    void settle(const OutboxRow &row, const QJsonObject &result, std::function<Result<void>()> cacheWrite);
    void setState(const OutboxRow &row, OutboxRow::State state, const QString &error, const QJsonObject &conflict = {});
    // The service's id of the campaign a send row sends (0 while it is not created).
    qint64 campaignIdOf(const OutboxRow &row);
    // Cache writes that end a campaign row: the campaigns table learns the
    // service's id, or that the send went.
    std::function<Result<void>()> campaignCreated(const OutboxRow &row, const QJsonObject &campaign);
    std::function<Result<void>()> campaignSent(const OutboxRow &row, std::optional<qint64> queued);
    void request(ApiRequest request, std::function<void(const ApiResult &)> done);
    bool check(const Result<void> &written);
    void publishCounts();
    void forgetOldDoneRows();
    void end(Outcome outcome, const QString &message);

    QString m_cachePath;
    QString m_lockPath;
    ApiClient *m_api;
    std::optional<Database> m_db;
    std::unique_ptr<OutboxStore> m_store;
    std::unique_ptr<QLockFile> m_lock;
    Backoff m_backoff{500, 30 * 1000};
    QTimer m_retryTimer;
    // Rows left for the next run (the service kept failing on them).
    QSet<qint64> m_skip;
    QSet<quint64> m_tickets;
    Stats m_stats;
    int m_transientInRow = 0;
    int m_maxTransient = 8;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace outpost

Q_DECLARE_METATYPE(outpost::OutboxReplayer::Outcome)
