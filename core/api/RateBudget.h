#pragma once

#include "api/RequestPriority.h"
#include "common/Clock.h"

#include <QMutex>
#include <QString>

#include <deque>
#include <memory>
#include <optional>

namespace outpost {

struct Workspace;

// How many requests a workspace may make: one budget per workspace, shared by
// every request of the process (sync thread, GUI clicks, outpostctl). It counts
// in a sliding window (so no window of the server's, fixed or sliding, sees
// more than the limit), follows X-RateLimit-* headers when the server sends
// them, and stays quiet after a 429 until Retry-After has passed.
// Thread-safe: every member locks.
class RateBudget
{
public:
    struct Limit
    {
        int requests = 100;
        qint64 windowMs = 60 * 1000;
    };

    RateBudget(Limit limit, const Clock &clock);

    // The budget of a workspace in this process: the same object for the same id.
    static std::shared_ptr<RateBudget> forWorkspace(const QString &workspaceId, Limit limit,
                                                    const Clock &clock = Clock::system());
    // The same, with the limit the workspace's service profile documents.
    static std::shared_ptr<RateBudget> forWorkspace(const Workspace &workspace);

    // Milliseconds until a request of this priority may go (0: now). Lower
    // priorities leave a reserve free for the ones above them, so a click is
    // never stuck behind a prefetch that used the last slot.
    qint64 waitMs(RequestPriority priority) const;
    // Records a request leaving now.
    void consume();
    // What the server said about its own count (any may be missing).
    void observe(std::optional<int> limit, std::optional<int> remaining, std::optional<qint64> resetSeconds);
    // A 429: nothing goes until `ms` from now.
    void pause(qint64 ms);

    Limit limit() const;
    qint64 pausedForMs() const;
    // Requests sent within the current window.
    int usedInWindow() const;

private:
    int reserve(RequestPriority priority) const;
    void dropExpired(qint64 now) const;
    void rollServerWindow(qint64 now) const;

    mutable QMutex m_mutex;
    const Clock &m_clock;
    Limit m_limit;
    mutable std::deque<qint64> m_sent;
    qint64 m_pausedUntil = 0;
    mutable std::optional<int> m_serverRemaining;
    mutable qint64 m_serverResetAt = 0;
    qint64 m_observedWindowMs = 0;
};

} // namespace outpost
