#include "api/ApiClient.h"

#include "api/OneShotBody.h"
#include "api/RetryAfter.h"

#include "common/Logging.h"
#include "domain/LeadCodec.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <algorithm>

namespace outpost {

namespace {

// The Authorization header's value is never logged; neither is the body.
QString describeForLog(const ApiRequest &request)
{
    return QStringLiteral("%1 %2").arg(QString::fromLatin1(request.method), request.path);
}

std::optional<qint64> headerNumber(QNetworkReply *reply, const char *name)
{
    const QByteArray raw = reply->rawHeader(name).trimmed();
    bool ok = false;
    const qlonglong value = raw.toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

} // namespace

ApiClient::ApiClient(ApiConfig config, std::shared_ptr<RateBudget> budget, QObject *parent, const Clock &clock)
    : QObject(parent)
    , m_config(std::move(config))
    , m_budget(std::move(budget))
    , m_clock(clock)
    , m_backoff(m_config.backoffBaseMs, m_config.backoffCapMs)
    , m_network(new QNetworkAccessManager(this))
    , m_pumpTimer(new QTimer(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_network->setTransferTimeout(m_config.transferTimeoutMs);
    m_pumpTimer->setSingleShot(true);
    connect(m_pumpTimer, &QTimer::timeout, this, &ApiClient::pump);
    connect(m_network, &QNetworkAccessManager::finished, this, &ApiClient::onFinished);
}

ApiClient::~ApiClient()
{
    // The manager aborts its replies when it goes; their answers must not reach
    // a client that is half destroyed.
    m_network->disconnect(this);
}

quint64 ApiClient::send(ApiRequest request, QObject *context, Done done)
{
    Pending pending;
    pending.ticket = m_nextTicket++;
    pending.request = std::move(request);
    pending.context = context;
    pending.hasContext = context != nullptr;
    pending.done = std::move(done);
    const quint64 ticket = pending.ticket;
    m_queue.emplace(std::make_pair(int(pending.request.priority), ticket), std::move(pending));
    schedulePump(0);
    return ticket;
}

void ApiClient::cancel(quint64 ticket)
{
    for (auto it = m_queue.begin(); it != m_queue.end(); ++it) {
        if (it->second.ticket == ticket) {
            Pending pending = std::move(it->second);
            m_queue.erase(it);
            complete(pending, ApiError::cancelled());
            return;
        }
    }
    for (auto &[reply, running] : m_running) {
        if (running.pending.ticket == ticket) {
            running.cancelled = true;
            reply->abort();
            return;
        }
    }
}

void ApiClient::cancelAll()
{
    std::map<std::pair<int, quint64>, Pending> queued;
    queued.swap(m_queue);
    for (auto &[key, pending] : queued)
        complete(pending, ApiError::cancelled());
    QList<QNetworkReply *> replies;
    for (auto &[reply, running] : m_running) {
        running.cancelled = true;
        replies.append(reply);
    }
    for (QNetworkReply *reply : replies)
        reply->abort();
}

#ifdef OUTPOST_TEST_HOOKS
void ApiClient::injectFailures(int count, ApiError error)
{
    m_injectedFailures = count;
    m_injectedError = std::move(error);
}

void ApiClient::failNthAnswer(int n, ApiError error)
{
    m_failAnswerAt = n;
    m_answersSinceArmed = 0;
    m_injectedError = std::move(error);
}
#endif

void ApiClient::schedulePump(qint64 delayMs)
{
    const int delay = int(std::clamp<qint64>(delayMs, 0, 24LL * 3600 * 1000));
    if (m_pumpTimer->isActive() && m_pumpTimer->remainingTime() <= delay)
        return;
    m_pumpTimer->start(delay);
}

void ApiClient::pump()
{
    while (int(m_running.size()) < m_config.maxInFlight && !m_queue.empty()) {
        const qint64 now = m_clock.monotonicMs();
        // The most urgent request whose own backoff has passed.
        auto next = std::find_if(m_queue.begin(), m_queue.end(),
                                 [now](const auto &entry) { return entry.second.notBefore <= now; });
        if (next == m_queue.end()) {
            qint64 earliest = m_queue.begin()->second.notBefore;
            for (const auto &entry : m_queue)
                earliest = std::min(earliest, entry.second.notBefore);
            schedulePump(earliest - now);
            return;
        }
        const qint64 wait = m_budget->waitMs(next->second.request.priority);
        if (wait > 0) {
            schedulePump(wait);
            return;
        }
        Pending pending = std::move(next->second);
        m_queue.erase(next);
        if (pending.hasContext && !pending.context)
            continue; // nobody is waiting for it any more
        m_budget->consume();
        start(std::move(pending));
    }
}

QNetworkRequest ApiClient::buildRequest(const ApiRequest &request) const
{
    QUrl url = m_config.baseUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + QStringLiteral("/crm/") + m_config.clientId + request.path);
    url.setQuery(request.query);

    QNetworkRequest networkRequest(url);
    networkRequest.setRawHeader("Authorization", "Bearer " + m_config.apiKey.toUtf8());
    networkRequest.setRawHeader("Accept", "application/json");
    networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!request.idempotencyKey.isEmpty())
        networkRequest.setRawHeader("Idempotency-Key", request.idempotencyKey.toUtf8());
    if (!m_config.caFile.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(QSslCertificate::fromPath(m_config.caFile, QSsl::Pem));
        networkRequest.setSslConfiguration(ssl);
    }
    return networkRequest;
}

void ApiClient::start(Pending pending)
{
    const QNetworkRequest networkRequest = buildRequest(pending.request);
    const QByteArray body =
        pending.request.body ? QJsonDocument(*pending.request.body).toJson(QJsonDocument::Compact) : QByteArray();
    qCDebug(lcApi) << "sending" << describeForLog(pending.request) << "attempt" << pending.attempt + 1;
    QNetworkReply *reply = nullptr;
    if (pending.request.neverRepeat) {
        QNetworkRequest once = networkRequest;
        once.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        // Unbuffered, so the network layer cannot rewind it for a quiet re-send.
        once.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *device = new OneShotBody(body);
        reply = m_network->sendCustomRequest(once, pending.request.method, device);
        device->setParent(reply);
    } else {
        reply = m_network->sendCustomRequest(networkRequest, pending.request.method, body);
    }
    Running running;
    running.pending = std::move(pending);
    running.reply = reply;
    m_running.emplace(reply, std::move(running));
}

void ApiClient::observeRateHeaders(QNetworkReply *reply)
{
    const std::optional<qint64> limit = headerNumber(reply, "X-RateLimit-Limit");
    const std::optional<qint64> remaining = headerNumber(reply, "X-RateLimit-Remaining");
    const std::optional<qint64> reset = headerNumber(reply, "X-RateLimit-Reset");
    if (limit || remaining)
        m_budget->observe(limit ? std::optional<int>(int(*limit)) : std::nullopt,
                          remaining ? std::optional<int>(int(*remaining)) : std::nullopt, reset);
}

ApiResult ApiClient::classify(QNetworkReply *reply, const Running &running) const
{
#ifdef OUTPOST_TEST_HOOKS
    if (m_injectedFailures > 0) {
        const_cast<ApiClient *>(this)->m_injectedFailures--;
        return m_injectedError;
    }
    if (m_failAnswerAt > 0 && ++const_cast<ApiClient *>(this)->m_answersSinceArmed == m_failAnswerAt)
        return m_injectedError;
#endif
    const bool sentSomething =
        reply->error() != QNetworkReply::ConnectionRefusedError && reply->error() != QNetworkReply::HostNotFoundError;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (running.cancelled)
        return ApiError::cancelled();
    if (status == 0) {
        if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError)
            return ApiError::timeout(sentSomething);
        ApiError error = ApiError::network(reply->errorString(), sentSomething);
        error.tls = reply->error() == QNetworkReply::SslHandshakeFailedError;
        error.hostNotFound = reply->error() == QNetworkReply::HostNotFoundError;
        // Asking again will not fix a certificate or a name.
        error.retryable = !error.tls && !error.hostNotFound;
        return error;
    }
    const QByteArray body = reply->readAll();
    if (status >= 300) {
        ApiError error = ApiError::fromHttp(status, body);
        // 429 carries it by contract; a 503 may too, and it is honoured there as well.
        error.retryAfterMs = RetryAfter::parse(reply->rawHeader("Retry-After"), m_clock.now());
        return error;
    }
    if (reply->error() != QNetworkReply::NoError) // e.g. the connection dropped mid-body
        return ApiError::network(reply->errorString(), true);
    Result<QJsonObject> object = LeadCodec::parseObject(body);
    if (!object)
        return ApiError::badResponse(tr("The server's answer could not be read: %1").arg(object.error().message));
    if (object->value(QLatin1String("ok")) == QJsonValue(false)) {
        ApiError error = ApiError::fromHttp(400, body);
        error.httpStatus = status;
        return error;
    }
    return std::move(object).value();
}

