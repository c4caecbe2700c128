#include "SimServer.h"

#include "SimAdminHandler.h"
#include "SimIdempotency.h"
#include "SimSeeder.h"
#include "domain/LeadCodec.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

namespace outpost::sim {

namespace {

constexpr qsizetype maxBodyBytes = 1024 * 1024;
constexpr int slowFaultMs = 3000;
const QString adminPrefix = QStringLiteral("/__sim/");
// Idempotency keys belong to the workspace, not to one API key: a client that
// rotates its key between two attempts must still be recognised.
constexpr qint64 idempotencyScope = 0;

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    default:
        return QByteArrayLiteral("OTHER");
    }
}

SimResponse htmlError()
{
    SimResponse r;
    r.status = 502;
    r.contentType = QByteArrayLiteral("text/html");
    r.body = QByteArrayLiteral("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad "
                               "Gateway</h1></center><hr><center>nginx</center></body></html>\r\n");
    return r;
}

// Duplicate the first lead of a page at its end: a server that repeats rows.
void duplicateRow(SimResponse &response)
{
    QJsonObject body = QJsonDocument::fromJson(response.body).object();
    QJsonArray leads = body.value(QStringLiteral("leads")).toArray();
    if (leads.isEmpty())
        return;
    leads.append(leads.first());
    body.insert(QStringLiteral("leads"), leads);
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

SimServer::SimServer(const SimOptions &options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_world(options)
    , m_faults(options.seed)
    , m_sender(m_world)
    , m_activity(m_world)
    , m_leadHandler(m_world)
    , m_bulkHandler(m_world)
    , m_campaignHandler(m_world)
    , m_analyticsHandler(m_world)
    , m_accountHandler(m_world, m_sender)
    , m_admin(std::make_unique<SimAdminHandler>(*this))
{
    m_leadHandler.addRoutes(m_router);
    m_bulkHandler.addRoutes(m_router);
    m_campaignHandler.addRoutes(m_router);
    m_analyticsHandler.addRoutes(m_router);
    m_accountHandler.addRoutes(m_router);
    m_world.setEventSink([this](const QString &event, const QJsonObject &data) { m_sender.publish(event, data); });
}

SimServer::~SimServer() = default;

bool SimServer::start(QString *error)
{
    const SimOptions &o = m_world.options();
    if (!m_world.store().open(o.databasePath, error))
        return false;
    if (!m_world.store().isSeeded()) {
        if (!SimSeeder::seed(m_world.store(), m_world.generator(), o.leads, error))
            return false;
        m_world.store().markSeeded(o.leads, o.seed);
    }
    installInitialKey();
    m_limiter.configure(o.rateLimit, o.rateWindowSecs * 1000LL);
    m_faults.configure(o.faultRate, o.faultKinds);
    m_activity.setRate(o.activityPerMinute);
    QHostAddress address;
    if (!address.setAddress(o.listenAddress)) {
        *error = QStringLiteral("--listen: \"%1\" is not an IP address").arg(o.listenAddress);
        return false;
    }
    m_port = listen(address, o.port);
    if (!m_port) {
        *error = QStringLiteral("cannot listen on %1:%2").arg(o.listenAddress).arg(o.port);
        return false;
    }
    return true;
}

void SimServer::installInitialKey()
{
    SimKeys keys = m_world.keys();
    m_initialKey = m_world.options().initialKey;
    if (m_initialKey.isEmpty())
        m_initialKey = SimKeys::newSecret();
    if (!keys.idOf(m_initialKey))
        keys.create(QStringLiteral("initial key"), 0, m_world.nowMs(), m_initialKey);
}

QUrl SimServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_world.options().listenAddress);
    url.setPort(m_port);
    return url;
}

void SimServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    send(makeResponder(request, socket), SimResponse::error(404, QStringLiteral("no such endpoint")));
}

