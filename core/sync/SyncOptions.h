#pragma once

#include <QMetaType>
#include <QString>

namespace outpost {

// What one sync run does.
struct SyncOptions
{
    // Which leads get their messages, notes and appointments fetched (one
    // request each): those that changed since the last sync, every lead whose
    // cached details are missing or stale, or none.
    enum class Details {
        Changed,
        All,
        None
    };

    // A full scan even when an incremental one would do.
    bool full = false;
    Details details = Details::Changed;
    // The person's own agent name: their leads' details come first.
    QString agent;
    int pageSize = 200;
    // Detail requests kept in flight at once.
    int detailsInFlight = 2;
    // Overview, funnel, SLA and campaigns.
    bool snapshots = true;
    // At most this many requests in this run (0: no limit); a run that stops
    // there resumes at its checkpoint next time.
    int maxRequests = 0;
};

} // namespace outpost

Q_DECLARE_METATYPE(outpost::SyncOptions)
