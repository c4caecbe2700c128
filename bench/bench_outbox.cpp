// Outbox replay benchmarks against outpost-sim on loopback, each figure beside
// its floor measured in the same run:
//  - throughput: queued actions carried to the service per second with the
//    server's limit off, beside the rate of bare sequential requests through
//    the same ApiClient (the replay sends one row at a time, each after a
//    look at the server);
//  - budget: with --rate 100 --rate-window 6, the share of the server's
//    allowed requests a long replay used, and the 429s it caused.
#include "SimThread.h"
#include "api/ApiClient.h"
#include "domain/LeadStatus.h"
#include "outbox/OutboxReplayer.h"
#include "outbox/OutboxStore.h"
#include "storage/Database.h"
#include "sync/SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace outpost;
using outpost::sim::SimOptions;
using outpost::sim::SimThread;

namespace {

void print(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

double round1(double v)
{
    return std::round(v * 10) / 10;
}

std::unique_ptr<SimThread> startSim(SimOptions options)
{
    auto sim = std::make_unique<SimThread>(std::move(options));
    QString error;
    if (!sim->startServer(&error)) {
        std::fprintf(stderr, "outpost-sim did not start: %s\n", qPrintable(error));
        std::exit(1);
    }
    return sim;
}

ApiConfig configFor(const SimThread &sim)
{
    ApiConfig config;
    config.baseUrl = sim.baseUrl();
    config.clientId = sim.clientId();
    config.apiKey = sim.apiKey();
    return config;
}

// Benchmark code waits with its own loop; the product never nests loops.
void fillCache(const SimThread &sim, const QString &cache)
{
    auto budget = std::make_shared<RateBudget>(RateBudget::Limit{1000000, 1000}, Clock::system());
    ApiClient api(configFor(sim), budget);
    SyncEngine engine(cache, cache + QStringLiteral(".lock"), &api);
    SyncOptions options;
    options.details = SyncOptions::Details::None;
    options.snapshots = false;
    QEventLoop loop;
    QObject::connect(&engine, &SyncEngine::finished, &loop, [&](SyncEngine::Outcome outcome, const QString &message) {
        if (outcome != SyncEngine::Outcome::Completed) {
            std::fprintf(stderr, "sync failed: %s\n", qPrintable(message));
            std::exit(1);
        }
        loop.quit();
    });
    engine.start(options);
    loop.exec();
}

QString nextStatus(const LeadStatus &status)
{
    const QList<LeadStatus> &pipeline = LeadStatus::pipeline();
    const qsizetype at = pipeline.indexOf(status);
    return pipeline.at((at + 1) % pipeline.size()).toString();
}

// `actions` rows of every kind, spread over the leads (bulk ones on 5 leads).
int queueMixed(const QString &cache, int actions)
{
    auto db = Database::open(cache);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        std::exit(1);
    }
    OutboxStore store(*db);
    int queued = 0;
    for (int i = 0; queued < actions; ++i) {
        const qint64 lead = 1 + i % 200;
        const QString text = QStringLiteral("bench %1").arg(i);
        Result<qint64> row = makeError(QString());
        switch (i % 9) {
        case 0:
            row = store.setStatus(lead, nextStatus((*store.leads().lead(lead))->status));
            break;
        case 1:
            row = store.addNote(lead, text);
            break;
        case 2:
            row = store.editTag(lead, OutboxStore::TagAction::Add, text);
            break;
        case 3:
            row = store.reply(lead, text);
            break;
        case 4:
            row = store.bookAppointment(lead, QStringLiteral("2027-02-03 10:00"), text);
            break;
        case 5:
            row = store.editTag(lead, OutboxStore::TagAction::Remove, QStringLiteral("bench %1").arg(i - 3));
            break;
        case 6:
            row = store.bulkStage({lead, lead + 1, lead + 2, lead + 3, lead + 4}, QStringLiteral("contacted"));
            break;
        case 7:
            row = store.bulkTag({lead, lead + 1, lead + 2, lead + 3, lead + 4}, OutboxStore::TagAction::Add, text);
            break;
        default:
            row = store.bulkMessage({lead, lead + 1, lead + 2, lead + 3, lead + 4}, QStringLiteral("Hi {first_name}"));
            break;
        }
        if (!row) {
            std::fprintf(stderr, "queueing failed: %s\n", qPrintable(row.error().message));
            std::exit(1);
        }
        ++queued;
    }
    return queued;
}

struct Replayed
{
    OutboxReplayer::Outcome outcome = OutboxReplayer::Outcome::Failed;
    OutboxReplayer::Stats stats;
    double seconds = 0;
};

Replayed replay(ApiClient &api, const QString &cache)
{
    OutboxReplayer replayer(cache, cache + QStringLiteral(".lock"), &api);
    Replayed out;
    QEventLoop loop;
    QObject::connect(&replayer, &OutboxReplayer::finished, &loop,
                     [&](OutboxReplayer::Outcome outcome, const QString &message) {
                         out.outcome = outcome;
                         if (outcome != OutboxReplayer::Outcome::Drained)
                             std::fprintf(stderr, "replay ended: %s\n", qPrintable(message));
                         loop.quit();
                     });
    QElapsedTimer timer;
    timer.start();
    replayer.start();
    loop.exec();
    out.seconds = timer.nsecsElapsed() / 1e9;
    out.stats = replayer.stats();
    return out;
}

// The floor: the same number of requests, one after the other, each a bare
// GET of a lead through the same client: no outbox, no cache writes.
double bareRequestsPerSecond(ApiClient &api, int requests)
{
    QEventLoop loop;
    int done = 0;
    QElapsedTimer timer;
    timer.start();
    std::function<void()> next = [&] {
        if (done == requests) {
            loop.quit();
            return;
        }
        api.send(ApiRequest::get(QStringLiteral("/lead/%1").arg(1 + done % 200), {}, RequestPriority::Outbox), &loop,
                 [&](const ApiResult &) {
                     ++done;
                     next();
                 });
    };
    next();
    loop.exec();
    return requests / (timer.nsecsElapsed() / 1e9);
}

QJsonObject admin(const QUrl &base, const QByteArray &method, const QString &path, const QJsonObject &body = {})
{
    QNetworkAccessManager network;
    QUrl url = base;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.sendCustomRequest(
        request, method, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return o;
}

// Ledger entries after sequence number `since`.
QJsonArray ledger(const QUrl &base, qint64 since = 0)
{
    QJsonArray after;
    for (const QJsonValue &e :
         admin(base, "GET", QStringLiteral("/__sim/ledger")).value(QStringLiteral("entries")).toArray()) {
        if (e.toObject().value(QStringLiteral("seq")).toInteger() > since)
            after.append(e);
    }
    return after;
}

qint64 ledgerHead(const QUrl &base)
{
    const QJsonArray all = ledger(base);
    return all.isEmpty() ? 0 : all.last().toObject().value(QStringLiteral("seq")).toInteger();
}

void benchThroughput(int actions, const QString &dir)
{
    SimOptions options;
    options.leads = 1000;
    options.rateLimit = 0;
    auto sim = startSim(options);
    const QString cache = dir + QStringLiteral("/throughput.sqlite");
    fillCache(*sim, cache);
    const int queued = queueMixed(cache, actions);
    auto budget = std::make_shared<RateBudget>(RateBudget::Limit{1000000, 1000}, Clock::system());
    ApiClient api(configFor(*sim), budget);
    const Replayed run = replay(api, cache);
    const double actionsPerSecond = run.stats.done / run.seconds;
    const double requestsPerSecond = run.stats.requests / run.seconds;
    const double floor = bareRequestsPerSecond(api, std::max(1, run.stats.requests));
    print({{QStringLiteral("bench"), QStringLiteral("outbox_throughput")},
           {QStringLiteral("actions"), queued},
           {QStringLiteral("drained"), run.outcome == OutboxReplayer::Outcome::Drained},
           {QStringLiteral("done"), run.stats.done},
           {QStringLiteral("requests"), run.stats.requests},
           {QStringLiteral("requests_per_action"), round1(double(run.stats.requests) / std::max(1, run.stats.done))},
           {QStringLiteral("seconds"), round1(run.seconds)},
           {QStringLiteral("actions_per_s"), round1(actionsPerSecond)},
           {QStringLiteral("requests_per_s"), round1(requestsPerSecond)},
           {QStringLiteral("floor_bare_requests_per_s"), round1(floor)},
           // Sequential requests at the floor's rate, as many per action as the replay needed.
           {QStringLiteral("floor_actions_per_s"), round1(floor * run.stats.done / std::max(1, run.stats.requests))}});
}

void benchBudget(int actions, const QString &dir)
{
    SimOptions options;
    options.leads = 1000;
    options.rateLimit = 0;
    auto sim = startSim(options);
    const QString cache = dir + QStringLiteral("/budget.sqlite");
    fillCache(*sim, cache);
    const int queued = queueMixed(cache, actions);
    // The limit goes on once the cache is filled: the replay meets it from its first request.
    admin(sim->baseUrl(), "POST", QStringLiteral("/__sim/config"),
          {{QStringLiteral("rate"), 100}, {QStringLiteral("rate_window"), 6}});
    const qint64 mark = ledgerHead(sim->baseUrl());
    auto budget = std::make_shared<RateBudget>(RateBudget::Limit{100, 6000}, Clock::system());
    ApiClient api(configFor(*sim), budget);
    const Replayed run = replay(api, cache);
    QList<qint64> times;
    int limited = 0;
    for (const QJsonValue &value : ledger(sim->baseUrl(), mark)) {
        const QJsonObject e = value.toObject();
        if (!e.value(QStringLiteral("path")).toString().startsWith(QStringLiteral("/crm/")))
            continue;
        times
            << QDateTime::fromString(e.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        limited += e.value(QStringLiteral("status")).toInt() == 429;
    }
    std::sort(times.begin(), times.end());
    QList<int> perWindow;
    for (qint64 t : std::as_const(times)) {
        const qsizetype window = (t - times.first()) / 6000;
        while (perWindow.size() <= window)
            perWindow << 0;
        perWindow[window]++;
    }
    // Every window but the last (what was left to do) shows the share used
    // while the limit held the replay back.
    const qsizetype full = std::max<qsizetype>(1, perWindow.size() - 1);
    int usedInFull = 0;
    for (qsizetype i = 0; i < full && i < perWindow.size(); ++i)
        usedInFull += perWindow[i];
    QJsonArray windows;
    for (int n : std::as_const(perWindow))
        windows.append(n);
    print({{QStringLiteral("bench"), QStringLiteral("outbox_budget")},
           {QStringLiteral("actions"), queued},
           {QStringLiteral("drained"), run.outcome == OutboxReplayer::Outcome::Drained},
           {QStringLiteral("done"), run.stats.done},
           {QStringLiteral("requests"), times.size()},
           {QStringLiteral("requests_per_window"), windows},
           {QStringLiteral("budget_used_pct"), round1(100.0 * usedInFull / (full * 100.0))},
           {QStringLiteral("responses_429"), limited},
           {QStringLiteral("target_used_pct"), 95},
           {QStringLiteral("target_429"), 0}});
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Outbox replay benchmarks against outpost-sim (JSON lines)."));
    parser.addHelpOption();
    const QCommandLineOption actions(QStringLiteral("actions"), QStringLiteral("Actions to replay (default 900)."),
                                     QStringLiteral("N"), QStringLiteral("900"));
    const QCommandLineOption budgetActions(QStringLiteral("budget-actions"),
                                           QStringLiteral("Actions for the rate-limited run (default 150)."),
                                           QStringLiteral("N"), QStringLiteral("150"));
    parser.addOption(actions);
    parser.addOption(budgetActions);
    parser.process(app);
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    benchThroughput(std::max(1, parser.value(actions).toInt()), dir.path());
    benchBudget(std::max(1, parser.value(budgetActions).toInt()), dir.path());
    return 0;
}
