#pragma once

#include "api/ApiClient.h"
#include "campaigns/Campaign.h"

#include <QObject>

#include <functional>

namespace outpost {

class CampaignStore;

// The one way a campaign leaves this app: creates it on the service (when it
// is still a local draft), then sends it, each request with an
// Idempotency-Key saved in the cache *before* the first attempt. A send whose
// answer was lost is asked again with the same keys, so the service acts at
// most once; a service without idempotency answers 409 for a campaign already
// sent, which counts as confirmation.
class CampaignSender : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        bool sent = false;
        // The service refused: nothing was sent, the draft is unchanged.
        bool refused = false;
        QString error;
        Campaign campaign;
    };
    using Done = std::function<void(const Outcome &)>;

    CampaignSender(CampaignStore &store, ApiClient &client, QObject *parent = nullptr);

    // Sends campaign `localId`; `done` runs once, on this object's thread.
    void send(qint64 localId, Done done);

private:
    void create(const Campaign &campaign, Done done);
    void sendCreated(const Campaign &campaign, Done done);
    void finish(qint64 localId, Outcome outcome, const Done &done);

    CampaignStore &m_store;
    ApiClient &m_client;
};

} // namespace outpost
