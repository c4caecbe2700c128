#pragma once

#include "LeadEdits.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

namespace outpost {

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
    int pendingOutboxCount() const { return m_edits ? m_edits->pendingCount() : 0; }
    int conflictCount() const { return m_edits ? m_edits->conflictCount() : 0; }
    virtual bool isWorkingOffline() const = 0;
    // A search index deferred by a first fill is being built, by a sync that
    // runs now (indexedLeads of leadsToIndex so far); until it is whole, search
    // misses the leads not reached yet. Both 0 when no build is reported.
    virtual bool isBuildingSearchIndex() const { return false; }
    virtual qint64 indexedLeads() const { return 0; }
    virtual qint64 leadsToIndex() const { return 0; }
    // Whether edits (status, tags, replies, notes, appointments) can be queued;
    // when not, the reason the controls show in their tooltip.
    bool canQueueEdits() const { return m_edits != nullptr; }
    QString editsUnavailableReason() const
    {
        return tr("Open a workspace to change its leads: changes go to its outbox and are sent when online.");
    }
    // Where edits go (the outbox of the open cache); nullptr: nowhere.
    LeadEdits *edits() const { return m_edits; }
    // The window hands its outbox to whichever status it shows; not owned.
    void setEdits(LeadEdits *edits)
    {
        if (m_edits)
            disconnect(m_edits, nullptr, this, nullptr);
        m_edits = edits;
        if (m_edits)
            connect(m_edits, &LeadEdits::countsChanged, this, &SyncStatusSource::changed);
        emit changed();
    }

public slots:
    virtual void setWorkingOffline(bool offline) = 0;
    virtual void cancelSync() = 0;
    // A person opened a lead whose details are not cached: fetch them now.
    // False when no request goes out (offline, no service); otherwise
    // detailFetched() reports the outcome.
    virtual bool fetchDetail(qint64 id)
    {
        Q_UNUSED(id)
        return false;
    }

signals:
    // Any of the values above changed.
    void changed();
    void detailFetched(qint64 id, bool ok, const QString &message);

private:
    QPointer<LeadEdits> m_edits;
};

} // namespace outpost
