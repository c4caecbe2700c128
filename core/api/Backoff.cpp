#include "api/Backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace outpost {

Backoff::Backoff(qint64 baseMs, qint64 capMs, Random random)
    : m_baseMs(std::max<qint64>(1, baseMs))
    , m_capMs(std::max(capMs, m_baseMs))
    , m_random(std::move(random))
{}

qint64 Backoff::delayMs(int attempt) const
{
    const int shift = std::clamp(attempt, 0, 30);
    const qint64 ceiling = std::min(m_capMs, m_baseMs << shift);
    const qint64 half = ceiling / 2;
    return half + qint64(random() * double(ceiling - half));
}

qint64 Backoff::afterRateLimit(qint64 retryAfterMs, int attempt) const
{
    const qint64 base = std::max(retryAfterMs, std::min(delayMs(attempt), m_capMs));
    // Up to 10 % (at least up to 250 ms) on top, never less than asked.
    const qint64 spread = std::max<qint64>(250, base / 10);
    return base + qint64(random() * double(spread));
}

double Backoff::random() const
{
    return m_random ? std::clamp(m_random(), 0.0, 0.999999) : QRandomGenerator::global()->generateDouble();
}

} // namespace outpost
