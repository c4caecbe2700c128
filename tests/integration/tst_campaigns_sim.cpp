#include "SimFixture.h"
#include "analytics/LocalAnalytics.h"
#include "api/ApiClient.h"
#include "campaigns/AudienceQuery.h"
#include "campaigns/CampaignApi.h"
#include "campaigns/CampaignQueue.h"
#include "campaigns/CampaignRules.h"
#include "campaigns/CampaignStore.h"
#include "outbox/OutboxReplayer.h"
#include "storage/Database.h"
#include "storage/LeadStore.h"
#include "sync/SyncEngine.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace outpost;
using outpost::sim::SimOptions;
using outpost::test::SimFixture;

// Local audience, local dashboard figures and the campaign send, against the
// reference server: a cache synced from outpost-sim must give the server's
// own answers, and a send must act exactly once whatever the network does.
class TestCampaignsSim : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SimFixture m_sim;
    std::unique_ptr<ApiClient> m_api;
    std::optional<Database> m_db;

    std::unique_ptr<ApiClient> makeClient(int maxAttempts)
    {
        ApiConfig config;
        config.baseUrl = m_sim.baseUrl();
        config.clientId = m_sim.clientId();
        config.apiKey = m_sim.apiKey();
        config.backoffBaseMs = 50;
        config.backoffCapMs = 300;
        config.maxAttempts = maxAttempts;
        config.transferTimeoutMs = 10000;
        auto budget = std::make_shared<RateBudget>(RateBudget::Limit{100000, 60000}, Clock::system());
        return std::make_unique<ApiClient>(config, budget);
    }

    QJsonObject serverGet(const QString &path, const QUrlQuery &query = {})
    {
        const SimFixture::Reply r = m_sim.get(path, query);
        if (r.status != 200)
            qFatal("%s answered %d", qPrintable(path), r.status);
        QJsonObject o = r.json;
        o.remove(QStringLiteral("ok"));
        return o;
    }

    // One run of the outbox, as the app's sync thread runs it.
    OutboxReplayer::Outcome replay()
    {
        OutboxReplayer replayer(m_dir.filePath(QStringLiteral("cache.sqlite")),
                                m_dir.filePath(QStringLiteral("sync.lock")), m_api.get());
        replayer.setBackoff(20, 100);
        replayer.setMaxTransientFailures(4);
        QSignalSpy finished(&replayer, &OutboxReplayer::finished);
        replayer.start();
        if (finished.isEmpty() && !finished.wait(120000))
            qFatal("the outbox run never ended");
        return finished.first().at(0).value<OutboxReplayer::Outcome>();
    }

    Campaign reread(qint64 localId)
    {
        auto c = CampaignStore(*m_db).find(localId);
        if (!c || !c->has_value())
            qFatal("campaign %lld left the cache", localId);
        return **c;
    }

    // Runs the outbox until the campaign's send is settled one way or another.
    Campaign replayUntilSettled(qint64 localId)
    {
        for (int run = 0; run < 30; ++run) {
            replay();
            const Campaign c = reread(localId);
            if (c.status != QLatin1StringView("queued") || c.displayStatus() != QLatin1StringView("queued"))
                return c;
        }
        return reread(localId);
    }

    int faultsMetOnCampaignPosts(qint64 since)
    {
        int n = 0;
        for (const QJsonValue &v : m_sim.ledger(since)) {
            const QJsonObject e = v.toObject();
            const QString path = e.value(QStringLiteral("path")).toString();
            if (e.value(QStringLiteral("method")).toString() == QLatin1StringView("POST") &&
                (path.endsWith(QStringLiteral("/campaigns")) || path.endsWith(QStringLiteral("/send"))) &&
                !e.value(QStringLiteral("fault")).toString().isEmpty())
                ++n;
        }
        return n;
    }

    int actedSends(qint64 serverId)
    {
        int n = 0;
        for (const QJsonValue &v : m_sim.ledger(0)) {
            const QJsonObject e = v.toObject();
            if (e.value(QStringLiteral("path"))
                    .toString()
                    .endsWith(QStringLiteral("/campaigns/%1/send").arg(serverId)) &&
                !e.value(QStringLiteral("mutation")).isNull() && !e.value(QStringLiteral("replayed")).toBool())
                ++n;
        }
        return n;
    }

    int actedCreates()
    {
        int n = 0;
        for (const QJsonValue &v : m_sim.ledger(0)) {
            const QJsonObject e = v.toObject();
            if (e.value(QStringLiteral("method")).toString() == QLatin1StringView("POST") &&
                e.value(QStringLiteral("path")).toString().endsWith(QStringLiteral("/campaigns")) &&
                !e.value(QStringLiteral("mutation")).isNull() && !e.value(QStringLiteral("replayed")).toBool())
                ++n;
        }
        return n;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SimOptions options;
        options.rateLimit = 0;
        options.leads = 700;
        options.seed = 5;
        QVERIFY2(m_sim.start(options), qPrintable(m_sim.errorString()));
        m_api = makeClient(6);
        const QString cache = m_dir.filePath(QStringLiteral("cache.sqlite"));
        {
            SyncEngine engine(cache, m_dir.filePath(QStringLiteral("sync.lock")), m_api.get());
            SyncOptions sync;
            sync.details = SyncOptions::Details::All;
            sync.detailsInFlight = 4;
            QSignalSpy finished(&engine, &SyncEngine::finished);
            engine.start(sync);
            QVERIFY(finished.wait(240000));
            QCOMPARE(finished.first().at(0).value<SyncEngine::Outcome>(), SyncEngine::Outcome::Completed);
        }
        auto db = Database::open(cache);
        QVERIFY(db.ok());
        m_db.emplace(std::move(*db));
    }

    void localAudienceEqualsTheServers_data()
    {
        QTest::addColumn<QJsonObject>("filters");
        const QString mid = QDateTime::currentDateTimeUtc().addDays(-45).toString(Qt::ISODate);
        const QString recent = QDateTime::currentDateTimeUtc().addDays(-10).toString(Qt::ISODate);
        auto f = [](std::initializer_list<std::pair<const char *, QString>> list) {
            QJsonObject o;
            for (const auto &[k, v] : list)
                o.insert(QLatin1StringView(k), v);
            return o;
        };
        QTest::newRow("everyone") << QJsonObject();
        QTest::newRow("status") << f({{"status", QStringLiteral("qualified")}});
        QTest::newRow("status+channel") << f(
            {{"status", QStringLiteral("qualified")}, {"channel", QStringLiteral("whatsapp")}});
        QTest::newRow("channel+source") << f(
            {{"channel", QStringLiteral("sms")}, {"source", QStringLiteral("web_form")}});
        QTest::newRow("tag") << f({{"tag", QStringLiteral("vip")}});
        QTest::newRow("agent+status") << f(
            {{"assigned_agent", QStringLiteral("Maria")}, {"status", QStringLiteral("new")}});
        QTest::newRow("created_after") << f({{"created_after", mid}});
        QTest::newRow("created range") << f({{"created_after", mid}, {"created_before", recent}});
        QTest::newRow("last_message_before") << f({{"last_message_before", mid}});
        QTest::newRow("all of them") << f({{"status", QStringLiteral("new")},
                                           {"channel", QStringLiteral("whatsapp")},
                                           {"created_after", mid},
                                           {"last_message_before", recent}});
        QTest::newRow("sql text") << f({{"tag", QStringLiteral("vip' OR '1'='1")}});
        QTest::newRow("percent") << f({{"tag", QStringLiteral("%")}});
        QTest::newRow("underscore") << f({{"source", QStringLiteral("web_for_")}});
        QTest::newRow("emoji") << f({{"assigned_agent", QStringLiteral("🚀")}});
        QTest::newRow("quote") << f({{"channel", QStringLiteral("'")}});
        QTest::newRow("channel") << f({{"channel", QStringLiteral("sms")}});
        QTest::newRow("source+agent") << f(
            {{"source", QStringLiteral("referral")}, {"assigned_agent", QStringLiteral("Maria")}});
        QTest::newRow("created_before") << f({{"created_before", mid}});
        QTest::newRow("tag+status") << f({{"tag", QStringLiteral("vip")}, {"status", QStringLiteral("new")}});
        QTest::newRow("tag+created_after") << f({{"tag", QStringLiteral("hot")}, {"created_after", mid}});
        QTest::newRow("tag+agent+last_message_before") << f({{"tag", QStringLiteral("b2b")},
                                                             {"assigned_agent", QStringLiteral("Ahmed")},
                                                             {"last_message_before", recent}});
        QTest::newRow("hostile agent") << f({{"assigned_agent", QStringLiteral("x' OR 1=1 --%_")}});
        QTest::newRow("hostile source+status")
            << f({{"source", QStringLiteral("'; DROP TABLE leads; --")}, {"status", QStringLiteral("new")}});
    }

    void localAudienceEqualsTheServers()
    {
        QFETCH(QJsonObject, filters);
        auto filter = LeadFilter::fromJson(filters);
        QVERIFY(filter.ok());
        LeadStore store(*m_db);
        auto local = AudienceQuery(store).preview(*filter, 10);
        QVERIFY(local.ok());

        std::optional<Result<Audience, ApiError>> server;
        CampaignApi::preview(*m_api, *filter, this, [&server](const Result<Audience, ApiError> &r) { server = r; });
        QTRY_VERIFY_WITH_TIMEOUT(server.has_value(), 30000);
        QVERIFY2(server->ok(), qPrintable(server->ok() ? QString() : server->error().describe()));
        QCOMPARE(local->count, (*server)->count);
        QCOMPARE(local->sample.size(), (*server)->sample.size());
        for (int i = 0; i < local->sample.size(); ++i) {
            QCOMPARE(local->sample.at(i).id, (*server)->sample.at(i).id);
            QCOMPARE(local->sample.at(i).name, (*server)->sample.at(i).name);
        }
        if (QByteArray(QTest::currentDataTag()) == "status+channel")
            QVERIFY(local->count > 0);
        // The builder's preview stops counting past the cap: it says so exactly when the service's count is over it.
        auto capped = AudienceQuery(store).preview(*filter, 10, CampaignRules::maxAudience);
        QVERIFY(capped.ok());
        QCOMPARE(capped->exact, (*server)->count <= CampaignRules::maxAudience);
        QCOMPARE(capped->count, std::min((*server)->count, CampaignRules::maxAudience));
    }

    void localOverviewAndFunnelEqualTheServers()
    {
        LocalAnalytics local(*m_db);
        QCOMPARE(local.overview().value(), serverGet(QStringLiteral("/overview")));
        QCOMPARE(local.funnel().value(), serverGet(QStringLiteral("/analytics/summary")));
    }

    void localSlaEqualsTheServers_data()
    {
        QTest::addColumn<int>("days");
        QTest::newRow("7") << 7;
        QTest::newRow("30") << 30;
        QTest::newRow("90") << 90;
    }

    void localSlaEqualsTheServers()
    {
        QFETCH(int, days);
        const QJsonObject server =
            serverGet(QStringLiteral("/sla"), QUrlQuery{{QStringLiteral("days"), QString::number(days)}});
        auto local = LocalAnalytics(*m_db).sla(days);
        QVERIFY(local.ok());
        for (const char *part : {"first_response", "resolution", "queue", "agents", "days"})
            QCOMPARE(local->value(QLatin1StringView(part)), server.value(QLatin1StringView(part)));
        QVERIFY(local->value(QStringLiteral("first_response"))[QStringLiteral("count")].toInteger() > 0);
    }

    void sendThroughTheOutboxActsOnceUnderFaults()
    {
        CampaignStore campaigns(*m_db);
        const QJsonObject filters{{QStringLiteral("status"), QStringLiteral("qualified")},
                                  {QStringLiteral("channel"), QStringLiteral("whatsapp")}};
        auto draft = campaigns.createDraft(QStringLiteral("Spring 'promo' 🚀"), filters,
                                           QStringLiteral("Hi {first_name}, {agent} here. {coupon}"));
        QVERIFY(draft.ok());
        const int createsBefore = actedCreates();
        const qint64 before = m_sim.ledgerHead();
        auto queued = CampaignQueue(*m_db).queueSend(draft->localId);
        QVERIFY2(queued.ok(), queued.ok() ? "" : qPrintable(queued.error().message));
        QCOMPARE(queued->displayStatus(), QStringLiteral("queued"));
        QVERIFY(!queued->createKey.isEmpty() && !queued->sendKey.isEmpty());
        // Queued once: asking again is refused, nothing more is queued.
        QVERIFY(!CampaignQueue(*m_db).queueSend(draft->localId).ok());

        // The first look at the service's campaigns is slow; the create then
        // acts and its answer is lost (so is the network stack's silent
        // repeat), and what comes next meets a 500.
        for (const char *kind : {"slow", "drop-after-apply", "drop-after-apply", "500"})
            m_sim.admin("POST", QStringLiteral("fault"),
                        {{QStringLiteral("kind"), QLatin1StringView(kind)}, {QStringLiteral("count"), 1}});
        const Campaign sent = replayUntilSettled(draft->localId);
        QVERIFY2(sent.status == QLatin1StringView("sending"), qPrintable(sent.displayStatus() + sent.outboxError));
        QCOMPARE(sent.outboxState, QStringLiteral("done"));
        QVERIFY(sent.serverId > 0);
        QVERIFY(faultsMetOnCampaignPosts(before) > 0);
        QCOMPARE(actedCreates(), createsBefore + 1);
        QCOMPARE(actedSends(sent.serverId), 1);

        // Another run sends nothing more.
        QCOMPARE(replay(), OutboxReplayer::Outcome::Drained);
        QCOMPARE(actedSends(sent.serverId), 1);
        const QJsonObject listed = serverGet(QStringLiteral("/campaigns"));
        int named = 0;
        for (const QJsonValue &c : listed.value(QStringLiteral("campaigns")).toArray())
            named += c.toObject().value(QStringLiteral("name")).toString() == draft->name ? 1 : 0;
        QCOMPARE(named, 1);

        std::optional<Result<CampaignStats, ApiError>> stats;
        CampaignApi::stats(*m_api, sent.serverId, this,
                           [&stats](const Result<CampaignStats, ApiError> &r) { stats = r; });
        QTRY_VERIFY_WITH_TIMEOUT(stats.has_value(), 30000);
        QVERIFY(stats->ok());
        QVERIFY((*stats)->sent > 0);
        if (sent.queued)
            QCOMPARE((*stats)->sent, *sent.queued);
    }

    void aLostSendAnswerIsCheckedNotRepeated()
    {
        // A campaign the service already has: the outbox holds only its send.
        const QJsonObject filters{{QStringLiteral("status"), QStringLiteral("new")},
                                  {QStringLiteral("channel"), QStringLiteral("sms")}};
        const SimFixture::Reply created = m_sim.api("POST", QStringLiteral("/campaigns"),
                                                    {{QStringLiteral("name"), QStringLiteral("Retry")},
                                                     {QStringLiteral("filters"), filters},
                                                     {QStringLiteral("message"), QStringLiteral("Hello {name}")}});
        QCOMPARE(created.status, 200);
        const qint64 serverId = created.json[QStringLiteral("campaign")][QStringLiteral("id")].toInteger();
        QVERIFY(serverId > 0);
        CampaignStore campaigns(*m_db);
        auto draft = campaigns.createDraft(QStringLiteral("Retry"), filters, QStringLiteral("Hello {name}"));
        QVERIFY(draft.ok());
        QVERIFY(campaigns.setServerId(draft->localId, serverId).ok());
        QVERIFY(CampaignQueue(*m_db).queueSend(draft->localId).ok());

        // The service is gone while the outbox runs: the send stays queued.
        m_sim.admin("POST", QStringLiteral("down"), {{QStringLiteral("mode"), QStringLiteral("503")}});
        replay();
        m_sim.admin("POST", QStringLiteral("up"));
        QCOMPARE(reread(draft->localId).displayStatus(), QStringLiteral("queued"));
        QCOMPARE(actedSends(serverId), 0);

        // The failed attempt left the send "maybe sent": the service's campaign
        // is looked at first (slowly), then the send acts and its answer is
        // lost (the network stack's silent repeat too): the outbox looks again
        // instead of sending again.
        const qint64 before = m_sim.ledgerHead();
        for (const char *kind : {"slow", "drop-after-apply", "drop-after-apply"})
            m_sim.admin("POST", QStringLiteral("fault"),
                        {{QStringLiteral("kind"), QLatin1StringView(kind)}, {QStringLiteral("count"), 1}});
        const Campaign c = replayUntilSettled(draft->localId);
        QVERIFY2(c.status == QLatin1StringView("sending"), qPrintable(c.displayStatus() + c.outboxError));
        QCOMPARE(c.outboxState, QStringLiteral("done"));
        QCOMPARE(actedSends(serverId), 1);
        int sendPosts = 0;
        bool checked = false;
        for (const QJsonValue &v : m_sim.ledger(before)) {
            const QJsonObject e = v.toObject();
            const QString path = e.value(QStringLiteral("path")).toString();
            if (path.endsWith(QStringLiteral("/campaigns/%1/send").arg(serverId))) {
                ++sendPosts;
                QCOMPARE(e.value(QStringLiteral("fault")).toString(), QStringLiteral("drop-after-apply"));
            }
            checked = checked || (e.value(QStringLiteral("method")).toString() == QLatin1StringView("GET") &&
                                  path.endsWith(QStringLiteral("/campaigns")));
        }
        // Only the send whose answer was lost (and its silent repeat): none after the check.
        QVERIFY(sendPosts >= 1);
        QVERIFY(checked);
    }

    void anAudienceOverTheCapIsRefusedByTheServiceAndNothingIsSent()
    {
        CampaignStore campaigns(*m_db);
        auto draft = campaigns.createDraft(QStringLiteral("Everyone"), {}, QStringLiteral("Hi {name}"));
        QVERIFY(draft.ok());
        LeadStore store(*m_db);
        QVERIFY(AudienceQuery(store).preview({}, 0)->count > 500);
        // The app refuses it before queueing; a queued one (an older app, a
        // cache behind the service) is refused by the service and kept visible.
        QVERIFY(CampaignQueue(*m_db).queueSend(draft->localId).ok());
        const Campaign c = replayUntilSettled(draft->localId);
        QCOMPARE(c.displayStatus(), QStringLiteral("failed"));
        QVERIFY2(c.outboxError.contains(QStringLiteral("500")), qPrintable(c.outboxError));
        QVERIFY(c.serverId > 0);
        QCOMPARE(actedSends(c.serverId), 0);
    }
};

QTEST_GUILESS_MAIN(TestCampaignsSim)
#include "tst_campaigns_sim.moc"
