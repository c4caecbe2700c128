// Sync benchmarks against outpost-sim on loopback, each figure beside its floor:
//  - ingest: leads/s written to the cache during a full sync (sim limit off),
//    beside a bare sqlite3 bulk insert of the same rows;
//  - budget: share of the server's allowed requests used by a sync that the
//    rate limit binds, and the 429s it caused;
//  - UI-thread freedom: the longest gap of a 10 ms timer on the main thread
//    while a sync runs on its own thread, beside the same timer idle;
//  - apply alone: the same writes with no server running, to tell the cost of
//    the cache's writes from what the in-process server takes of two cores.
#include "LeadGenerator.h"
#include "SimThread.h"
#include "api/ApiClient.h"
#include "storage/Database.h"
#include "sync/SyncEngine.h"
#include "sync/SyncSession.h"
#include "sync/SyncStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <time.h>

using namespace outpost;
using outpost::sim::SimOptions;
using outpost::sim::SimThread;

namespace {

void print(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

// The machine is shared: each figure comes with how busy it was.
double loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    return file.readAll().split(' ').value(0).toDouble();
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

// Runs the event loop until `engine` finishes (benchmark code: the product never nests loops).
SyncEngine::Outcome runToEnd(SyncEngine &engine, const SyncOptions &options)
{
    SyncEngine::Outcome outcome = SyncEngine::Outcome::Failed;
    QEventLoop loop;
    QObject::connect(&engine, &SyncEngine::finished, &loop, [&](SyncEngine::Outcome o, const QString &message) {
        outcome = o;
        if (o != SyncEngine::Outcome::Completed)
            std::fprintf(stderr, "sync ended: %s\n", qPrintable(message));
        loop.quit();
    });
    engine.start(options);
    loop.exec();
    return outcome;
}

QJsonArray ledger(const QUrl &base)
{
    QNetworkAccessManager network;
    QUrl url = base;
    url.setPath(QStringLiteral("/__sim/ledger"));
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return o.value(QStringLiteral("entries")).toArray();
}

ApiConfig configFor(const SimThread &sim)
{
    ApiConfig config;
    config.baseUrl = sim.baseUrl();
    config.clientId = sim.clientId();
    config.apiKey = sim.apiKey();
    return config;
}

// The floor: the same rows bulk-inserted by the sqlite3 shell into a bare table.
double sqliteBulkInsertPerSecond(const QString &cachePath, const QString &dir)
{
    const QString csv = dir + QStringLiteral("/leads.csv");
    const QString floorDb = dir + QStringLiteral("/floor.sqlite");
    QProcess dump;
    dump.setStandardOutputFile(csv);
    dump.start(QStringLiteral("sqlite3"),
               {QStringLiteral("-csv"), cachePath,
                QStringLiteral("SELECT id, name, phone, email, status, channel, source, tags, "
                               "assigned_agent, escalated, score, rating, created_at, "
                               "updated_at, last_message_at FROM leads")});
    dump.waitForFinished(-1);
    QProcess insert;
    QElapsedTimer timer;
    timer.start();
    insert.start(QStringLiteral("sqlite3"), {floorDb});
    insert.waitForStarted();
    insert.write("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;\n"
                 "CREATE TABLE leads (id INTEGER PRIMARY KEY, name TEXT, phone TEXT, email TEXT, status TEXT, "
                 "channel TEXT, source TEXT, tags TEXT, assigned_agent TEXT, escalated INTEGER, score INTEGER, "
                 "rating REAL, created_at INTEGER, updated_at INTEGER, last_message_at INTEGER);\n"
                 "BEGIN;\n.import --csv " +
                 csv.toUtf8() + " leads\nCOMMIT;\n");
    insert.closeWriteChannel();
    insert.waitForFinished(-1);
    const double seconds = timer.nsecsElapsed() / 1e9;
    QProcess count;
    count.start(QStringLiteral("sqlite3"), {floorDb, QStringLiteral("SELECT count(*) FROM leads")});
    count.waitForFinished(-1);
    const double rows = count.readAllStandardOutput().trimmed().toDouble();
    return seconds > 0 ? rows / seconds : 0;
}

void benchIngest(qint64 leads, const QString &dir)
{
    SimOptions options;
    options.leads = leads;
    options.rateLimit = 0;
    auto sim = startSim(options);
    auto budget = std::make_shared<RateBudget>(RateBudget::Limit{1000000, 1000}, Clock::system());
    ApiClient api(configFor(*sim), budget);
    const QString cache = dir + QStringLiteral("/ingest.sqlite");
    SyncEngine engine(cache, dir + QStringLiteral("/ingest.lock"), &api);
    SyncOptions sync;
    sync.details = SyncOptions::Details::None;
    sync.snapshots = false;
    QElapsedTimer timer;
    timer.start();
    const SyncEngine::Outcome outcome = runToEnd(engine, sync);
    const double seconds = timer.nsecsElapsed() / 1e9;
    const SyncEngine::Stats stats = engine.stats();
    const double applyRate = stats.applyMs > 0 ? stats.leads * 1000.0 / stats.applyMs : 0;
    const qint64 withIndexMs = stats.applyMs + stats.indexMs;
    const double withIndexRate = withIndexMs > 0 ? stats.leads * 1000.0 / withIndexMs : 0;
    print({{QStringLiteral("bench"), QStringLiteral("sync_ingest")},
           {QStringLiteral("leads"), stats.leads},
           {QStringLiteral("completed"), outcome == SyncEngine::Outcome::Completed},
           {QStringLiteral("pages"), stats.pages},
           // Writing the pages; a search index deferred to the end of the scan
           // is built after them (index_build_ms) and counted in the second rate.
           {QStringLiteral("apply_leads_per_s"), qRound64(applyRate)},
           {QStringLiteral("apply_ms"), stats.applyMs},
           // The same writes by the CPU time they took: on a loaded machine the
           // wall-clock rate above mostly measures the wait for a core.
           {QStringLiteral("apply_cpu_ms"), qRound64(stats.applyCpuMs)},
           {QStringLiteral("apply_cpu_leads_per_s"),
            stats.applyCpuMs > 0 ? qRound64(stats.leads * 1000.0 / stats.applyCpuMs) : 0},
           {QStringLiteral("index_build_ms"), stats.indexMs},
           {QStringLiteral("apply_incl_index_leads_per_s"), qRound64(withIndexRate)},
           {QStringLiteral("end_to_end_leads_per_s"), qRound64(stats.leads / seconds)},
           {QStringLiteral("floor_sqlite3_bulk_insert_per_s"), qRound64(sqliteBulkInsertPerSecond(cache, dir))},
           {QStringLiteral("target_leads_per_s"), 50000},
           {QStringLiteral("load_average_1m"), loadAverage()}});
}

void benchBudget(qint64 leads, const QString &dir)
{
    SimOptions options;
    options.leads = leads;
    options.rateLimit = 100;
    options.rateWindowSecs = 6;
    auto sim = startSim(options);
    // The workspace's profile says 100 per 6 s; the server's headers say the same.
    auto budget = std::make_shared<RateBudget>(RateBudget::Limit{100, 6000}, Clock::system());
    ApiClient api(configFor(*sim), budget);
    SyncEngine engine(dir + QStringLiteral("/budget.sqlite"), dir + QStringLiteral("/budget.lock"), &api);
    SyncOptions sync;
    sync.details = SyncOptions::Details::None;
    // Pages of 50 so that the limit binds over several windows.
    sync.pageSize = 50;
    const SyncEngine::Outcome outcome = runToEnd(engine, sync);
    const QJsonArray entries = ledger(sim->baseUrl());
    QList<qint64> times;
    int limited = 0;
    for (const QJsonValue &value : entries) {
        const QJsonObject e = value.toObject();
        if (!e.value(QStringLiteral("path")).toString().startsWith(QStringLiteral("/crm/")))
            continue;
        times
            << QDateTime::fromString(e.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        limited += e.value(QStringLiteral("status")).toInt() == 429;
    }
    std::sort(times.begin(), times.end());
    // Requests per 6 s window, counted from the first: every window but the
    // last (which holds only what was left to do) shows how much of the
    // allowance the client used while the limit was what held it back.
    QList<int> perWindow;
    for (qint64 t : std::as_const(times)) {
        const qsizetype window = (t - times.first()) / 6000;
        while (perWindow.size() <= window)
            perWindow << 0;
        perWindow[window]++;
    }
    const qsizetype full = std::max<qsizetype>(1, perWindow.size() - 1);
    int usedInFull = 0;
    for (qsizetype i = 0; i < full && i < perWindow.size(); ++i)
        usedInFull += perWindow[i];
    QJsonArray windows;
    for (int n : std::as_const(perWindow))
        windows.append(n);
    print({{QStringLiteral("bench"), QStringLiteral("sync_budget")},
           {QStringLiteral("leads"), leads},
           {QStringLiteral("completed"), outcome == SyncEngine::Outcome::Completed},
           {QStringLiteral("requests"), times.size()},
           {QStringLiteral("requests_per_window"), windows},
           {QStringLiteral("budget_used_pct"), round1(100.0 * usedInFull / (full * 100.0))},
           {QStringLiteral("responses_429"), limited},
           {QStringLiteral("target_used_pct"), 95},
           {QStringLiteral("target_429"), 0},
           {QStringLiteral("load_average_1m"), loadAverage()}});
}

// The longest gap between two ticks of a 10 ms timer while `running` holds.
qint64 longestTimerGap(const std::function<bool()> &running)
{
    QElapsedTimer clock;
    clock.start();
    qint64 previous = 0, longest = 0;
    QEventLoop loop;
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        const qint64 now = clock.elapsed();
        longest = std::max(longest, now - previous);
        previous = now;
        if (!running())
            loop.quit();
    });
    timer.start(10);
    loop.exec();
    return longest;
}

void benchUiFreedom(qint64 leads, const QString &dir)
{
    SimOptions options;
    options.leads = leads;
    options.rateLimit = 0;
    auto sim = startSim(options);
    QElapsedTimer idle;
    idle.start();
    const qint64 floorGap = longestTimerGap([&] { return idle.elapsed() < 2000; });

    auto budget = std::make_shared<RateBudget>(RateBudget::Limit{1000000, 1000}, Clock::system());
    SyncSession session(configFor(*sim), budget, dir + QStringLiteral("/ui.sqlite"), dir + QStringLiteral("/ui.lock"));
    bool done = false;
    qint64 synced = 0;
    QObject::connect(&session, &SyncSession::finished, [&](SyncEngine::Outcome, const QString &) { done = true; });
    QObject::connect(&session, &SyncSession::progress, [&](qint64 d, qint64) { synced = d; });
    SyncOptions sync;
    sync.details = SyncOptions::Details::None;
    sync.snapshots = false;
    session.start(sync);
    const qint64 gap = longestTimerGap([&] { return !done; });
    print({{QStringLiteral("bench"), QStringLiteral("sync_ui_thread")},
           {QStringLiteral("leads"), synced},
           {QStringLiteral("max_timer_gap_ms"), gap},
           {QStringLiteral("floor_idle_max_gap_ms"), floorGap},
           {QStringLiteral("target_ms"), 50},
           {QStringLiteral("load_average_1m"), loadAverage()}});
}

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

void benchApplyAlone(qint64 leads, const QString &dir)
{
    // Generated as the server generates them, gathered as a first fill
    // gathers pages (SyncEngine), written by the same SyncStore::applyPage.
    const sim::LeadGenerator generator(1, leads, QDateTime::currentDateTimeUtc());
    constexpr qint64 kBatch = 5000;
    auto db = Database::open(dir + QStringLiteral("/alone.sqlite"));
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return;
    }
    SyncStore store(db.value());
    SyncStore::PageContext context;
    context.scanning = true;
    context.nextCursor = QStringLiteral("more");
    double cpuMs = 0;
    qint64 wallNs = 0;
    for (qint64 first = 1; first <= leads; first += kBatch) {
        LeadsPage page;
        for (qint64 id = first; id < first + kBatch && id <= leads; ++id)
            page.leads << generator.lead(id);
        QElapsedTimer wall;
        wall.start();
        const double cpuBefore = threadCpuMs();
        if (!store.applyPage(page, context)) {
            std::fprintf(stderr, "the cache refused a page\n");
            return;
        }
        cpuMs += threadCpuMs() - cpuBefore;
        wallNs += wall.nsecsElapsed();
    }
    QElapsedTimer indexing;
    indexing.start();
    if (!store.buildDeferredSearch()) {
        std::fprintf(stderr, "the search index could not be built\n");
        return;
    }
    const double indexMs = indexing.nsecsElapsed() / 1e6;
    const double applyMs = wallNs / 1e6;
    print(
        {{QStringLiteral("bench"), QStringLiteral("sync_apply_alone")},
         {QStringLiteral("leads"), leads},
         {QStringLiteral("what"), QStringLiteral("SyncStore::applyPage of a first fill's batches, no server running")},
         {QStringLiteral("apply_leads_per_s"), qRound64(leads * 1000.0 / applyMs)},
         {QStringLiteral("apply_cpu_leads_per_s"), qRound64(leads * 1000.0 / cpuMs)},
         {QStringLiteral("index_build_ms"), qRound64(indexMs)},
         {QStringLiteral("apply_incl_index_leads_per_s"), qRound64(leads * 1000.0 / (applyMs + indexMs))},
         {QStringLiteral("target_leads_per_s"), 50000},
         {QStringLiteral("load_average_1m"), loadAverage()}});
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption leads(QStringLiteral("leads"), QStringLiteral("Leads for ingest and UI runs."),
                                   QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption budgetLeads(QStringLiteral("budget-leads"), QStringLiteral("Leads for the budget run."),
                                         QStringLiteral("N"), QStringLiteral("20000"));
    const QCommandLineOption only(QStringLiteral("only"),
                                  QStringLiteral("Run one benchmark: ingest, alone, budget or ui."),
                                  QStringLiteral("name"));
    parser.addOption(leads);
    parser.addOption(budgetLeads);
    parser.addOption(only);
    parser.process(app);
    QTemporaryDir dir;
    auto wanted = [&](const char *name) {
        return !parser.isSet(only) || parser.value(only) == QLatin1String(name);
    };
    if (wanted("ingest"))
        benchIngest(parser.value(leads).toLongLong(), dir.path());
    if (wanted("alone"))
        benchApplyAlone(parser.value(leads).toLongLong(), dir.path());
    if (wanted("budget"))
        benchBudget(parser.value(budgetLeads).toLongLong(), dir.path());
    if (wanted("ui"))
        benchUiFreedom(parser.value(leads).toLongLong(), dir.path());
    return 0;
}
