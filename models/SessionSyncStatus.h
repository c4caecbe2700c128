#pragma once

#include "OutboxLeadEdits.h"
#include "SyncStatusSource.h"
#include "sync/SyncSession.h"

#include <QTimer>

#include <memory>

namespace outpost {

// The status bar's view of a workspace that syncs: a SyncSession on its own
// thread, a sync now and then (every few minutes, and at once on start), and
// "work offline" that stops it. Edits go to the workspace's outbox (queued on
// the GUI thread, sent by the session's replayer at once when online, else by
// the next sync); its open rows and conflicts are counted here.
class SessionSyncStatus : public SyncStatusSource
{
    Q_OBJECT

public:
    SessionSyncStatus(SyncSession *session, SyncOptions options, QDateTime lastSyncAt, QObject *parent = nullptr);

    bool isOnline() const override { return m_online; }
    QDateTime lastSyncAt() const override { return m_lastSyncAt; }
    bool isSyncing() const override { return m_syncing; }
    qint64 progressDone() const override { return m_syncing ? m_done : 0; }
    qint64 progressTotal() const override { return m_syncing ? m_total : 0; }
    int pendingOutboxCount() const override { return m_pendingRows; }
    int conflictCount() const override { return m_conflicts; }
    bool isWorkingOffline() const override { return m_workingOffline; }
    bool canQueueEdits() const override { return m_edits != nullptr; }
    QString editsUnavailableReason() const override;
    LeadEdits *edits() const override { return m_edits.get(); }
    // The last sync's own words (its summary or why it stopped).
    QString lastMessage() const { return m_lastMessage; }

    void setInterval(int ms) { m_timer.setInterval(ms); }

public slots:
    void setWorkingOffline(bool offline) override;
    void cancelSync() override;
    void syncNow();

private:
    void onFinished(SyncEngine::Outcome outcome, const QString &message);
    void onOutboxCounts(int pending, int conflicts, int needsReview, int failed);
    void readOutboxCounts();

    SyncSession *m_session;
    SyncOptions m_options;
    QTimer m_timer;
    QDateTime m_lastSyncAt;
    QString m_lastMessage;
    qint64 m_done = 0;
    qint64 m_total = 0;
    bool m_online = false;
    bool m_syncing = false;
    bool m_workingOffline = false;
    std::unique_ptr<OutboxLeadEdits> m_edits;
    QString m_editsError;
    int m_pendingRows = 0;
    int m_conflicts = 0;
};

} // namespace outpost
