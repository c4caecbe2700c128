#pragma once

#include "SimRouter.h"

namespace outpost::sim {

class SimWorld;

// The Premium bulk actions: /bulk/stage, /bulk/tag, /bulk/message.
class SimBulkHandler
{
public:
    explicit SimBulkHandler(SimWorld &world)
        : m_world(world)
    {}

    void addRoutes(SimRouter &router);

private:
    SimResponse stage(const SimRequest &request);
    SimResponse tag(const SimRequest &request);
    SimResponse message(const SimRequest &request);

    SimWorld &m_world;
};

} // namespace outpost::sim
