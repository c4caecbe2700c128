#pragma once

#include "common/Result.h"

#include <QList>

#include <optional>

namespace outpost {

class Database;
struct Lead;

// Keeps what is derived from the leads table (the search index, the tag
// table, the per-status counts and the dashboard buckets) in step with it, inside the caller's
// transaction, with one set-based statement per structure and page.
//
// Not triggers: FTS5 flushes its pending terms at every statement savepoint,
// and a trigger opens one per row (ingest was 12x slower). Not row by row from
// C++ either: interleaving FTS writes with other statements flushes them too.
// So every write to `leads` goes through LeadStore, which brackets it:
// detach(ids) while the old rows are still there, attach(ids) once the new
// ones are written.
class LeadIndexWriter
{
public:
    explicit LeadIndexWriter(Database &db);

    // Removes these leads' entries, computed from their rows as they are now.
    Result<void> detach(const QList<qint64> &ids);
    // Adds these leads' entries, computed from their rows as they are now.
    Result<void> attach(const QList<qint64> &ids);
    // attach() for leads that were not in the cache before this transaction,
    // as written from these values: tags, counts and dashboard buckets from
    // the values themselves (NewLeadEntries), the search index from the rows.
    Result<void> attachNew(const QList<const Lead *> &leads);

    // Deferred search index, for filling an (almost) empty cache: building the
    // FTS index once from the finished table is several times faster than
    // keeping them up to date page by page. While deferred, detach/attach keep
    // only the tag table and the counts for leads the build has not reached
    // yet, and the search index misses those leads. The build goes in id order,
    // a chunk per transaction (indexSearchChunk), so other writers get their
    // turn in between and a killed build resumes after its last chunk; leads up
    // to the last id built are kept up to date like any other.
    struct SearchProgress
    {
        bool deferred = false;
        qint64 builtUpTo = 0; // leads with an id up to this one are indexed
        qint64 builtRows = 0; // how many leads the build indexed so far
    };
    Result<bool> searchDeferred();
    Result<void> deferSearch();
    static Result<bool> searchDeferred(Database &db);
    static Result<SearchProgress> searchProgress(Database &db);
    // Indexes the next `maxLeads` leads, in the caller's transaction; returns
    // how many it indexed. 0: the index is whole and the deferral is over.
    static Result<qint64> indexSearchChunk(Database &db, int maxLeads);

    // Clear and rebuild derived tables from `leads` (after a migration that
    // adds or changes one). Read only the columns of schema version 1.
    static Result<void> rebuildAll(Database &db);
    static Result<void> rebuildTagsAndCounts(Database &db);
    static Result<void> rebuildSearch(Database &db);
    // rebuildSearch for a small cache; a big one defers its build (see above).
    static Result<void> rebuildSearchSoon(Database &db);

private:
    Result<void> run(const char *const *statements, int count, const QList<qint64> &ids);
    Result<void> runMaybeDeferred(const char *const *statements, int count, const QList<qint64> &ids);

    Database &m_db;
    std::optional<SearchProgress> m_progress;
};

} // namespace outpost
