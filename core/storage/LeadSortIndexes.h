#pragma once

#include "common/Result.h"

#include <QStringList>

namespace outpost {

class Database;

// The sort indexes of `leads` that a first fill can do without for a while.
// Every insert updates every index at a random position (the name index also
// compares without case): for the first fill of an empty cache that costs more
// than writing the rows. Building them once from the finished table is a sort,
// several times cheaper. The default order (newest first) needs none, and the
// pipeline's index (status, updated_at) is kept, so what a person sees during
// the fill stays fast. updated_at alone is random against the ids the pages
// come in: it cost a quarter of a first fill's writes.
//
// suspend() saves each index's own CREATE statement in `meta` before dropping
// it, in the caller's transaction; restoreOne() builds one of them again (one
// per transaction keeps the write lock short). A run killed in between leaves
// the rest saved, for the next one.
class LeadSortIndexes
{
public:
    static Result<void> suspend(Database &db);
    static Result<bool> suspended(Database &db);
    static Result<void> restoreOne(Database &db);
    // For a migration that gives indexes of `leads` new definitions (each a
    // "CREATE INDEX name ON ..." whose old index is dropped): a cache of up
    // to 50,000 leads gets them now; a bigger one would hold the opening of
    // the app for many seconds, so they are saved like suspended ones and
    // built by the next sync's steps, with progress. Saved definitions of the
    // same names (a first fill stopped halfway) are replaced.
    static Result<void> replaceSoon(Database &db, const QStringList &createStatements);
};

} // namespace outpost
