#pragma once

#include "common/Result.h"

#include <QDateTime>

#include <chrono>

namespace outpost {

class Database;

// The ids of accepted webhook events, kept in the workspace's cache so that a
// replayed event is refused even after the receiver restarted. An id only has
// to be kept as long as a copy of its event could still pass the timestamp
// check; older ones are pruned.
class WebhookEventLog
{
public:
    // Twice the contract's 5-minute tolerance (two copies of one event can be
    // that far apart) plus a margin for clocks that drift.
    static constexpr std::chrono::minutes kDefaultRetention{15};

    explicit WebhookEventLog(Database &db, std::chrono::seconds retention = kDefaultRetention);

    Result<bool> contains(const QString &id);
    // Remembers `id` as received at `when`, and forgets ids older than the retention.
    Result<void> add(const QString &id, const QDateTime &when);
    // Forgets ids received before `now` minus the retention; answers how many.
    Result<int> prune(const QDateTime &now);
    Result<qint64> size();

private:
    Database &m_db;
    std::chrono::seconds m_retention;
};

} // namespace outpost
