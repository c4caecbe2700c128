#include "PlanLimits.h"

#include "WorkspaceCache.h"
#include "sync/SyncStore.h"

namespace outpost {

namespace {

// The Premium endpoints sync reads (SyncEngine's snapshots), as remembered under "feature.<name>".
constexpr const char *kPremiumSnapshots[] = {"sla", "campaigns", "overview", "funnel"};

} // namespace

PlanLimits::PlanLimits(WorkspaceCache *cache, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
{
    connect(cache, &WorkspaceCache::opened, this, &PlanLimits::refresh);
    connect(cache, &WorkspaceCache::closed, this, &PlanLimits::refresh);
    refresh();
}

void PlanLimits::refresh()
{
    QString reason;
    if (m_cache->isOpen()) {
        SyncStore store(m_cache->database());
        for (const char *name : kPremiumSnapshots) {
            auto message = store.value(QStringLiteral("feature.") + QLatin1StringView(name));
            if (message && !message->isEmpty()) {
                reason = *message;
                break;
            }
        }
    }
    if (reason == m_reason)
        return;
    m_reason = reason;
    emit changed();
}

} // namespace outpost
