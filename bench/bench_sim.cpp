// outpost-sim benchmark. Two figures, each beside its floor measured in the
// same run:
//  - seeding N leads (with conversations, notes, appointments) into a fresh
//    SQLite file, beside a plain bulk insert of as many constant lead rows;
//  - requests per second for GET /leads?limit=200 on 100,000 leads with the
//    rate limit off, beside a bare QHttpServer answering a static page of the
//    same size (so client benchmarks know the server is not their bottleneck).
// Prints JSON lines.
#include "LeadGenerator.h"
#include "SimSeeder.h"
#include "SimStore.h"
#include "SimThread.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <sqlite3.h>

#include <cmath>
#include <cstdio>

using namespace outpost;

namespace {

void printLine(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

double seedSeconds(const QString &path, qint64 leads, QString *error)
{
    sim::SimStore store;
    if (!store.open(path, error))
        return -1;
    const sim::LeadGenerator generator(1, leads, QDateTime::currentDateTimeUtc());
    QElapsedTimer timer;
    timer.start();
    if (!sim::SimSeeder::seed(store, generator, leads, error))
        return -1;
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

// The floor: the same number of rows of the same width, all constant, in one
// transaction through one prepared statement: what SQLite alone costs.
double plainInsertSeconds(const QString &path, qint64 leads)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", nullptr, nullptr, nullptr);
    sqlite3_exec(db,
                 "CREATE TABLE leads(id INTEGER PRIMARY KEY, name TEXT, phone TEXT, email TEXT, status TEXT, "
                 "channel TEXT, source TEXT, tags TEXT, agent TEXT, escalated INTEGER, score INTEGER, rating REAL, "
                 "created_at INTEGER, updated_at INTEGER, last_message_at INTEGER)",
                 nullptr, nullptr, nullptr);
    QElapsedTimer timer;
    timer.start();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO leads VALUES (?, 'John Carter', '+15551234567', 'john@example.com', 'new', "
                       "'whatsapp', 'web_form', ',vip,', 'Maria', 0, 80, 4.5, ?, ?, ?)",
                       -1, &stmt, nullptr);
    for (qint64 id = 1; id <= leads; ++id) {
        sqlite3_bind_int64(stmt, 1, id);
        sqlite3_bind_int64(stmt, 2, 1700000000000 + id);
        sqlite3_bind_int64(stmt, 3, 1700000000000 + id);
        sqlite3_bind_int64(stmt, 4, 1700000000000 + id);
        sqlite3_step(stmt);
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double secs = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    sqlite3_close(db);
    return secs;
}

// A bare QHttpServer on its own thread answering every request with `page`.
class StaticServerThread : public QThread
{
public:
    explicit StaticServerThread(QByteArray page)
        : m_page(std::move(page))
    {}
    quint16 port() const { return m_port.loadAcquire(); }

protected:
    void run() override
    {
        QHttpServer server;
        server.route(QStringLiteral("/leads"),
                     [this] { return QHttpServerResponse(QByteArrayLiteral("application/json"), m_page); });
        m_port.storeRelease(server.listen(QHostAddress::LocalHost, 0));
        exec();
    }

private:
    QByteArray m_page;
    QAtomicInteger<quint16> m_port;
};

// Sends GET requests to `next(previous body)` for `seconds`, `parallel` chains
// at once, and returns requests per second.
double requestsPerSecond(const std::function<QUrl(const QByteArray &)> &next, const QByteArray &key, double seconds,
                         int parallel)
{
    QNetworkAccessManager network;
    QElapsedTimer timer;
    timer.start();
    qint64 done = 0;
    int running = parallel;
    std::function<void(const QByteArray &)> send = [&](const QByteArray &previous) {
        if (timer.elapsed() > seconds * 1000) {
            if (--running == 0)
                QCoreApplication::quit();
            return;
        }
        QNetworkRequest request(next(previous));
        request.setRawHeader("Authorization", "Bearer " + key);
        QNetworkReply *reply = network.get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
            reply->deleteLater();
            ++done;
            send(reply->readAll());
        });
    };
    for (int i = 0; i < parallel; ++i)
        QTimer::singleShot(0, [&] { send(QByteArray()); });
    QCoreApplication::exec();
    return static_cast<double>(done) * 1000.0 / static_cast<double>(timer.elapsed());
}

void benchSeed(qint64 leads)
{
    QTemporaryDir dir;
    QString error;
    const double seed = seedSeconds(dir.filePath(QStringLiteral("sim.sqlite")), leads, &error);
    if (seed < 0) {
        std::fprintf(stderr, "bench_sim: %s\n", qPrintable(error));
        return;
    }
    const double floor = plainInsertSeconds(dir.filePath(QStringLiteral("floor.sqlite")), leads);
    printLine({{QStringLiteral("bench"), QStringLiteral("sim_seed")},
               {QStringLiteral("leads"), leads},
               {QStringLiteral("seconds"), round2(seed)},
               {QStringLiteral("leads_per_s"), std::round(static_cast<double>(leads) / seed)},
               {QStringLiteral("target_seconds_per_million"), 60},
               {QStringLiteral("floor_plain_insert_seconds"), round2(floor)}});
}

void benchServe(qint64 leads, double seconds)
{
    sim::SimOptions options;
    options.leads = leads;
    options.rateLimit = 0;
    sim::SimThread sim(options);
    QString error;
    if (!sim.startServer(&error)) {
        std::fprintf(stderr, "bench_sim: %s\n", qPrintable(error));
        return;
    }
    QUrl base = sim.baseUrl();
    base.setPath(QStringLiteral("/crm/%1/leads").arg(options.clientId));
    // Walk the list with the cursor, from the start again at the end.
    auto nextPage = [base](const QByteArray &previous) {
        QUrl url = base;
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
        // A byte search, not a JSON parse: the client's cost stays out of the figure.
        static const QByteArray marker = QByteArrayLiteral("\"next_cursor\":\"");
        const qsizetype at = previous.indexOf(marker);
        const QString cursor =
            at < 0 ? QString()
                   : QString::fromLatin1(previous.mid(at + marker.size(),
                                                      previous.indexOf('"', at + marker.size()) - at - marker.size()));
        if (!cursor.isEmpty())
            query.addQueryItem(QStringLiteral("cursor"), cursor);
        url.setQuery(query);
        return url;
    };
    const double simRate = requestsPerSecond(nextPage, sim.apiKey().toUtf8(), seconds, 4);

    QNetworkAccessManager network;
    QNetworkRequest first(nextPage(QByteArray()));
    first.setRawHeader("Authorization", "Bearer " + sim.apiKey().toUtf8());
    QNetworkReply *reply = network.get(first);
    QObject::connect(reply, &QNetworkReply::finished, &QCoreApplication::quit);
    QCoreApplication::exec();
    const QByteArray page = reply->readAll();
    delete reply;

    StaticServerThread bare(page);
    bare.start();
    while (!bare.port())
        QThread::msleep(5);
    QUrl staticUrl;
    staticUrl.setScheme(QStringLiteral("http"));
    staticUrl.setHost(QStringLiteral("127.0.0.1"));
    staticUrl.setPort(bare.port());
    staticUrl.setPath(QStringLiteral("/leads"));
    const double floorRate =
        requestsPerSecond([staticUrl](const QByteArray &) { return staticUrl; }, QByteArray(), seconds, 4);
    bare.quit();
    bare.wait();
    printLine({{QStringLiteral("bench"), QStringLiteral("sim_serve_leads_page")},
               {QStringLiteral("leads"), leads},
               {QStringLiteral("limit"), 200},
               {QStringLiteral("page_bytes"), page.size()},
               {QStringLiteral("requests_per_s"), round1(simRate)},
               {QStringLiteral("floor_static_qhttpserver_requests_per_s"), round1(floorRate)}});
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("leads"), QStringLiteral("Leads to seed (default 1000000)."), QStringLiteral("N"),
         QStringLiteral("1000000")},
        {QStringLiteral("serve-leads"), QStringLiteral("Leads behind the serving benchmark (default 100000)."),
         QStringLiteral("N"), QStringLiteral("100000")},
        {QStringLiteral("seconds"), QStringLiteral("Length of each serving loop (default 5)."), QStringLiteral("S"),
         QStringLiteral("5")},
    });
    parser.process(app);
    benchSeed(parser.value(QStringLiteral("leads")).toLongLong());
    benchServe(parser.value(QStringLiteral("serve-leads")).toLongLong(),
               parser.value(QStringLiteral("seconds")).toDouble());
    return 0;
}
