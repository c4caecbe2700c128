#pragma once

#include "domain/Appointment.h"
#include "domain/Lead.h"
#include "domain/Message.h"
#include "domain/Note.h"

#include <QList>

namespace outpost {

// A lead with its conversation, notes and appointments (GET /lead/{id}).
struct LeadDetail
{
    Lead lead;
    QList<Message> messages;
    QList<Note> notes;
    QList<Appointment> appointments;

    friend bool operator==(const LeadDetail &, const LeadDetail &) = default;
};

} // namespace outpost
