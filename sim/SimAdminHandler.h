#pragma once

#include "SimRouter.h"

class QHttpServerRequest;

namespace outpost::sim {

class SimServer;

// The test hooks under /__sim/ (loopback only, no auth, outside the rate limit
// and the ledger): read the ledger, go down and up, change the configuration,
// make and revoke keys, edit or delete a lead as another agent, export the
// world, run activity and inject faults.
class SimAdminHandler
{
public:
    explicit SimAdminHandler(SimServer &server);

    SimResponse handle(const QHttpServerRequest &request, const QString &path);

private:
    SimResponse ledger(const SimRequest &request);
    SimResponse down(const SimRequest &request);
    SimResponse config(const SimRequest &request);
    SimResponse createKey(const SimRequest &request);
    SimResponse revokeKey(const SimRequest &request);
    SimResponse patchLead(const SimRequest &request);
    SimResponse deleteLead(const SimRequest &request);
    SimResponse exportAll(const SimRequest &request);
    SimResponse activity(const SimRequest &request);
    SimResponse fault(const SimRequest &request);

    SimServer &m_server;
    SimRouter m_router;
};

} // namespace outpost::sim
