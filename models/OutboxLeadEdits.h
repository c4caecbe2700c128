#pragma once

#include "LeadEdits.h"
#include "outbox/OutboxStore.h"
#include "storage/Database.h"

#include <QSet>

#include <memory>

namespace outpost {

// The GUI's LeadEdits over the workspace's outbox: every call is one small
// local write (the outbox row and its optimistic change, in one transaction)
// on the GUI thread's own connection to the cache; the sync thread sends it.
class OutboxLeadEdits : public LeadEdits
{
    Q_OBJECT

public:
    static Result<std::unique_ptr<OutboxLeadEdits>> open(const QString &cachePath, QObject *parent = nullptr);

    Result<qint64> setStatus(qint64 leadId, const LeadStatus &status) override;
    Result<qint64> addTag(qint64 leadId, const QString &tag) override;
    Result<qint64> removeTag(qint64 leadId, const QString &tag) override;
    Result<qint64> reply(qint64 leadId, const QString &text) override;
    Result<qint64> addNote(qint64 leadId, const QString &text) override;
    Result<qint64> bookAppointment(qint64 leadId, const QDateTime &at, const QString &service) override;
    Result<qint64> queueBulk(const BulkChange &change) override;
    Result<bool> undo(qint64 entryId) override;
    bool isPending(qint64 leadId) const override { return m_pending.contains(leadId); }
    Result<QList<EditConflict>> conflicts() override;
    Result<void> resolve(qint64 conflictId, Resolution resolution) override;

    OutboxStore &store() { return *m_store; }

public slots:
    // The replayer changed rows: re-reads which leads are pending.
    void refresh();

signals:
    // A row was written: worth sending now when online.
    void queued(qint64 rowId);

private:
    explicit OutboxLeadEdits(Database db, QObject *parent);
    Result<qint64> queuedFor(const Result<qint64> &row, const QList<qint64> &leads);
    void announce(const QList<qint64> &leads);

    Database m_db;
    std::unique_ptr<OutboxStore> m_store;
    QSet<qint64> m_pending;
};

} // namespace outpost
