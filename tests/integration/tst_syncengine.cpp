#include "SimFixture.h"
#include "api/ApiClient.h"
#include "domain/LeadCodec.h"
#include "storage/Database.h"
#include "sync/SyncEngine.h"
#include "sync/SyncStore.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace outpost;
using outpost::sim::SimOptions;
using outpost::test::SimFixture;

// The sync engine against the reference server over loopback: real HTTP,
// a real SQLite cache, the server's own export as the truth.
class TestSyncEngine : public QObject
{
    Q_OBJECT

private:
    struct Client
    {
        std::unique_ptr<ApiClient> api;
        std::unique_ptr<SyncEngine> engine;
    };

    QTemporaryDir m_dir;
    int m_runs = 0;

    QString cachePath(const QString &name) const { return m_dir.filePath(name + QStringLiteral(".sqlite")); }
    QString lockPath(const QString &name) const { return m_dir.filePath(name + QStringLiteral(".lock")); }

    Client makeClient(SimFixture &sim, const QString &name, const QString &key = QString())
    {
        ApiConfig config;
        config.baseUrl = sim.baseUrl();
        config.clientId = sim.clientId();
        config.apiKey = key.isEmpty() ? sim.apiKey() : key;
        // Tests shrink time: retries come fast.
        config.backoffBaseMs = 50;
        config.backoffCapMs = 500;
        config.maxAttempts = 8;
        auto budget = std::make_shared<RateBudget>(RateBudget::Limit{100000, 60000}, Clock::system());
        Client client;
        client.api = std::make_unique<ApiClient>(config, budget);
        client.engine = std::make_unique<SyncEngine>(cachePath(name), lockPath(name), client.api.get());
        return client;
    }

    static std::pair<SyncEngine::Outcome, QString> runSync(SyncEngine &engine, SyncOptions options = {},
                                                           int timeoutMs = 120000)
    {
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.start(options);
        if (finished.isEmpty() && !finished.wait(timeoutMs))
            return {SyncEngine::Outcome::Failed, QStringLiteral("no end within the time limit")};
        return {finished.first().at(0).value<SyncEngine::Outcome>(), finished.first().at(1).toString()};
    }

    static QMap<qint64, QJsonObject> serverLeads(SimFixture &sim, bool withDetails)
    {
        QMap<qint64, QJsonObject> leads;
        const QJsonValue exported = sim.admin("GET", QStringLiteral("/__sim/export"));
        const QJsonArray array =
            exported.isArray() ? exported.toArray() : exported.toObject().value(QStringLiteral("leads")).toArray();
        for (const QJsonValue &value : array) {
            auto detail = LeadCodec::detailFromJson(value.toObject());
            if (!detail)
                qFatal("export unreadable: %s", qPrintable(detail.error().message));
            leads.insert(detail->lead.id,
                         withDetails ? LeadCodec::detailToJson(*detail) : LeadCodec::leadToJson(detail->lead));
        }
        return leads;
    }

    // Every cached lead equals the server's; with details, their details too.
    void compareWithServer(SimFixture &sim, const QString &name, bool withDetails)
    {
        const QMap<qint64, QJsonObject> expected = serverLeads(sim, withDetails);
        auto db = Database::open(cachePath(name));
        QVERIFY(db.ok());
        SyncStore store(*db);
        QCOMPARE(store.leads().totalCount().value(), qint64(expected.size()));
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            if (withDetails) {
                auto detail = store.leads().detail(it.key());
                QVERIFY(detail.ok() && detail->has_value());
                QCOMPARE(LeadCodec::detailToJson(**detail), it.value());
            } else {
                auto lead = store.leads().lead(it.key());
                QVERIFY2(lead.ok() && lead->has_value(), qPrintable(QString::number(it.key())));
                QCOMPARE(LeadCodec::leadToJson(**lead), it.value());
            }
        }
    }

    static int countRequests(const QJsonArray &ledger, const QString &pathEnd, int status = 0)
    {
        int n = 0;
        for (const QJsonValue &entry : ledger) {
            const QJsonObject o = entry.toObject();
            if (o.value(QStringLiteral("path")).toString().endsWith(pathEnd) &&
                (status == 0 || o.value(QStringLiteral("status")).toInt() == status))
                ++n;
        }
        return n;
    }

    static qint64 lastSeq(SimFixture &sim)
    {
        const QJsonArray ledger = sim.ledger(0);
        return ledger.isEmpty() ? 0 : ledger.last().toObject().value(QStringLiteral("seq")).toInteger();
    }

