#pragma once

#include "common/Result.h"

namespace outpost {

class Database;

// The sort indexes of `leads` that a first fill can do without for a while.
// Every insert updates every index at a random position (the name index also
// compares without case): for the first fill of an empty cache that costs more
// than writing the rows. Building them once from the finished table is a sort,
// several times cheaper. The default order (updated_at) and the pipeline's
// index (status) are kept, so the list a person sees during the fill stays fast.
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
};

} // namespace outpost
