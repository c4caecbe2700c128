#pragma once

#include "common/Result.h"
#include "outbox/OutboxRow.h"
#include "storage/LeadStore.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QVariantList>

namespace outpost {

class Database;

// The outbox's writes to the cached leads and their notes, messages and
// appointments: the optimistic change a queued row shows, and the service's
// copy that replaces it once sent. Always inside the caller's transaction.
class OutboxCacheWriter
{
    Q_DECLARE_TR_FUNCTIONS(OutboxCacheWriter)

public:
    explicit OutboxCacheWriter(Database &db);

    LeadStore &leads() { return m_leads; }

    // The cached leads of `ids`, or an error naming those not in the cache.
    Result<QList<Lead>> cachedLeads(const QList<qint64> &ids);
    Result<Lead> cachedLead(qint64 id);
    Result<void> saveLeads(const QList<Lead> &leads);
    // `table` is "name (columns) VALUES (...)" whose first two values are the
    // lead id and the item's id, then `values`.
    Result<void> insertLocalItem(const char *table, qint64 leadId, const QString &localRef, const QVariantList &values);
    // Takes the queued note/message/appointment of `row` out of the cache.
    Result<void> removeLocalItems(const OutboxRow &row);
    // The next sync fetches these leads again.
    Result<void> refreshFromServer(const QList<qint64> &leadIds);

    // The service's copy of a lead, or of the note / message / appointment
    // (contract JSON) that replaces the one the row showed while it was queued.
    Result<void> saveServerLead(const Lead &lead);
    Result<void> replaceLocalItem(const OutboxRow &row, qint64 leadId, const QJsonObject &item);

private:
    Result<void> insertServerNote(qint64 leadId, const QJsonObject &item);
    Result<void> insertServerAppointment(qint64 leadId, const QJsonObject &item);
    Result<void> insertServerMessage(qint64 leadId, const QJsonObject &item);

    Database &m_db;
    LeadStore m_leads;
};

} // namespace outpost
