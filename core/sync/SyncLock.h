#pragma once

#include <QLockFile>

namespace outpost {

// The workspace's sync lock (one process at a time syncs or replays a
// workspace), made to survive a holder killed at any moment. QLockFile
// already frees the lock of a holder that died after writing its name into
// the file; a holder killed between creating the file and writing its name
// leaves an empty file that QLockFile, with no stale time (a sync may hold
// the lock for hours), would refuse forever. Such a file is removed once it
// is old enough that no living process can still be about to write it, and
// only when no process holds its native lock.
class SyncLock
{
public:
    // Takes the lock now or returns false (then lock.error() tells why).
    static bool tryLock(QLockFile &lock);

    // An unnamed lock file younger than this may belong to a holder that is
    // writing its name right now.
    static constexpr qint64 kUnnamedGraceMs = 2000;
};

} // namespace outpost
