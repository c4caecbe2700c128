#include "CacheOnlySyncStatus.h"

namespace outpost {

QString CacheOnlySyncStatus::editsUnavailableReason() const
{
    return tr("Changes are queued in the outbox and sent when online; this build has no outbox yet, so the cache "
              "is read-only.");
}

void CacheOnlySyncStatus::setWorkingOffline(bool offline)
{
    if (offline == m_workingOffline)
        return;
    m_workingOffline = offline;
    emit changed();
}

} // namespace outpost
