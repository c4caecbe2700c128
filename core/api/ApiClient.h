#pragma once

#include "api/ApiConfig.h"
#include "api/ApiError.h"
#include "api/ApiRequest.h"
#include "api/Backoff.h"
#include "api/RateBudget.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace outpost {

using ApiResult = Result<QJsonObject, ApiError>;

// The one way the core talks to a service: JSON requests under
// /crm/{client_id}, queued by priority, paced by the workspace's RateBudget,
// retried with backoff when that is safe, every answer classified into an
// ApiError. Lives on one thread (it owns its QNetworkAccessManager); callbacks
// run on that thread and only while their context object lives.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const ApiResult &)>;

    ApiClient(ApiConfig config, std::shared_ptr<RateBudget> budget, QObject *parent = nullptr,
              const Clock &clock = Clock::system());
    ~ApiClient() override;

    // Queues a request; returns a ticket for cancel().
    quint64 send(ApiRequest request, QObject *context, Done done);
    void cancel(quint64 ticket);
    // Every queued and running request ends with Cancelled.
    void cancelAll();

    int pendingCount() const { return int(m_queue.size() + m_running.size()); }
    const ApiConfig &config() const { return m_config; }
    RateBudget &budget() { return *m_budget; }

#ifdef OUTPOST_TEST_HOOKS
    // Tests of the retry logic: the next `count` answers are replaced by `error`.
    void injectFailures(int count, ApiError error);
    // The n-th answer from now on (1 = the next) is replaced by `error`, after
    // the request really reached the server; 0 disarms.
    void failNthAnswer(int n, ApiError error);
    int answersSinceArmed() const
    {
        return m_answersSinceArmed;
    }
#endif

signals:
    // 401: the workspace needs a new key. Emitted once per refused request.
    void unauthorized(const ApiError &error);
    // 403: this path is not in the plan.
    void forbidden(const QString &path, const ApiError &error);
    // A 429 paused this workspace for `waitMs`; requests go on by themselves.
    void rateLimited(qint64 waitMs);

private:
    struct Pending
    {
        quint64 ticket = 0;
        ApiRequest request;
        QPointer<QObject> context;
        bool hasContext = false;
        Done done;
        int attempt = 0;
        int rateLimitedCount = 0;
        qint64 notBefore = 0;
    };
    struct Running
    {
        Pending pending;
        QNetworkReply *reply = nullptr;
        bool cancelled = false;
    };

    void pump();
    void schedulePump(qint64 delayMs);
    void start(Pending pending);
    void onFinished(QNetworkReply *reply);
    ApiResult classify(QNetworkReply *reply, const Running &running) const;
    void observeRateHeaders(QNetworkReply *reply);
    bool retryLater(Pending &pending, const ApiError &error);
    void complete(Pending &pending, const ApiResult &result);
    QNetworkRequest buildRequest(const ApiRequest &request) const;

    ApiConfig m_config;
    std::shared_ptr<RateBudget> m_budget;
    const Clock &m_clock;
    Backoff m_backoff;
    QNetworkAccessManager *m_network;
    // A child, so that it moves with the client to the sync thread.
    QTimer *m_pumpTimer;
    // Ordered by (priority, ticket): the first ready entry goes next.
    std::map<std::pair<int, quint64>, Pending> m_queue;
    std::map<QNetworkReply *, Running> m_running;
    quint64 m_nextTicket = 1;
#ifdef OUTPOST_TEST_HOOKS
    int m_injectedFailures = 0;
    ApiError m_injectedError;
    int m_failAnswerAt = 0;
    int m_answersSinceArmed = 0;
#endif
};

} // namespace outpost