bool SimServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path();
    if (path.startsWith(adminPrefix) || path == adminPrefix.chopped(1)) {
        m_world.store().begin();
        SimResponse r = request.remoteAddress().isLoopback()
                            ? m_admin->handle(request, path.mid(adminPrefix.size() - 1))
                            : SimResponse::error(403, QStringLiteral("admin endpoints answer on loopback only"));
        m_world.store().commit();
        send(makeResponder(request, socket), r);
        return true;
    }

    // One transaction per request: its effects, the key's last use and its
    // ledger entry land together, and a page read sees one state.
    m_world.store().begin();
    SimLedger::Entry entry;
    entry.atMs = m_world.nowMs();
    entry.method = methodName(request.method());
    entry.path = path;
    entry.query = request.url().query(QUrl::FullyEncoded);
    SimRequest api;
    api.method = entry.method;
    Outcome outcome = handleApi(request, api, entry);

    entry.status = outcome.drop ? 0 : outcome.response.status;
    entry.keyId = api.keyId;
    entry.fault = outcome.fault;
    SimLedger(m_world.store().db()).append(entry);
    m_world.store().commit();

    if (outcome.drop) {
        dropConnection(socket);
    } else if (outcome.delayMs > 0) {
        auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
        QTimer::singleShot(outcome.delayMs, socket, [responder, response = outcome.response]() mutable {
            send(std::move(*responder), response);
        });
    } else {
        send(makeResponder(request, socket), outcome.response);
    }
    return true;
}

SimServer::Outcome SimServer::handleApi(const QHttpServerRequest &request, SimRequest &api, SimLedger::Entry &entry)
{
    Outcome out;
    if (m_down != DownMode::Up) {
        out.drop = m_down == DownMode::DropConnections;
        out.response = SimResponse::error(503, QStringLiteral("service temporarily unavailable"));
        out.fault = QStringLiteral("down");
        return out;
    }
    const QString prefix = QStringLiteral("/crm/") + m_world.options().clientId;
    if (!entry.path.startsWith(prefix + QLatin1Char('/'))) {
        out.response = SimResponse::error(404, QStringLiteral("no such endpoint; the API lives under %1/").arg(prefix));
        return out;
    }
    api.path = entry.path.mid(prefix.size());
    api.query = QUrlQuery(request.url());
    if (request.body().size() > maxBodyBytes) {
        out.response = SimResponse::error(413, QStringLiteral("the body is larger than 1 MB"));
        return out;
    }
    if (auto refused = authenticate(request, api)) {
        out.response = *refused;
        return out;
    }
    const SimRateLimiter::Decision decision = m_limiter.take(api.keyId, m_world.nowMs());
    if (!decision.allowed) {
        out.response = SimResponse::error(429, QStringLiteral("rate limit of %1 requests per %2 s exceeded")
                                                   .arg(decision.limit)
                                                   .arg(m_world.options().rateWindowSecs));
        out.response.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(decision.resetSecs)});
        addRateHeaders(out.response, decision);
        return out;
    }
    if (auto bad = parseBody(request, api)) {
        out.response = *bad;
        addRateHeaders(out.response, decision);
        return out;
    }
    const SimRouter::Match match = m_router.match(api.method, api.path);
    out = dispatch(match, api, entry, m_faults.next());
    addRateHeaders(out.response, decision);
    return out;
}

