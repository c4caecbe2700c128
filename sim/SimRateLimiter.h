#pragma once

#include <QHash>

namespace outpost::sim {

// A fixed window per API key: `limit` requests per `windowMs`, the window
// starting with the key's first request. Time comes in as an argument.
class SimRateLimiter
{
public:
    struct Decision
    {
        bool allowed = true;
        int limit = 0;
        int remaining = 0;
        int resetSecs = 0; // until the window ends, rounded up
    };

    void configure(int limit, qint64 windowMs);
    Decision take(qint64 keyId, qint64 nowMs);
    void reset() { m_windows.clear(); }
    bool enabled() const { return m_limit > 0; }

private:
    struct Window
    {
        qint64 startMs = 0;
        int used = 0;
    };
    int m_limit = 100;
    qint64 m_windowMs = 60000;
    QHash<qint64, Window> m_windows;
};

} // namespace outpost::sim
