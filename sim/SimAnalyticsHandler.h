#pragma once

#include "SimRouter.h"

namespace outpost::sim {

class SimWorld;

// /overview, /analytics/summary and the Premium /sla.
class SimAnalyticsHandler
{
public:
    explicit SimAnalyticsHandler(SimWorld &world)
        : m_world(world)
    {}

    void addRoutes(SimRouter &router);

private:
    SimResponse sla(const SimRequest &request);

    SimWorld &m_world;
};

} // namespace outpost::sim
