#pragma once

#include "SyncStatusSource.h"
#include "sync/SyncSession.h"

#include <QTimer>

namespace outpost {

// The status bar's view of a workspace that syncs: a SyncSession on its own
// thread, a sync now and then (every few minutes, and at once on start), and
// "work offline" that stops it.
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
    bool isWorkingOffline() const override { return m_workingOffline; }
    bool isBuildingSearchIndex() const override { return m_syncing && m_indexTotal > 0 && m_indexDone < m_indexTotal; }
    qint64 indexedLeads() const override { return m_indexDone; }
    qint64 leadsToIndex() const override { return m_indexTotal; }
    // The last sync's own words (its summary or why it stopped).
    QString lastMessage() const { return m_lastMessage; }

    void setInterval(int ms) { m_timer.setInterval(ms); }

public slots:
    void setWorkingOffline(bool offline) override;
    void cancelSync() override;
    bool fetchDetail(qint64 id) override;
    void syncNow();

private:
    void onFinished(SyncEngine::Outcome outcome, const QString &message);
    // A freshly queued edit leaves at once instead of waiting for the next sync.
    void sendNewEdits();

    SyncSession *m_session;
    SyncOptions m_options;
    QTimer m_timer;
    QDateTime m_lastSyncAt;
    QString m_lastMessage;
    qint64 m_done = 0;
    qint64 m_total = 0;
    qint64 m_indexDone = 0;
    qint64 m_indexTotal = 0;
    int m_lastPending = 0;
    bool m_online = false;
    bool m_syncing = false;
    bool m_workingOffline = false;
};

} // namespace outpost
