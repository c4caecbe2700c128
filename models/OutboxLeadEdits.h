#pragma once

#include "LeadEdits.h"

#include <QSet>

#include <memory>

namespace outpost {

class OutboxStore;
class WorkspaceCache;

// LeadEdits over the outbox of the open cache, on the GUI thread's connection:
// each edit is one small transaction (the row and its optimistic change), so
// the lists show it at once. Pending leads and the counts are re-read whenever
// the cache reports changes (the replayer confirming rows, for instance).
class OutboxLeadEdits : public LeadEdits
{
    Q_OBJECT

public:
    explicit OutboxLeadEdits(WorkspaceCache *cache, QObject *parent = nullptr);
    ~OutboxLeadEdits() override;

    Result<qint64> setStatus(qint64 leadId, const LeadStatus &status) override;
    Result<qint64> addTag(qint64 leadId, const QString &tag) override;
    Result<qint64> removeTag(qint64 leadId, const QString &tag) override;
    Result<qint64> reply(qint64 leadId, const QString &text) override;
    Result<qint64> addNote(qint64 leadId, const QString &text) override;
    Result<qint64> bookAppointment(qint64 leadId, const QDateTime &at, const QString &service) override;
    Result<qint64> queueBulk(const BulkChange &change) override;
    void queueBulkInBackground(const BulkChange &change, QObject *context,
                               std::function<void(const Result<qint64> &)> done) override;
    Result<bool> undo(qint64 entryId) override;
    QHash<QString, QueuedItem> queuedItems(qint64 leadId) override;
    bool isPending(qint64 leadId) const override { return m_pendingLeads.contains(leadId); }
    int pendingCount() const override { return m_pending; }
    int conflictCount() const override { return m_conflicts; }
    Result<QList<EditConflict>> conflicts() override;
    Result<void> resolve(qint64 conflictId, Resolution resolution) override;

public slots:
    // Re-reads the pending leads and the counts.
    void refresh();

private:
    Result<OutboxStore *> store();
    // Reports a queued (or failed) change to everyone who shows these leads.
    Result<qint64> queued(const Result<qint64> &row, const QList<qint64> &leadIds);
    void onOpened();
    void onClosed();

    WorkspaceCache *m_cache;
    std::unique_ptr<OutboxStore> m_store;
    QSet<qint64> m_pendingLeads;
    int m_pending = 0;
    int m_conflicts = 0;
};

} // namespace outpost
