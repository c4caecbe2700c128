#pragma once

#include <QSet>
#include <QString>

#include <deque>
#include <utility>

namespace outpost {

// Remembers the ids of recently accepted webhook events, so a replayed or
// re-delivered event is dropped. Memory is bounded twice: an id is forgotten
// once it is older than `window` (events that old fail the timestamp check
// anyway) or when `capacity` newer ids push it out.
class ReplayGuard
{
public:
    ReplayGuard(qsizetype capacity, qint64 windowMs);

    bool seen(const QString &id) const { return m_ids.contains(id); }
    // `nowMs` on a monotonic scale.
    void remember(const QString &id, qint64 nowMs);
    void forgetOlderThan(qint64 nowMs);

    qsizetype size() const { return m_ids.size(); }
    qsizetype capacity() const { return m_capacity; }

private:
    qsizetype m_capacity;
    qint64 m_windowMs;
    QSet<QString> m_ids;
    std::deque<std::pair<qint64, QString>> m_order;
};

} // namespace outpost
