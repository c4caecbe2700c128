#pragma once

#include "SimRouter.h"
#include "SimWhere.h"
#include "domain/Lead.h"

#include <QHash>

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

    qint64 total(const SimWhere &where);
    static SimResponse pageResponse(const QList<Lead> &leads, qint64 total, const QString &nextCursor,
                                    const QList<qint64> &deleted);

    SimWorld &m_world;
    // Totals of the list queries seen at one version of the leads: a walk
    // through a million leads counts them once, not on every page.
    QHash<QString, qint64> m_totals;
    quint64 m_totalsVersion = 0;
};

} // namespace outpost::sim
