#pragma once

#include "SyncStatusSource.h"

namespace outpost {

// The status of a build without sync and outbox: the cache is all there is.
// Offline, never synced, nothing pending, and edits unavailable (with a reason).
class CacheOnlySyncStatus : public SyncStatusSource
{
    Q_OBJECT

public:
    using SyncStatusSource::SyncStatusSource;

    bool isOnline() const override { return false; }
    QDateTime lastSyncAt() const override { return {}; }
    bool isSyncing() const override { return false; }
    qint64 progressDone() const override { return 0; }
    qint64 progressTotal() const override { return 0; }
    int pendingOutboxCount() const override { return 0; }
    int conflictCount() const override { return 0; }
    bool isWorkingOffline() const override { return m_workingOffline; }
    bool canQueueEdits() const override { return false; }
    QString editsUnavailableReason() const override;

public slots:
    void setWorkingOffline(bool offline) override;
    void cancelSync() override {}

private:
    bool m_workingOffline = false;
};

} // namespace outpost
