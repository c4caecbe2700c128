#pragma once

#include "SimRouter.h"

namespace outpost::sim {

class SimWorld;

// /leads, /lead/{id} and the per-lead actions: status, note, reply, appointment.
class SimLeadHandler
{
public:
    explicit SimLeadHandler(SimWorld &world)
        : m_world(world)
    {}

    void addRoutes(SimRouter &router);

    // The opaque keyset cursor: which order it belongs to and where it stopped.
    static QString encodeCursor(bool byUpdate, qint64 updatedMs, qint64 id);
    static bool decodeCursor(const QString &cursor, bool byUpdate, qint64 *updatedMs, qint64 *id);

private:
    SimResponse list(const SimRequest &request);
    SimResponse legacyList(const SimRequest &request, const QString &status, const QString &search);
    SimResponse detail(const SimRequest &request);
    SimResponse setStatus(const SimRequest &request);
    SimResponse addNote(const SimRequest &request);
    SimResponse reply(const SimRequest &request);
    SimResponse addAppointment(const SimRequest &request);

    SimWorld &m_world;
};

} // namespace outpost::sim