bool ApiClient::retryLater(Pending &pending, const ApiError &error)
{
    const qint64 now = m_clock.monotonicMs();
    if (error.kind == ApiError::Kind::RateLimited) {
        // Quietly: the whole workspace waits, this request keeps its place.
        const qint64 wait = m_backoff.afterRateLimit(error.retryAfterMs.value_or(0), pending.rateLimitedCount++);
        m_budget->pause(wait);
        emit rateLimited(wait);
        pending.notBefore = now + wait;
        return true;
    }
    if (!error.retryable || !pending.request.safeToRepeat() || pending.attempt + 1 >= m_config.maxAttempts)
        return false;
    pending.notBefore = now + std::max(m_backoff.delayMs(pending.attempt), error.retryAfterMs.value_or(0));
    pending.attempt++;
    return true;
}

void ApiClient::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    auto it = m_running.find(reply);
    if (it == m_running.end())
        return;
    Running running = std::move(it->second);
    m_running.erase(it);

    observeRateHeaders(reply);
    const ApiResult result = classify(reply, running);
    Pending &pending = running.pending;
    if (!result.ok()) {
        const ApiError &error = result.error();
        qCInfo(lcApi) << describeForLog(pending.request) << "failed:" << error.describe();
        if (error.kind != ApiError::Kind::Cancelled && retryLater(pending, error)) {
            const quint64 ticket = pending.ticket;
            m_queue.emplace(std::make_pair(int(pending.request.priority), ticket), std::move(pending));
            schedulePump(0);
            return;
        }
        if (error.kind == ApiError::Kind::Unauthorized)
            emit unauthorized(error);
        else if (error.kind == ApiError::Kind::Forbidden)
            emit forbidden(pending.request.path, error);
    }
    complete(pending, result);
    schedulePump(0);
}

void ApiClient::complete(Pending &pending, const ApiResult &result)
{
    if (pending.hasContext && !pending.context)
        return;
    if (pending.done)
        pending.done(result);
}

} // namespace outpost
