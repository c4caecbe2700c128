#include "storage/ReadSnapshot.h"

#include <sqlite3.h>

namespace outpost {

ReadSnapshot::ReadSnapshot(sqlite3 *handle, bool wanted)
{
    if (!wanted || !handle || !sqlite3_get_autocommit(handle))
        return;
    if (sqlite3_exec(handle, "BEGIN DEFERRED", nullptr, nullptr, nullptr) == SQLITE_OK)
        m_began = handle;
}

ReadSnapshot::~ReadSnapshot()
{
    if (!m_began)
        return;
    // A read transaction left open would pin this old state for good.
    if (sqlite3_exec(m_began, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        sqlite3_exec(m_began, "ROLLBACK", nullptr, nullptr, nullptr);
}

} // namespace outpost
