#pragma once

#include "common/Result.h"

#include <QString>

struct sqlite3;

namespace outpost {

class Database;

// SQL functions Outpost registers on every connection it opens:
//   outpost_search_doc(name, phone, email, tags)  what the search index holds
//                              for a lead (SearchDocument::build); tags one per line
class SqlFunctions
{
public:
    static Result<void> registerOn(Database &db);
    // The same on a raw handle: the sqlite3 shell loads them too (bench floors).
    static Result<void> registerOn(sqlite3 *handle);
};

} // namespace outpost