SimServer::Outcome SimServer::dispatch(const SimRouter::Match &match, SimRequest &api, SimLedger::Entry &entry,
                                       const QString &fault)
{
    Outcome out;
    out.fault = fault;
    if (fault == QLatin1StringView("429")) {
        out.response = SimResponse::error(429, QStringLiteral("rate limited (injected fault)"));
        out.response.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
        return out;
    }
    if (fault == QLatin1StringView("500")) {
        out.response.status = 500; // and an empty body, as some services do
        return out;
    }
    if (fault == QLatin1StringView("502-html")) {
        out.response = htmlError();
        return out;
    }
    if (fault == QLatin1StringView("drop")) {
        out.drop = true;
        return out;
    }
    switch (match.kind) {
    case SimRouter::Match::NotFound:
        out.response = SimResponse::error(
            404, QStringLiteral("no such endpoint: %1 %2").arg(QString::fromLatin1(api.method), api.path.left(200)));
        return out;
    case SimRouter::Match::WrongMethod:
        out.response = SimResponse::error(
            405,
            QStringLiteral("method %1 is not allowed on %2").arg(QString::fromLatin1(api.method), api.path.left(200)));
        return out;
    case SimRouter::Match::BadArgument:
        out.response = SimResponse::error(400, match.message);
        return out;
    case SimRouter::Match::Found:
        break;
    }
    const SimRouter::Route &route = *match.route;
    if (route.plan == SimRouter::Plan::Premium && !m_world.isPremium()) {
        out.response =
            SimResponse::error(403, QStringLiteral("%1 %2 needs the Premium plan; this workspace is on Basic")
                                        .arg(QString::fromLatin1(api.method), api.path));
        return out;
    }
    api.args = match.args;
    const bool idempotent = route.mutates && !api.idempotencyKey.isEmpty() && !m_world.options().legacy;
    entry.idempotencyKey = route.mutates ? api.idempotencyKey : QString();
    SimIdempotency memory(m_world.store().db());
    if (idempotent) {
        if (auto first = memory.find(idempotencyScope, api.idempotencyKey, m_world.nowMs())) {
            out.response = *first;
            entry.replayed = true;
            return out;
        }
    }
    out.response = route.handler(api);
    entry.mutation = out.response.mutation;
    if (idempotent && out.response.status < 500)
        memory.remember(idempotencyScope, api.idempotencyKey, out.response, m_world.nowMs());

    if (fault == QLatin1StringView("drop-after-apply")) {
        out.drop = true;
    } else if (fault == QLatin1StringView("malformed-json")) {
        out.response.body.truncate(out.response.body.size() / 2);
    } else if (fault == QLatin1StringView("slow")) {
        out.delayMs = static_cast<int>(slowFaultMs * m_world.options().timeScale);
    } else if (fault == QLatin1StringView("duplicate-rows") && api.path == QLatin1StringView("/leads")) {
        duplicateRow(out.response);
    }
    return out;
}

std::optional<SimResponse> SimServer::authenticate(const QHttpServerRequest &request, SimRequest &api)
{
    const QByteArray header = request.value(QByteArrayLiteral("authorization")).trimmed();
    if (!header.toLower().startsWith("bearer ") || header.mid(7).trimmed().isEmpty())
        return SimResponse::error(401, QStringLiteral("missing API key: send Authorization: Bearer <API key>"));
    const QString secret = QString::fromUtf8(header.mid(7).trimmed());
    switch (m_world.keys().check(secret, m_world.nowMs(), &api.keyId)) {
    case SimKeys::Check::Valid:
        break;
    case SimKeys::Check::Unknown:
        return SimResponse::error(401, QStringLiteral("invalid API key"));
    case SimKeys::Check::Revoked:
        return SimResponse::error(401, QStringLiteral("this API key was revoked"));
    case SimKeys::Check::Expired:
        return SimResponse::error(401, QStringLiteral("this API key has expired"));
    }
    api.idempotencyKey = QString::fromUtf8(request.value(QByteArrayLiteral("idempotency-key")).trimmed()).left(200);
    return std::nullopt;
}

void SimServer::addRateHeaders(SimResponse &response, const SimRateLimiter::Decision &decision) const
{
    if (m_world.options().legacy || !m_limiter.enabled())
        return;
    response.headers.append({QByteArrayLiteral("X-RateLimit-Limit"), QByteArray::number(decision.limit)});
    response.headers.append({QByteArrayLiteral("X-RateLimit-Remaining"), QByteArray::number(decision.remaining)});
    response.headers.append({QByteArrayLiteral("X-RateLimit-Reset"), QByteArray::number(decision.resetSecs)});
}

std::optional<SimResponse> SimServer::parseBody(const QHttpServerRequest &request, SimRequest &api)
{
    api.body = request.body();
    if (api.method == QByteArrayLiteral("GET") || api.body.trimmed().isEmpty())
        return std::nullopt;
    const Result<QJsonObject> parsed = LeadCodec::parseObject(api.body);
    if (!parsed)
        return SimResponse::error(400, QStringLiteral("the body is not a JSON object: ") + parsed.error().message);
    api.json = *parsed;
    return std::nullopt;
}

