#pragma once

#include <QString>

namespace outpost {

// An appointment keeps the contract's "YYYY-MM-DD HH:MM" text as received: it is
// in the workspace's local time, which only the service knows for sure.
struct Appointment
{
    QString id;
    QString dateTime;
    QString service;
    QString status;

    friend bool operator==(const Appointment &, const Appointment &) = default;
};

} // namespace outpost
