#pragma once

#include "common/Result.h"

namespace outpost {

class Database;

// Numbered schema migrations. Each runs in its own transaction together with
// the bump of `PRAGMA user_version`, so a crash leaves the file at a whole version.
class Migrations
{
public:
    static int latestVersion();
    static Result<int> currentVersion(Database &db);
    // Migrates up to `target` (the latest by default). A file from a newer
    // Outpost is refused untouched.
    static Result<void> migrate(Database &db, int target = -1);
};

} // namespace outpost
