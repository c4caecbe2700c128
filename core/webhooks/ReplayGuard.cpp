#include "webhooks/ReplayGuard.h"

#include <algorithm>

namespace outpost {

ReplayGuard::ReplayGuard(qsizetype capacity, qint64 windowMs)
    : m_capacity(std::max<qsizetype>(1, capacity))
    , m_windowMs(windowMs)
{}

void ReplayGuard::forgetOlderThan(qint64 nowMs)
{
    while (!m_order.empty() && nowMs - m_order.front().first > m_windowMs) {
        m_ids.remove(m_order.front().second);
        m_order.pop_front();
    }
}

void ReplayGuard::remember(const QString &id, qint64 nowMs)
{
    forgetOlderThan(nowMs);
    if (m_ids.contains(id))
        return;
    while (m_ids.size() >= m_capacity) {
        m_ids.remove(m_order.front().second);
        m_order.pop_front();
    }
    m_ids.insert(id);
    m_order.emplace_back(nowMs, id);
}

} // namespace outpost
