#pragma once

#include "SimRouter.h"

namespace outpost::sim {

class SimWorld;

// /campaigns (list is Premium), create, preview, send (500 cap) and stats.
class SimCampaignHandler
{
public:
    explicit SimCampaignHandler(SimWorld &world)
        : m_world(world)
    {}

    void addRoutes(SimRouter &router);

private:
    SimResponse list(const SimRequest &request);
    SimResponse create(const SimRequest &request);
    SimResponse preview(const SimRequest &request);
    SimResponse send(const SimRequest &request);
    SimResponse stats(const SimRequest &request);

    SimWorld &m_world;
};

} // namespace outpost::sim
