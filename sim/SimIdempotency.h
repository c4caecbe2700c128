#pragma once

#include "SimResponse.h"

#include <QSqlDatabase>

#include <optional>

namespace outpost::sim {

// Answers to mutating requests that carried an Idempotency-Key, per scope
// (the server uses one for the whole workspace), kept for 24 hours: a repeat gets the first answer and acts no second
// time.
class SimIdempotency
{
public:
    static constexpr qint64 retentionMs = 24LL * 3600 * 1000;

    explicit SimIdempotency(QSqlDatabase db)
        : m_db(std::move(db))
    {}

    std::optional<SimResponse> find(qint64 keyId, const QString &idempotencyKey, qint64 nowMs) const;
    void remember(qint64 keyId, const QString &idempotencyKey, const SimResponse &response, qint64 nowMs);

private:
    QSqlDatabase m_db;
};

} // namespace outpost::sim
