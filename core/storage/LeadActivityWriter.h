#pragma once

#include "common/Result.h"
#include "domain/Appointment.h"
#include "domain/Message.h"
#include "domain/Note.h"

namespace outpost {

class Database;

// Adds one message, note or appointment to a cached lead's details, as a
// webhook reports it, without fetching the whole lead again. A lead that is not
// in the cache gets nothing (its details come with it when it is fetched), and
// an item already stored under its id is left as it is. The lead's details are
// not marked current: sync still fetches them when the lead moved on.
class LeadActivityWriter
{
public:
    explicit LeadActivityWriter(Database &db);

    // Each answers whether a row was added.
    Result<bool> addMessage(qint64 leadId, const Message &message);
    Result<bool> addNote(qint64 leadId, const Note &note);
    Result<bool> addAppointment(qint64 leadId, const Appointment &appointment);

private:
    Database &m_db;
};

} // namespace outpost