private slots:
    void fullSyncWithDetailsEqualsTheServer()
    {
        SimFixture sim;
        SimOptions options;
        options.rateLimit = 0;
        options.leads = 300;
        options.seed = 7;
        QVERIFY(sim.start(options));
        Client client = makeClient(sim, QStringLiteral("full"));
        SyncOptions sync;
        sync.details = SyncOptions::Details::All;
        QSignalSpy changed(client.engine.get(), &SyncEngine::leadsChanged);
        const auto [outcome, message] = runSync(*client.engine, sync);
        QVERIFY2(outcome == SyncEngine::Outcome::Completed, qPrintable(message));
        QVERIFY(!changed.isEmpty());
        compareWithServer(sim, QStringLiteral("full"), true);

        auto db = Database::open(cachePath(QStringLiteral("full")));
        SyncStore store(*db);
        QCOMPARE(store.value(QStringLiteral("sync.updated_since")).value(), QStringLiteral("yes"));
        QVERIFY(store.snapshot(QStringLiteral("overview")).value().has_value());
        QVERIFY(store.snapshot(QStringLiteral("sla")).value().has_value());
        QCOMPARE(store.detailsDueCount().value(), 0);
    }

    void incrementalSyncAsksOnceAndAppliesChanges()
    {
        SimFixture sim;
        SimOptions options;
        options.rateLimit = 0;
        options.leads = 250;
        QVERIFY(sim.start(options));
        Client client = makeClient(sim, QStringLiteral("incremental"));
        SyncOptions sync;
        sync.details = SyncOptions::Details::None;
        QCOMPARE(runSync(*client.engine, sync).first, SyncEngine::Outcome::Completed);

        sim.admin("PATCH", QStringLiteral("/__sim/leads/5"), {{QStringLiteral("status"), QStringLiteral("lost")}});
        sim.admin("DELETE", QStringLiteral("/__sim/leads/7"));
        const qint64 mark = lastSeq(sim);
        sync.details = SyncOptions::Details::Changed;
        QSignalSpy changed(client.engine.get(), &SyncEngine::leadsChanged);
        const auto [outcome, message] = runSync(*client.engine, sync);
        QVERIFY2(outcome == SyncEngine::Outcome::Completed, qPrintable(message));
        const QJsonArray ledger = sim.ledger(mark);
        QCOMPARE(countRequests(ledger, QStringLiteral("/leads")), 1);
        // The changed lead's details, and only those.
        QCOMPARE(countRequests(ledger, QStringLiteral("/lead/5")), 1);
        int detailRequests = 0;
        for (const QJsonValue &entry : ledger)
            detailRequests +=
                entry.toObject().value(QStringLiteral("path")).toString().contains(QStringLiteral("/lead/"));
        QCOMPARE(detailRequests, 1);
        compareWithServer(sim, QStringLiteral("incremental"), false);
        QSet<qint64> touched;
        for (const QList<QVariant> &args : changed)
            for (qint64 id : args.first().value<QList<qint64>>())
                touched.insert(id);
        QVERIFY(touched.contains(5));
        QVERIFY(touched.contains(7));
    }

    void legacyServerGetsFullScansThatRemoveWhatVanished()
    {
        SimFixture sim;
        SimOptions options;
        options.rateLimit = 0;
        options.leads = 150;
        options.legacy = true;
        QVERIFY(sim.start(options));
        Client client = makeClient(sim, QStringLiteral("legacy"));
        SyncOptions sync;
        sync.details = SyncOptions::Details::None;
        QCOMPARE(runSync(*client.engine, sync).first, SyncEngine::Outcome::Completed);
        compareWithServer(sim, QStringLiteral("legacy"), false);
        sim.admin("DELETE", QStringLiteral("/__sim/leads/3"));
        sim.admin("PATCH", QStringLiteral("/__sim/leads/4"),
                  {{QStringLiteral("name"), QStringLiteral("Zoë Ångström")}});
        QCOMPARE(runSync(*client.engine, sync).first, SyncEngine::Outcome::Completed);
        compareWithServer(sim, QStringLiteral("legacy"), false);
        auto db = Database::open(cachePath(QStringLiteral("legacy")));
        SyncStore store(*db);
        QCOMPARE(store.value(QStringLiteral("sync.updated_since")).value(), QStringLiteral("no"));
    }

    void faultyServerStillEndsEqual_data()
    {
        QTest::addColumn<bool>("legacy");
        QTest::newRow("reference") << false;
        QTest::newRow("legacy") << true;
    }

    void faultyServerStillEndsEqual()
    {
        QFETCH(bool, legacy);
        SimFixture sim;
        SimOptions options;
        options.rateLimit = 0;
        // A legacy server lists one page of at most 200: its whole world fits in it.
        options.leads = legacy ? 180 : 400;
        options.legacy = legacy;
        options.faultRate = 0.2;
        QVERIFY(sim.start(options));
        const QString name = QStringLiteral("faults-%1").arg(legacy);
        Client client = makeClient(sim, name);
        SyncOptions sync;
        sync.pageSize = legacy ? 200 : 50;
        sync.details = SyncOptions::Details::All;
        // Faults may exhaust a request's retries: the run then stops as offline
        // and the next one resumes; a few runs must reach the end.
        SyncEngine::Outcome outcome = SyncEngine::Outcome::Failed;
        QString message;
        for (int run = 0; run < 6 && outcome != SyncEngine::Outcome::Completed; ++run)
            std::tie(outcome, message) = runSync(*client.engine, sync);
        QVERIFY2(outcome == SyncEngine::Outcome::Completed, qPrintable(message));
        sim.admin("POST", QStringLiteral("/__sim/config"), {{QStringLiteral("fault_rate"), 0.0}});
        compareWithServer(sim, name, true);
    }

    void revokedKeyStopsAndAsksForANewOne()
    {
        SimFixture sim;
        SimOptions options;
        options.rateLimit = 0;
        options.leads = 20;
        QVERIFY(sim.start(options));
        sim.admin("POST", QStringLiteral("/__sim/keys/revoke"), {{QStringLiteral("secret"), sim.apiKey()}});
        Client client = makeClient(sim, QStringLiteral("revoked"));
        QSignalSpy unauthorized(client.api.get(), &ApiClient::unauthorized);
        const auto [outcome, message] = runSync(*client.engine);
        QCOMPARE(outcome, SyncEngine::Outcome::AuthNeeded);
        QVERIFY(!message.isEmpty());
        QCOMPARE(unauthorized.size(), 1);
        QVERIFY(!message.contains(sim.apiKey()));
    }

    void cancelledSyncResumesFromItsCheckpoint()
    {
        SimFixture sim;
        SimOptions options;
        options.rateLimit = 0;
        options.leads = 3000;
        QVERIFY(sim.start(options));
        Client client = makeClient(sim, QStringLiteral("resume"));
        SyncOptions sync;
        sync.pageSize = 50;
        sync.details = SyncOptions::Details::None;
        QSignalSpy finished(client.engine.get(), &SyncEngine::finished);
        connect(client.engine.get(), &SyncEngine::progress, client.engine.get(), [&](qint64 done, qint64) {
            if (done > 0)
                client.engine->cancel();
        });
        client.engine->start(sync);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).value<SyncEngine::Outcome>(), SyncEngine::Outcome::Cancelled);
        disconnect(client.engine.get(), &SyncEngine::progress, client.engine.get(), nullptr);
        qint64 cached = 0;
        {
            auto db = Database::open(cachePath(QStringLiteral("resume")));
            SyncStore store(*db);
            cached = store.leads().totalCount().value();
            // Whole pages only, as many as were written before the cancel.
            QVERIFY2(cached >= 50 && cached < 3000 && cached % 50 == 0, qPrintable(QString::number(cached)));
            QCOMPARE(store.value(QStringLiteral("sync.run")).value(), QStringLiteral("full"));
            QVERIFY(!store.value(QStringLiteral("sync.cursor")).value().isEmpty());
            // The first fill defers its search index until the scan is over.
            QVERIFY(store.searchDeferred().value());
        }
        const qint64 mark = lastSeq(sim);
        QCOMPARE(runSync(*client.engine, sync).first, SyncEngine::Outcome::Completed);
        // The rest, in pages of 50, none of the written ones again.
        QCOMPARE(countRequests(sim.ledger(mark), QStringLiteral("/leads")), int((3000 - cached) / 50));
        compareWithServer(sim, QStringLiteral("resume"), false);
        // Built at the end over every lead, those of both runs.
        auto db = Database::open(cachePath(QStringLiteral("resume")));
        SyncStore store(*db);
        QVERIFY(!store.searchDeferred().value());
        auto all =
            store.leads().window({LeadFilter(), LeadSort{LeadSort::Key::Newest, Qt::AscendingOrder}, 3000, 0, {}});
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 3000);
        for (const Lead &lead : {all->first(), all->at(1500), all->last()}) {
            QVERIFY(!lead.phone.isEmpty());
            LeadFilter byPhone;
            byPhone.search = lead.phone;
            auto found = store.leads().window({byPhone, {}, 3000, 0, {}});
            QVERIFY(found.ok());
            QVERIFY2(std::any_of(found->cbegin(), found->cend(), [&](const Lead &l) { return l.id == lead.id; }),
                     qPrintable(lead.phone));
        }
    }

    void searchIndexBuildIsCancellableAndResumes()
    {
        SimFixture sim;
        SimOptions options;
        options.rateLimit = 0;
        options.leads = 1500;
        QVERIFY(sim.start(options));
        Client client = makeClient(sim, QStringLiteral("indexcancel"));
        SyncOptions sync;
        sync.details = SyncOptions::Details::None;
        sync.snapshots = false;
        QSignalSpy building(client.engine.get(), &SyncEngine::searchIndexProgress);
        QSignalSpy finished(client.engine.get(), &SyncEngine::finished);
        // Cancelled at the first step of the build: the listing itself is done.
        connect(client.engine.get(), &SyncEngine::searchIndexProgress, client.engine.get(),
                [&](qint64, qint64) { client.engine->cancel(); });
        client.engine->start(sync);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).value<SyncEngine::Outcome>(), SyncEngine::Outcome::Cancelled);
        disconnect(client.engine.get(), &SyncEngine::searchIndexProgress, client.engine.get(), nullptr);
        QCOMPARE(building.size(), 1);
        QCOMPARE(building.first().at(1).toLongLong(), 1500);
        QVERIFY(building.first().at(0).toLongLong() < 1500);
        {
            auto db = Database::open(cachePath(QStringLiteral("indexcancel")));
            QVERIFY(db.ok());
            // Readable from any connection: what a model shows.
            auto state = SyncStore::searchBuild(*db);
            QVERIFY(state.ok());
            QVERIFY(state->building);
            QCOMPARE(state->total, 1500);
            SyncStore store(*db);
            QCOMPARE(store.leads().totalCount().value(), 1500);
            QVERIFY(store.value(QStringLiteral("sync.run")).value().isEmpty());
        }
        // The next run finishes the build before it lists anything.
        building.clear();
        QCOMPARE(runSync(*client.engine, sync).first, SyncEngine::Outcome::Completed);
        QVERIFY(!building.isEmpty());
        QCOMPARE(building.last().at(0).toLongLong(), 1500);
        QCOMPARE(building.last().at(1).toLongLong(), 1500);
        compareWithServer(sim, QStringLiteral("indexcancel"), false);
        auto db = Database::open(cachePath(QStringLiteral("indexcancel")));
        SyncStore store(*db);
        QVERIFY(!SyncStore::searchBuild(*db)->building);
        auto all =
            store.leads().window({LeadFilter(), LeadSort{LeadSort::Key::Newest, Qt::AscendingOrder}, 1500, 0, {}});
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 1500);
        for (const Lead &lead : {all->first(), all->at(700), all->last()}) {
            LeadFilter byPhone;
            byPhone.search = lead.phone;
            auto found = store.leads().window({byPhone, {}, 1500, 0, {}});
            QVERIFY(found.ok());
            QVERIFY2(std::any_of(found->cbegin(), found->cend(), [&](const Lead &l) { return l.id == lead.id; }),
                     qPrintable(lead.phone));
        }
    }

    void refusedCursorMakesTheNextRunStartOver()
    {
        SimFixture sim;
        SimOptions options;
        options.rateLimit = 0;
        options.leads = 120;
        QVERIFY(sim.start(options));
        {
            // A run interrupted at a cursor this server never gave.
            auto db = Database::open(cachePath(QStringLiteral("badcursor")));
            QVERIFY(db.ok());
            SyncStore store(*db);
            QVERIFY(store.setValue(QStringLiteral("sync.run"), QStringLiteral("full")).ok());
            QVERIFY(store.setValue(QStringLiteral("sync.cursor"), QStringLiteral("not-a-cursor';--")).ok());
        }
        Client client = makeClient(sim, QStringLiteral("badcursor"));
        SyncOptions sync;
        sync.details = SyncOptions::Details::None;
        const auto [outcome, message] = runSync(*client.engine, sync);
        QCOMPARE(outcome, SyncEngine::Outcome::Failed);
        QVERIFY2(message.contains(QStringLiteral("starts over")), qPrintable(message));
        QCOMPARE(runSync(*client.engine, sync).first, SyncEngine::Outcome::Completed);
        compareWithServer(sim, QStringLiteral("badcursor"), false);
    }

    void rateBudgetIsNeverExceeded()
    {
        SimFixture sim;
        SimOptions options;
        options.rateLimit = 0;
        options.leads = 1400;
        options.rateLimit = 3;
        options.rateWindowSecs = 1;
        QVERIFY(sim.start(options));
        ApiConfig config;
        config.baseUrl = sim.baseUrl();
        config.clientId = sim.clientId();
        config.apiKey = sim.apiKey();
        // The budget as the workspace's profile states it, before any header.
        auto budget = std::make_shared<RateBudget>(RateBudget::Limit{3, 1000}, Clock::system());
        ApiClient api(config, budget);
        SyncEngine engine(cachePath(QStringLiteral("budget")), lockPath(QStringLiteral("budget")), &api);
        SyncOptions sync;
        sync.details = SyncOptions::Details::None;
        const auto [outcome, message] = runSync(engine, sync);
        QVERIFY2(outcome == SyncEngine::Outcome::Completed, qPrintable(message));
        const QJsonArray ledger = sim.ledger(0);
        QCOMPARE(countRequests(ledger, QStringLiteral("/leads")), 7);
        QCOMPARE(countRequests(ledger, QString(), 429), 0);
        compareWithServer(sim, QStringLiteral("budget"), false);
    }

    void rateLimitedServerIsWaitedForQuietly()
    {
        SimFixture sim;
        SimOptions options;
        options.rateLimit = 0;
        options.leads = 600;
        options.rateLimit = 2;
        options.rateWindowSecs = 1;
        QVERIFY(sim.start(options));
        // A client that believes it may send far more: the server's 429s teach it.
        Client client = makeClient(sim, QStringLiteral("limited"));
        QSignalSpy limited(client.api.get(), &ApiClient::rateLimited);
        SyncOptions sync;
        sync.pageSize = 100;
        sync.details = SyncOptions::Details::None;
        const auto [outcome, message] = runSync(*client.engine, sync);
        QVERIFY2(outcome == SyncEngine::Outcome::Completed, qPrintable(message));
        compareWithServer(sim, QStringLiteral("limited"), false);
        // Only the first burst, sent before any rate-limit header arrived, may meet a 429.
        QVERIFY(countRequests(sim.ledger(0), QString(), 429) <= 4);
    }

    void basicPlanMarksPremiumFeaturesUnavailable()
    {
        SimFixture sim;
        SimOptions options;
        options.rateLimit = 0;
        options.leads = 30;
        options.plan = SimOptions::Plan::Basic;
        QVERIFY(sim.start(options));
        Client client = makeClient(sim, QStringLiteral("basic"));
        const auto [outcome, message] = runSync(*client.engine);
        QVERIFY2(outcome == SyncEngine::Outcome::Completed, qPrintable(message));
        auto db = Database::open(cachePath(QStringLiteral("basic")));
        SyncStore store(*db);
        QVERIFY(!store.value(QStringLiteral("feature.sla")).value().isEmpty());
        QVERIFY(!store.value(QStringLiteral("feature.campaigns")).value().isEmpty());
        QVERIFY(store.value(QStringLiteral("feature.overview")).value().isEmpty());
        QVERIFY(store.snapshot(QStringLiteral("overview")).value().has_value());
    }

    void secondSyncOfTheSameWorkspaceWaitsItsTurn()
    {
        SimFixture sim;
        SimOptions options;
        options.rateLimit = 0;
        options.leads = 10;
        QVERIFY(sim.start(options));
        QLockFile other(lockPath(QStringLiteral("locked")));
        QVERIFY(other.tryLock(0));
        Client client = makeClient(sim, QStringLiteral("locked"));
        const auto [outcome, message] = runSync(*client.engine);
        QCOMPARE(outcome, SyncEngine::Outcome::Locked);
        QVERIFY(message.contains(QString::number(QCoreApplication::applicationPid())));
        QCOMPARE(sim.ledger(0).size(), 0);
        other.unlock();
        QCOMPARE(runSync(*client.engine).first, SyncEngine::Outcome::Completed);
    }

    void openedLeadIsFetchedAtOnceAndA404DropsIt()
    {
        SimFixture sim;
        SimOptions options;
        options.rateLimit = 0;
        options.leads = 40;
        QVERIFY(sim.start(options));
        Client client = makeClient(sim, QStringLiteral("detail"));
        SyncOptions sync;
        sync.details = SyncOptions::Details::None;
        QCOMPARE(runSync(*client.engine, sync).first, SyncEngine::Outcome::Completed);

        QSignalSpy fetched(client.engine.get(), &SyncEngine::detailFetched);
        client.engine->fetchDetail(12);
        QVERIFY(fetched.wait(10000));
        QCOMPARE(fetched.first().at(1).toBool(), true);
        {
            auto db = Database::open(cachePath(QStringLiteral("detail")));
            SyncStore store(*db);
            QVERIFY(!store.leads().detail(12).value()->messages.isEmpty() ||
                    !store.leads().detail(12).value()->notes.isEmpty() ||
                    store.leads().detailsFetchedAt(12).value().isValid());
        }
        sim.admin("DELETE", QStringLiteral("/__sim/leads/13"));
        client.engine->fetchDetail(13);
        QVERIFY(fetched.wait(10000));
        auto db = Database::open(cachePath(QStringLiteral("detail")));
        SyncStore store(*db);
        QVERIFY(!store.leads().lead(13).value().has_value());
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
