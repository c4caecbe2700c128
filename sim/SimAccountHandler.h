#pragma once

#include "SimRouter.h"

namespace outpost::sim {

class SimWebhookSender;
class SimWorld;

// Workspace administration: /keys and /webhooks.
class SimAccountHandler
{
public:
    SimAccountHandler(SimWorld &world, SimWebhookSender &sender)
        : m_world(world)
        , m_sender(sender)
    {}

    void addRoutes(SimRouter &router);

private:
    SimResponse listKeys(const SimRequest &request);
    SimResponse createKey(const SimRequest &request);
    SimResponse revokeKey(const SimRequest &request);
    SimResponse listWebhooks(const SimRequest &request);
    SimResponse createWebhook(const SimRequest &request);
    SimResponse deleteWebhook(const SimRequest &request);
    SimResponse testWebhook(const SimRequest &request);
    SimResponse deliveries(const SimRequest &request);

    SimWorld &m_world;
    SimWebhookSender &m_sender;
};

} // namespace outpost::sim
