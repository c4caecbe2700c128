#include "CacheOnlySyncStatus.h"

namespace outpost {

void CacheOnlySyncStatus::setWorkingOffline(bool offline)
{
    if (offline == m_workingOffline)
        return;
    m_workingOffline = offline;
    emit changed();
}

} // namespace outpost
