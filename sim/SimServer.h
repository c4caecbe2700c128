#pragma once

#include "SimAccountHandler.h"
#include "SimActivity.h"
#include "SimAnalyticsHandler.h"
#include "SimBulkHandler.h"
#include "SimCampaignHandler.h"
#include "SimFaults.h"
#include "SimLeadHandler.h"
#include "SimLedger.h"
#include "SimRateLimiter.h"
#include "SimRouter.h"
#include "SimWebhookSender.h"
#include "SimWorld.h"

#include <QAbstractHttpServer>
#include <QUrl>

#include <memory>

class QHttpServerResponder;

namespace outpost::sim {

class SimAdminHandler;

// The reference server: every endpoint of the contract under
// /crm/{client_id}, behind auth, the rate limit, plans, idempotency and
// faults, plus the loopback-only admin endpoints under /__sim/. Lives in one
// thread; every request is answered from that thread.
class SimServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit SimServer(const SimOptions &options, QObject *parent = nullptr);
    ~SimServer() override;

    // Opens (and seeds) the database, installs the initial key and listens.
    bool start(QString *error);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const;
    // The key given with --key, or the one generated at start.
    QString initialKey() const { return m_initialKey; }
    SimWorld &world() { return m_world; }

    // Run-time control, used by the admin endpoints.
    enum class DownMode {
        Up,
        ServiceUnavailable,
        DropConnections,
    };
    void setDownMode(DownMode mode) { m_down = mode; }
    QString applyConfig(const QJsonObject &config); // an error, or empty
    QJsonObject config() const;
    void injectFault(const QString &kind, int count) { m_faults.inject(kind, count); }
    SimActivity &activity() { return m_activity; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Outcome
    {
        SimResponse response;
        QString fault;
        bool drop = false;
        int delayMs = 0;
    };

    Outcome handleApi(const QHttpServerRequest &request, SimRequest &api, SimLedger::Entry &entry);
    Outcome dispatch(const SimRouter::Match &match, SimRequest &api, SimLedger::Entry &entry, const QString &fault);
    std::optional<SimResponse> authenticate(const QHttpServerRequest &request, SimRequest &api);
    void addRateHeaders(SimResponse &response, const SimRateLimiter::Decision &decision) const;
    static std::optional<SimResponse> parseBody(const QHttpServerRequest &request, SimRequest &api);
    static void send(QHttpServerResponder &&responder, const SimResponse &response);
    void dropConnection(QTcpSocket *socket);
    void installInitialKey();

    SimWorld m_world;
    SimRouter m_router;
    SimRateLimiter m_limiter;
    SimFaults m_faults;
    SimWebhookSender m_sender;
    SimActivity m_activity;
    SimLeadHandler m_leadHandler;
    SimBulkHandler m_bulkHandler;
    SimCampaignHandler m_campaignHandler;
    SimAnalyticsHandler m_analyticsHandler;
    SimAccountHandler m_accountHandler;
    std::unique_ptr<SimAdminHandler> m_admin;
    DownMode m_down = DownMode::Up;
    quint16 m_port = 0;
    QString m_initialKey;
};

} // namespace outpost::sim
