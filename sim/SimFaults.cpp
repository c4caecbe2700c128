#include "SimFaults.h"

#include "SimOptions.h"

namespace outpost::sim {

void SimFaults::configure(double rate, const QStringList &kinds)
{
    m_rate = rate;
    m_kinds = kinds.isEmpty() ? SimOptions::allFaultKinds() : kinds;
}

void SimFaults::inject(const QString &kind, int count)
{
    for (int i = 0; i < count; ++i)
        m_injected.append(kind);
}

QString SimFaults::next()
{
    if (!m_injected.isEmpty())
        return m_injected.takeFirst();
    if (m_rate <= 0 || m_kinds.isEmpty() || m_random.generateDouble() >= m_rate)
        return QString();
    return m_kinds.at(static_cast<qsizetype>(m_random.bounded(static_cast<quint32>(m_kinds.size()))));
}

} // namespace outpost::sim
