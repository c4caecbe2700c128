#pragma once

#include "SyncStatusSource.h"

namespace outpost {

// The status of a workspace without sync: the cache and its outbox are all
// there is. Offline, never synced; edits wait in the outbox.
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
    bool isWorkingOffline() const override { return m_workingOffline; }

public slots:
    void setWorkingOffline(bool offline) override;
    void cancelSync() override {}

private:
    bool m_workingOffline = false;
};

} // namespace outpost
