#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>

namespace outpost {

class LeadEdits;

// What the status bar and the edit controls need to know about sync and the
// outbox of the open workspace. The sync lane implements it over SyncEngine and
// the outbox and hands it to MainWindow::setSyncStatus(); until then
// CacheOnlySyncStatus answers "offline, edits unavailable".
class SyncStatusSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual bool isOnline() const = 0;
    // Invalid: never synced.
    virtual QDateTime lastSyncAt() const = 0;
    // A sync in progress: done of total (total 0: unknown yet); both 0 when idle.
    virtual bool isSyncing() const = 0;
    virtual qint64 progressDone() const = 0;
    virtual qint64 progressTotal() const = 0;
    virtual int pendingOutboxCount() const = 0;
    virtual int conflictCount() const = 0;
    virtual bool isWorkingOffline() const = 0;
    // Whether edits (status, tags, replies, notes, appointments) can be queued;
    // when not, the reason the controls show in their tooltip.
    virtual bool canQueueEdits() const = 0;
    virtual QString editsUnavailableReason() const = 0;
    // Where edits go while canQueueEdits(); nullptr otherwise.
    virtual LeadEdits *edits() const { return nullptr; }

public slots:
    virtual void setWorkingOffline(bool offline) = 0;
    virtual void cancelSync() = 0;

signals:
    // Any of the values above changed.
    void changed();
};

} // namespace outpost
