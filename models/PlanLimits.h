#pragma once

#include <QObject>
#include <QString>

namespace outpost {

class WorkspaceCache;

// What the service's plan leaves out for the open workspace, as sync learned
// it: a Premium endpoint that answered 403 is remembered in the cache with the
// service's message. The contract makes the SLA, the campaigns list and bulk
// actions Premium together, so one such answer means all of them are
// unavailable, for the same reason; the local fallbacks (figures computed from
// the cache, the campaigns this app created) stay.
class PlanLimits : public QObject
{
    Q_OBJECT

public:
    explicit PlanLimits(WorkspaceCache *cache, QObject *parent = nullptr);

    // Empty: nothing known to be missing.
    QString premiumReason() const { return m_reason; }
    bool isLimited() const { return !m_reason.isEmpty(); }

public slots:
    // Re-reads what the last sync learned (a few small reads).
    void refresh();

signals:
    void changed();

private:
    WorkspaceCache *m_cache;
    QString m_reason;
};

} // namespace outpost
