#pragma once

#include "common/Result.h"
#include "domain/Lead.h"

#include <QList>

struct sqlite3;

namespace outpost {

// The tag rows, the per-status counts and the dashboard buckets of leads that
// were not in the cache before this transaction, computed from the Lead
// values themselves and written with one bound statement per row or bucket.
//
// LeadIndexWriter's set-based statements read every lead back through
// json_each and join it to its response facts; for the thousands of new leads
// of a first fill that cost more than writing the leads. A lead new to the
// cache has no response facts (messages and lead_activity reference leads with
// ON DELETE CASCADE), so its bucket contribution is what SlaBuckets' formula
// gives for a lead with none; tst_leadstore and tst_localanalytics check that
// both stay equal.
// Their status and times are never NULL: the leads table refuses such rows.
class NewLeadEntries
{
public:
    // Writes the entries of these leads in the caller's transaction.
    static Result<void> write(sqlite3 *handle, const QList<const Lead *> &leads);

private:
    static Result<void> writeTags(sqlite3 *handle, const QList<const Lead *> &leads);
    static Result<void> writeCounts(sqlite3 *handle, const QList<const Lead *> &leads);
    static Result<void> writeBuckets(sqlite3 *handle, const QList<const Lead *> &leads);
};

} // namespace outpost
