#pragma once

#include <QRandomGenerator>
#include <QStringList>

namespace outpost::sim {

// Chooses the fault a request meets: first the ones injected through
// /__sim/fault, in order, then at random with the configured rate and kinds.
class SimFaults
{
public:
    explicit SimFaults(quint64 seed)
        : m_random(static_cast<quint32>(seed ^ 0xFA17u))
    {}

    void configure(double rate, const QStringList &kinds);
    void inject(const QString &kind, int count);
    // An empty string: no fault this time.
    QString next();

    double rate() const { return m_rate; }
    QStringList kinds() const { return m_kinds; }

private:
    QRandomGenerator m_random;
    double m_rate = 0;
    QStringList m_kinds;
    QStringList m_injected;
};

} // namespace outpost::sim
