#pragma once

#include "common/Clock.h"

// A clock that moves only when a test says so: rate and backoff tests never sleep.
class ManualClock final : public outpost::Clock
{
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2026, 5, 1), QTime(12, 0), Qt::UTC))
        : m_start(std::move(start))
    {}

    qint64 monotonicMs() const override { return m_ms; }
    QDateTime now() const override { return m_start.addMSecs(m_ms); }
    void advance(qint64 ms) { m_ms += ms; }

private:
    QDateTime m_start;
    qint64 m_ms = 1000;
};
