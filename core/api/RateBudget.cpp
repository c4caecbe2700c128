#include "api/RateBudget.h"

#include "workspace/Workspace.h"

#include <QHash>

#include <algorithm>

namespace outpost {

namespace {

// Our send time and the server's receive time differ by the network's delay;
// counting a little longer than the window absorbs that.
constexpr qint64 kSkewMarginMs = 250;

} // namespace

std::shared_ptr<RateBudget> RateBudget::forWorkspace(const Workspace &workspace)
{
    return forWorkspace(workspace.idText(),
                        {workspace.service.rateLimit, qint64(workspace.service.rateWindowSeconds) * 1000});
}

RateBudget::RateBudget(Limit limit, const Clock &clock)
    : m_clock(clock)
    , m_limit(limit)
{
    m_limit.requests = std::max(1, m_limit.requests);
    m_limit.windowMs = std::max<qint64>(1, m_limit.windowMs);
}

std::shared_ptr<RateBudget> RateBudget::forWorkspace(const QString &workspaceId, Limit limit, const Clock &clock)
{
    static QMutex mutex;
    static QHash<QString, std::weak_ptr<RateBudget>> budgets;
    QMutexLocker locker(&mutex);
    if (std::shared_ptr<RateBudget> existing = budgets.value(workspaceId).lock())
        return existing;
    auto budget = std::make_shared<RateBudget>(limit, clock);
    budgets.insert(workspaceId, budget);
    return budget;
}

int RateBudget::reserve(RequestPriority priority) const
{
    const int limit = m_limit.requests;
    switch (priority) {
    case RequestPriority::User:
        return 0;
    case RequestPriority::Outbox:
        return limit >= 20 ? 1 : 0;
    case RequestPriority::List:
        return limit >= 10 ? std::max(1, limit / 50) : 0;
    case RequestPriority::Prefetch:
        return limit >= 5 ? std::max(1, limit / 5) : 0;
    }
    return 0;
}

void RateBudget::dropExpired(qint64 now) const
{
    const qint64 horizon = now - m_limit.windowMs - kSkewMarginMs;
    while (!m_sent.empty() && m_sent.front() <= horizon)
        m_sent.pop_front();
}

void RateBudget::rollServerWindow(qint64 now) const
{
    // The server's window has reset since its last answer: it allows a full
    // window again, until an answer says otherwise.
    if (!m_serverRemaining || now < m_serverResetAt)
        return;
    const qint64 windows = (now - m_serverResetAt) / m_limit.windowMs + 1;
    m_serverResetAt += windows * m_limit.windowMs;
    m_serverRemaining = m_limit.requests;
}

qint64 RateBudget::waitMs(RequestPriority priority) const
{
    QMutexLocker locker(&m_mutex);
    const qint64 now = m_clock.monotonicMs();
    dropExpired(now);
    qint64 wait = std::max<qint64>(0, m_pausedUntil - now);

    if (m_serverRemaining) {
        // The server counts for itself and says so: its count is the truth, and
        // following it uses the whole of each of its windows.
        rollServerWindow(now);
        if (*m_serverRemaining <= reserve(priority))
            wait = std::max(wait, m_serverResetAt - now);
        return wait;
    }
    const int allowed = std::max(0, m_limit.requests - reserve(priority));
    const int used = int(m_sent.size());
    if (used >= allowed) {
        // The slot frees when the send that made the count reach `allowed` expires.
        const std::size_t index = std::size_t(used - allowed);
        const qint64 frees =
            index < m_sent.size() ? m_sent[index] + m_limit.windowMs + kSkewMarginMs + 1 : now + m_limit.windowMs;
        wait = std::max(wait, frees - now);
    }
    return wait;
}

void RateBudget::consume()
{
    QMutexLocker locker(&m_mutex);
    const qint64 now = m_clock.monotonicMs();
    dropExpired(now);
    m_sent.push_back(now);
    rollServerWindow(now);
    if (m_serverRemaining)
        m_serverRemaining = std::max(0, *m_serverRemaining - 1);
}

void RateBudget::observe(std::optional<int> limit, std::optional<int> remaining, std::optional<qint64> resetSeconds)
{
    QMutexLocker locker(&m_mutex);
    const qint64 now = m_clock.monotonicMs();
    if (resetSeconds && *resetSeconds > 0) {
        // The header names no window length; the longest "seconds until reset"
        // seen is the best estimate of it (just after a reset it is the whole window).
        m_observedWindowMs = std::max(m_observedWindowMs, *resetSeconds * 1000);
    }
    if (limit && *limit > 0) {
        m_limit.requests = *limit;
        if (m_observedWindowMs > 0)
            m_limit.windowMs = m_observedWindowMs;
    }
    if (remaining && resetSeconds && *remaining >= 0 && *resetSeconds >= 0) {
        // Answers arrive out of order; the lowest count for the same reset is the truest.
        const qint64 resetAt = now + *resetSeconds * 1000 + kSkewMarginMs;
        const bool sameWindow = m_serverRemaining && std::abs(resetAt - m_serverResetAt) < 1500;
        m_serverRemaining = sameWindow ? std::min(*m_serverRemaining, *remaining) : *remaining;
        m_serverResetAt = resetAt;
    }
}

void RateBudget::pause(qint64 ms)
{
    QMutexLocker locker(&m_mutex);
    m_pausedUntil = std::max(m_pausedUntil, m_clock.monotonicMs() + std::max<qint64>(0, ms));
}

RateBudget::Limit RateBudget::limit() const
{
    QMutexLocker locker(&m_mutex);
    return m_limit;
}

qint64 RateBudget::pausedForMs() const
{
    QMutexLocker locker(&m_mutex);
    return std::max<qint64>(0, m_pausedUntil - m_clock.monotonicMs());
}

int RateBudget::usedInWindow() const
{
    QMutexLocker locker(&m_mutex);
    dropExpired(m_clock.monotonicMs());
    return int(m_sent.size());
}

} // namespace outpost
