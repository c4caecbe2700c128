#include "sync/SyncLock.h"

#include "common/Logging.h"

#include <QDateTime>
#include <QFileInfo>

namespace outpost {

namespace {

bool isUnnamedAndOld(const QLockFile &lock)
{
    qint64 pid = 0;
    QString host;
    QString app;
    if (lock.getLockInfo(&pid, &host, &app) && pid > 0)
        return false; // a named holder: QLockFile has judged it alive
    const QFileInfo file(lock.fileName());
    if (!file.exists())
        return false;
    const qint64 ageMs = file.lastModified().msecsTo(QDateTime::currentDateTime());
    return ageMs > SyncLock::kUnnamedGraceMs;
}

} // namespace

bool SyncLock::tryLock(QLockFile &lock)
{
    lock.setStaleLockTime(0);
    if (lock.tryLock(0))
        return true;
    if (lock.error() != QLockFile::LockFailedError || !isUnnamedAndOld(lock))
        return false;
    // removeStaleLockFile() takes the file's native lock first: it fails
    // while a living process holds the file.
    if (!lock.removeStaleLockFile())
        return false;
    qCWarning(lcSync) << "removed a sync lock left empty by a killed process:" << lock.fileName();
    return lock.tryLock(0);
}

} // namespace outpost
