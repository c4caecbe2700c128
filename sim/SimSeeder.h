#pragma once

#include <QString>

namespace outpost::sim {

class LeadGenerator;
class SimStore;

// Fills an empty store with `count` generated leads and their conversations,
// notes and appointments: one transaction, one prepared statement per table,
// straight through the SQLite C API, because a million leads must take seconds.
class SimSeeder
{
public:
    static bool seed(SimStore &store, const LeadGenerator &generator, qint64 count, QString *error);
};

} // namespace outpost::sim
