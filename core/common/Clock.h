#pragma once

#include <QDateTime>

namespace outpost {

// Time as the core sees it. Injected wherever waiting is decided (rate budget,
// backoff, sync schedules) so that their tests move time by hand instead of sleeping.
class Clock
{
public:
    virtual ~Clock() = default;

    // Milliseconds on a monotonic scale: only differences mean anything.
    virtual qint64 monotonicMs() const = 0;
    // Wall-clock time in UTC, for HTTP dates and timestamps.
    virtual QDateTime now() const = 0;

    // The real clock, shared by the whole process.
    static const Clock &system();
};

} // namespace outpost
