#include "SimFixture.h"
#include "analytics/LocalAnalytics.h"
#include "api/ApiClient.h"
#include "campaigns/AudienceQuery.h"
#include "campaigns/CampaignApi.h"
#include "campaigns/CampaignSender.h"
#include "campaigns/CampaignStore.h"
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

    CampaignSender::Outcome sendAndWait(CampaignSender &sender, qint64 localId)
    {
        std::optional<CampaignSender::Outcome> outcome;
        sender.send(localId, [&outcome](const CampaignSender::Outcome &o) { outcome = o; });
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 60000))
            qFatal("the send never ended");
        return *outcome;
    }

    int actedSends(qint64 serverId)
    {
        int n = 0;
        for (const QJsonValue &v : m_sim.ledger(0)) {
            const QJsonObject e = v.toObject();
            if (e.value(QStringLiteral("path"))
                    .toString()
                    .endsWith(QStringLiteral("/campaigns/%1/send").arg(serverId)) &&
                e.value(QStringLiteral("status")).toInt() == 200 && !e.value(QStringLiteral("replayed")).toBool())
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

    void sendActsOnceThroughLostAnswers()
    {
        CampaignStore campaigns(*m_db);
        const QJsonObject filters{{QStringLiteral("status"), QStringLiteral("qualified")},
                                  {QStringLiteral("channel"), QStringLiteral("whatsapp")}};
        auto draft = campaigns.createDraft(QStringLiteral("Spring 'promo' 🚀"), filters,
                                           QStringLiteral("Hi {first_name}, {agent} here. {coupon}"));
        QVERIFY(draft.ok());
        const int createsBefore = actedCreates();
        // The create and the send are both applied, their answers lost.
        m_sim.admin("POST", QStringLiteral("fault"),
                    {{QStringLiteral("kind"), QStringLiteral("drop-after-apply")}, {QStringLiteral("count"), 1}});
        CampaignSender sender(campaigns, *m_api);
        CampaignSender::Outcome first = sendAndWait(sender, draft->localId);
        if (!first.sent) {
            // The client gave up on an ambiguous answer: the same keys go again.
            QVERIFY(first.campaign.sendRequested());
            first = sendAndWait(sender, draft->localId);
        }
        QVERIFY2(first.sent, qPrintable(first.error));
        QCOMPARE(first.campaign.status, QStringLiteral("sending"));
        QVERIFY(first.campaign.serverId > 0);
        QCOMPARE(actedCreates(), createsBefore + 1);
        QCOMPARE(actedSends(first.campaign.serverId), 1);
        bool faultMet = false;
        for (const QJsonValue &v : m_sim.ledger(0))
            faultMet = faultMet ||
                       v.toObject().value(QStringLiteral("fault")).toString() == QLatin1StringView("drop-after-apply");
        QVERIFY(faultMet);

        // Asking again is harmless: it is already sent.
        const CampaignSender::Outcome again = sendAndWait(sender, draft->localId);
        QVERIFY(again.sent);
        QCOMPARE(actedSends(first.campaign.serverId), 1);

        std::optional<Result<CampaignStats, ApiError>> stats;
        CampaignApi::stats(*m_api, first.campaign.serverId, this,
                           [&stats](const Result<CampaignStats, ApiError> &r) { stats = r; });
        QTRY_VERIFY_WITH_TIMEOUT(stats.has_value(), 30000);
        QVERIFY(stats->ok());
        QVERIFY((*stats)->sent > 0);
        QCOMPARE((*stats)->sent, first.campaign.queued.value_or(-1));
    }

    void serverErrorsKeepTheKeysUntilTheSendIsConfirmed()
    {
        CampaignStore campaigns(*m_db);
        auto draft = campaigns.createDraft(
            QStringLiteral("Retry"),
            {{QStringLiteral("status"), QStringLiteral("new")}, {QStringLiteral("channel"), QStringLiteral("sms")}},
            QStringLiteral("Hello {name}"));
        QVERIFY(draft.ok());
        auto impatient = makeClient(1);
        CampaignSender sender(campaigns, *impatient);
        m_sim.admin("POST", QStringLiteral("fault"),
                    {{QStringLiteral("kind"), QStringLiteral("500")}, {QStringLiteral("count"), 1}});
        const CampaignSender::Outcome failed = sendAndWait(sender, draft->localId);
        QVERIFY(!failed.sent);
        QVERIFY(!failed.refused);
        QVERIFY(!failed.error.isEmpty());
        QCOMPARE(failed.campaign.status, QStringLiteral("queued"));
        const QString sendKey = failed.campaign.sendKey;
        QVERIFY(!sendKey.isEmpty());

        const CampaignSender::Outcome done = sendAndWait(sender, draft->localId);
        QVERIFY2(done.sent, qPrintable(done.error));
        QCOMPARE(done.campaign.sendKey, sendKey);
        QCOMPARE(actedSends(done.campaign.serverId), 1);
    }

    void anAudienceOverTheCapIsRefusedAndStaysADraft()
    {
        CampaignStore campaigns(*m_db);
        auto draft = campaigns.createDraft(QStringLiteral("Everyone"), {}, QStringLiteral("Hi {name}"));
        QVERIFY(draft.ok());
        LeadStore store(*m_db);
        QVERIFY(AudienceQuery(store).preview({}, 0)->count > 500);
        CampaignSender sender(campaigns, *m_api);
        const CampaignSender::Outcome o = sendAndWait(sender, draft->localId);
        QVERIFY(!o.sent);
        QVERIFY(o.refused);
        QVERIFY2(o.error.contains(QStringLiteral("500")), qPrintable(o.error));
        QVERIFY(o.campaign.isDraft());
        QVERIFY(!o.campaign.sendRequested());
    }
};

QTEST_GUILESS_MAIN(TestCampaignsSim)
#include "tst_campaigns_sim.moc"
