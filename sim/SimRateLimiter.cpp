#include "SimRateLimiter.h"

namespace outpost::sim {

void SimRateLimiter::configure(int limit, qint64 windowMs)
{
    m_limit = limit;
    m_windowMs = std::max<qint64>(1, windowMs);
    m_windows.clear();
}

SimRateLimiter::Decision SimRateLimiter::take(qint64 keyId, qint64 nowMs)
{
    Decision d;
    d.limit = m_limit;
    if (m_limit <= 0)
        return d;
    Window &w = m_windows[keyId];
    if (w.used == 0 || nowMs - w.startMs >= m_windowMs) {
        w.startMs = nowMs;
        w.used = 0;
    }
    const qint64 leftMs = w.startMs + m_windowMs - nowMs;
    d.resetSecs = static_cast<int>(std::max<qint64>(1, (leftMs + 999) / 1000));
    if (w.used >= m_limit) {
        d.allowed = false;
        d.remaining = 0;
        return d;
    }
    ++w.used;
    d.remaining = m_limit - w.used;
    return d;
}

} // namespace outpost::sim
