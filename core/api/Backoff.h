#pragma once

#include <QtGlobal>

#include <functional>

namespace outpost {

// Exponential backoff with jitter: attempt n waits between half and all of
// base * 2^n (capped), so clients that failed together do not retry together.
class Backoff
{
public:
    // Returns a number in [0, 1); injected so tests are deterministic.
    using Random = std::function<double()>;

    explicit Backoff(qint64 baseMs = 1000, qint64 capMs = 5 * 60 * 1000, Random random = {});

    qint64 delayMs(int attempt) const;
    // What to wait after a 429: the server's Retry-After wins over our own
    // backoff when longer, and a little jitter keeps clients apart.
    qint64 afterRateLimit(qint64 retryAfterMs, int attempt) const;

    qint64 baseMs() const { return m_baseMs; }
    qint64 capMs() const { return m_capMs; }

private:
    double random() const;

    qint64 m_baseMs;
    qint64 m_capMs;
    Random m_random;
};

} // namespace outpost
