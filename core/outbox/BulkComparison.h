#pragma once

#include "domain/Lead.h"
#include "outbox/OutboxRow.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

namespace outpost {

// A bulk stage or tag row compared with the service's copy of each of its
// leads, as a single status or tag edit is compared: a lead the service
// changed since the row was queued is a conflict for that lead alone, the
// others are sent.
struct BulkComparison
{
    QList<qint64> sendable;    // as the row found them: the change goes over
    QList<qint64> arrived;     // already as asked
    QList<qint64> conflicting; // changed on the service too
    // For the conflicting leads: {"lead_ids": [...], "<field> (lead <id>)": {base, theirs, mine}}.
    QJsonObject conflict;

    // Leads without a copy in `theirs` (gone from the service) count as sendable:
    // the service's answer tells what became of them.
    static BulkComparison of(const OutboxRow &row, const QHash<qint64, Lead> &theirs);
    // The leads the next request carries: a part chosen before a conflict, or all.
    static QList<qint64> sendIds(const OutboxRow &row);
    static QString fieldKey(OutboxRow::Op op, qint64 leadId);
    static QString fieldName(OutboxRow::Op op);
};

} // namespace outpost