void SimServer::send(QHttpServerResponder &&responder, const SimResponse &r)
{
    QHttpServerResponse response(r.contentType, r.body, static_cast<QHttpServerResponse::StatusCode>(r.status));
    for (const auto &header : r.headers)
        response.addHeader(header.first, header.second);
    response.write(std::move(responder));
}

void SimServer::dropConnection(QTcpSocket *socket)
{
    // Later, from the event loop: the HTTP server still holds the socket now.
    QMetaObject::invokeMethod(socket, &QTcpSocket::abort, Qt::QueuedConnection);
}

QJsonObject SimServer::config() const
{
    const SimOptions &o = m_world.options();
    QString down = QStringLiteral("up");
    if (m_down == DownMode::ServiceUnavailable)
        down = QStringLiteral("503");
    else if (m_down == DownMode::DropConnections)
        down = QStringLiteral("drop");
    return QJsonObject{{QStringLiteral("client_id"), o.clientId},
                       {QStringLiteral("plan"), SimOptions::planName(o.plan)},
                       {QStringLiteral("rate"), o.rateLimit},
                       {QStringLiteral("rate_window"), o.rateWindowSecs},
                       {QStringLiteral("legacy"), o.legacy},
                       {QStringLiteral("fault_rate"), o.faultRate},
                       {QStringLiteral("faults"), QJsonArray::fromStringList(m_faults.kinds())},
                       {QStringLiteral("activity"), m_activity.rate()},
                       {QStringLiteral("time_scale"), o.timeScale},
                       {QStringLiteral("signature_header"), o.signatureHeader},
                       {QStringLiteral("down"), down}};
}

QString SimServer::applyConfig(const QJsonObject &c)
{
    SimOptions o = m_world.options();
    auto number = [&c](const char *name, double min, double max, double *out) -> QString {
        const QJsonValue v = c.value(QLatin1StringView(name));
        if (v.isUndefined())
            return QString();
        if (!v.isDouble() || v.toDouble() < min || v.toDouble() > max)
            return QStringLiteral("%1 must be a number from %2 to %3").arg(QLatin1StringView(name)).arg(min).arg(max);
        *out = v.toDouble();
        return QString();
    };
    double rate = o.rateLimit, window = o.rateWindowSecs;
    QString error = number("rate", 0, 1e9, &rate);
    if (error.isEmpty())
        error = number("rate_window", 0.001, 86400, &window);
    if (error.isEmpty())
        error = number("fault_rate", 0, 1, &o.faultRate);
    if (error.isEmpty())
        error = number("activity", 0, 600000, &o.activityPerMinute);
    if (error.isEmpty())
        error = number("time_scale", 0.0001, 1000, &o.timeScale);
    if (!error.isEmpty())
        return error;
    if (c.contains(QStringLiteral("plan"))) {
        const auto plan = SimOptions::planFromName(c.value(QStringLiteral("plan")).toString());
        if (!plan)
            return QStringLiteral("plan must be basic or premium");
        o.plan = *plan;
    }
    if (c.contains(QStringLiteral("legacy")))
        o.legacy = c.value(QStringLiteral("legacy")).toBool();
    if (c.contains(QStringLiteral("signature_header")))
        o.signatureHeader = c.value(QStringLiteral("signature_header")).toString();
    if (c.contains(QStringLiteral("faults"))) {
        o.faultKinds.clear();
        for (const QJsonValue &v : c.value(QStringLiteral("faults")).toArray()) {
            if (!SimOptions::allFaultKinds().contains(v.toString()))
                return QStringLiteral("unknown fault kind \"%1\"").arg(v.toString());
            o.faultKinds.append(v.toString());
        }
    }
    const bool limitChanged = static_cast<int>(rate) != o.rateLimit || window != o.rateWindowSecs;
    o.rateLimit = static_cast<int>(rate);
    o.rateWindowSecs = static_cast<int>(std::max(1.0, window));
    m_world.options() = o;
    // A window shorter than a second is allowed for tests: kept in milliseconds.
    if (limitChanged)
        m_limiter.configure(o.rateLimit, static_cast<qint64>(window * 1000));
    m_faults.configure(o.faultRate, o.faultKinds);
    if (c.contains(QStringLiteral("activity")))
        m_activity.setRate(o.activityPerMinute);
    return QString();
}

} // namespace outpost::sim
