#pragma once

#include "common/Result.h"
#include "domain/Lead.h"
#include "outbox/OutboxRow.h"

#include <QList>
#include <QSet>

namespace outpost {

class Database;

// Keeps the person's queued edits visible over what the service sends. A
// sync page, a lead's details or a webhook event store the service's copy as
// the new truth; for leads with open outbox rows (anything not done yet:
// pending, sending, conflict, needs review, refused) this then re-applies, in
// queue order, each row's optimistic change on top: its status, its tags, and
// its queued note, message or appointment ("outbox:<key>" in the cache). Once
// a row is done, discarded or resolved, the service's copy shows alone.
//
// Runs inside the caller's transaction; costs one indexed probe when the
// outbox has no open row.
class PendingEdits
{
public:
    explicit PendingEdits(Database &db);

    // Call after the service's copies of `leadIds` were written.
    Result<void> reapply(const QList<qint64> &leadIds);

    // What the row changes on `lead` (status, tags); other ops leave it alone.
    static void applyTo(Lead &lead, const OutboxRow &row);

private:
    Result<bool> anyOpenRow();
    Result<QList<qint64>> leadsWithOpenRows(const QList<qint64> &leadIds);
    Result<QList<OutboxRow>> openRowsOf(qint64 leadId);
    Result<void> reapplyOn(qint64 leadId);
    Result<void> showItem(const OutboxRow &row, const Lead &lead);

    Database &m_db;
};

} // namespace outpost
