// Auth, rate limit, plans, idempotency, legacy mode and bad input of
// outpost-sim over real loopback HTTP.
#include "SimFixture.h"

#include "domain/LeadCodec.h"

#include <QTest>
#include <QUuid>

using namespace outpost;
using outpost::test::SimFixture;

class TstSimLimits : public QObject
{
    Q_OBJECT

private:
    SimFixture m_sim;

    void config(const QJsonObject &c)
    {
        const QJsonObject r = m_sim.admin("POST", QStringLiteral("config"), c).toObject();
        QVERIFY2(r.value(QStringLiteral("ok")).toBool(), qPrintable(r.value(QStringLiteral("error")).toString()));
    }
    int noteCount(qint64 leadId)
    {
        return m_sim.get(QStringLiteral("/lead/%1").arg(leadId))
            .json.value(QStringLiteral("lead"))
            .toObject()
            .value(QStringLiteral("notes"))
            .toArray()
            .size();
    }
    QString newKey(const QJsonObject &extra = {})
    {
        return m_sim.admin("POST", QStringLiteral("keys"), extra)
            .toObject()
            .value(QStringLiteral("key"))
            .toObject()
            .value(QStringLiteral("secret"))
            .toString();
    }

private slots:
    void initTestCase() { QVERIFY2(m_sim.start(SimFixture::defaultOptions(120)), qPrintable(m_sim.errorString())); }
    void cleanup()
    {
        config({{QStringLiteral("rate"), 0},
                {QStringLiteral("plan"), QStringLiteral("premium")},
                {QStringLiteral("legacy"), false},
                {QStringLiteral("fault_rate"), 0}});
    }

    void rateLimitCountsPerKeyWithHeadersAndRetryAfter()
    {
        config({{QStringLiteral("rate"), 5}, {QStringLiteral("rate_window"), 60}});
        for (int i = 0; i < 5; ++i) {
            const auto r = m_sim.get(QStringLiteral("/overview"));
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("X-RateLimit-Limit"), QByteArray("5"));
            QCOMPARE(r.header("X-RateLimit-Remaining").toInt(), 4 - i);
            QVERIFY(r.header("X-RateLimit-Reset").toInt() >= 1);
            m_sim.admin("GET", QStringLiteral("config")); // admin calls are not counted
        }
        const auto limited = m_sim.get(QStringLiteral("/overview"));
        QCOMPARE(limited.status, 429);
        QVERIFY(limited.header("Retry-After").toInt() >= 1);
        QVERIFY(limited.header("Retry-After").toInt() <= 60);
        QVERIFY(!limited.json.value(QStringLiteral("error")).toString().isEmpty());
        // Another key has a budget of its own.
        QCOMPARE(m_sim.api("GET", QStringLiteral("/overview"), {}, {}, newKey()).status, 200);
        QCOMPARE(m_sim.ledger(m_sim.ledgerHead() - 2).first().toObject().value(QStringLiteral("status")).toInt(), 429);
    }

    void rateWindowResets()
    {
        config({{QStringLiteral("rate"), 2}, {QStringLiteral("rate_window"), 0.3}});
        QCOMPARE(m_sim.get(QStringLiteral("/overview")).status, 200);
        QCOMPARE(m_sim.get(QStringLiteral("/overview")).status, 200);
        QCOMPARE(m_sim.get(QStringLiteral("/overview")).status, 429);
        QTest::qWait(400);
        QCOMPARE(m_sim.get(QStringLiteral("/overview")).status, 200);
    }

    void premiumEndpointsAre403OnBasic_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonObject>("body");
        QTest::newRow("campaigns") << QByteArray("GET") << QStringLiteral("/campaigns") << QJsonObject();
        QTest::newRow("sla") << QByteArray("GET") << QStringLiteral("/sla?days=7") << QJsonObject();
        QTest::newRow("bulk stage") << QByteArray("POST") << QStringLiteral("/bulk/stage")
                                    << QJsonObject{{QStringLiteral("lead_ids"), QJsonArray{1}},
                                                   {QStringLiteral("status"), QStringLiteral("lost")}};
        QTest::newRow("bulk tag") << QByteArray("POST") << QStringLiteral("/bulk/tag") << QJsonObject();
        QTest::newRow("bulk message") << QByteArray("POST") << QStringLiteral("/bulk/message") << QJsonObject();
    }
    void premiumEndpointsAre403OnBasic()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QJsonObject, body);
        config({{QStringLiteral("plan"), QStringLiteral("basic")}});
        const auto refused = m_sim.api(method, path, body);
        QCOMPARE(refused.status, 403);
        QVERIFY(refused.json.value(QStringLiteral("error")).toString().contains(QStringLiteral("Premium")));
        QCOMPARE(m_sim.get(QStringLiteral("/overview")).status, 200); // basic endpoints still work
        config({{QStringLiteral("plan"), QStringLiteral("premium")}});
        QVERIFY(m_sim.api(method, path, body).status != 403);
    }

    void idempotencyKeyAnswersARepeatWithTheFirstAnswerAndActsOnce()
    {
        const int before = noteCount(7);
        const SimFixture::Headers key{{"Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}};
        const QJsonObject body{{QStringLiteral("text"), QStringLiteral("called back")}};
        const auto first = m_sim.api("POST", QStringLiteral("/lead/7/note"), body, key);
        const auto second = m_sim.api("POST", QStringLiteral("/lead/7/note"), body, key);
        QCOMPARE(first.status, 200);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.body, first.body);
        QCOMPARE(noteCount(7), before + 1);
        const QJsonArray tail = m_sim.ledger(m_sim.ledgerHead() - 3);
        QCOMPARE(tail.at(0).toObject().value(QStringLiteral("replayed")).toBool(), false);
        QVERIFY(!tail.at(0).toObject().value(QStringLiteral("mutation")).toString().isEmpty());
        QCOMPARE(tail.at(1).toObject().value(QStringLiteral("replayed")).toBool(), true);
        QCOMPARE(tail.at(1).toObject().value(QStringLiteral("idempotency_key")).toString(),
                 QString::fromLatin1(key.first().second));

        const SimFixture::Headers other{{"Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}};
        QCOMPARE(m_sim.api("POST", QStringLiteral("/lead/7/note"), body, other).status, 200);
        QCOMPARE(noteCount(7), before + 2);
    }

    void idempotencyKeySurvivesAKeyRotation()
    {
        const int before = noteCount(8);
        const SimFixture::Headers key{{"Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}};
        const QJsonObject body{{QStringLiteral("text"), QStringLiteral("rotated")}};
        const auto first = m_sim.api("POST", QStringLiteral("/lead/8/note"), body, key);
        const auto second = m_sim.api("POST", QStringLiteral("/lead/8/note"), body, key, newKey());
        QCOMPARE(second.status, 200);
        QCOMPARE(second.body, first.body);
        QCOMPARE(noteCount(8), before + 1);
    }

    void legacyModeLeavesTheOptionalPartsOut()
    {
        config({{QStringLiteral("legacy"), true}, {QStringLiteral("rate"), 100}});
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("updated_since"), QStringLiteral("2000-01-01T00:00:00Z"));
        const auto r = m_sim.get(QStringLiteral("/leads"), q);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json.contains(QStringLiteral("next_cursor")));
        QVERIFY(!r.json.contains(QStringLiteral("total")));
        QVERIFY(!r.json.contains(QStringLiteral("deleted")));
        QVERIFY(r.header("X-RateLimit-Limit").isEmpty());
        QCOMPARE(r.json.value(QStringLiteral("leads")).toArray().size(), 120); // one page holds everything
        QVERIFY(r.json.value(QStringLiteral("leads")).toArray().first().toObject().contains(QStringLiteral("crm_ref")));
        const auto page = LeadCodec::pageFromBytes(r.body);
        QVERIFY(page.ok());

        const int before = noteCount(9);
        const SimFixture::Headers key{{"Idempotency-Key", "same-key"}};
        const QJsonObject body{{QStringLiteral("text"), QStringLiteral("twice")}};
        m_sim.api("POST", QStringLiteral("/lead/9/note"), body, key);
        m_sim.api("POST", QStringLiteral("/lead/9/note"), body, key);
        QCOMPARE(noteCount(9), before + 2); // the header is ignored
    }

    void revokedKeyIs401AtOnce()
    {
        const QString key = newKey();
        QCOMPARE(m_sim.api("GET", QStringLiteral("/overview"), {}, {}, key).status, 200);
        const QJsonObject revoked =
            m_sim.admin("POST", QStringLiteral("keys/revoke"), {{QStringLiteral("secret"), key}}).toObject();
        QVERIFY(revoked.value(QStringLiteral("ok")).toBool());
        const auto r = m_sim.api("GET", QStringLiteral("/overview"), {}, {}, key);
        QCOMPARE(r.status, 401);
        QVERIFY(r.json.value(QStringLiteral("error")).toString().contains(QStringLiteral("revoked")));
    }

    void expiredKeyIs401()
    {
        const QString expires = QDateTime::currentDateTimeUtc().addMSecs(600).toString(Qt::ISODateWithMs);
        const QString key = newKey({{QStringLiteral("expires_at"), expires}});
        QCOMPARE(m_sim.api("GET", QStringLiteral("/overview"), {}, {}, key).status, 200);
        QTest::qWait(700);
        const auto r = m_sim.api("GET", QStringLiteral("/overview"), {}, {}, key);
        QCOMPARE(r.status, 401);
        QVERIFY(r.json.value(QStringLiteral("error")).toString().contains(QStringLiteral("expired")));
    }

    void badBodiesGetAClearErrorAndTheServerKeepsServing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("malformed") << QByteArray("{\"text\": ") << 400;
        QTest::newRow("array") << QByteArray("[1,2]") << 400;
        QTest::newRow("html") << QByteArray("<html>hi</html>") << 400;
        QTest::newRow("wrong type") << QByteArray("{\"text\": 42}") << 400;
        QTest::newRow("missing field") << QByteArray("{}") << 400;
        QTest::newRow("huge") << QByteArray(1024 * 1024 + 10, 'x') << 413;
    }
    void badBodiesGetAClearErrorAndTheServerKeepsServing()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const auto r = m_sim.request("POST", m_sim.apiUrl(QStringLiteral("/lead/3/note")), body,
                                     {{"Authorization", "Bearer " + m_sim.apiKey().toUtf8()}});
        QCOMPARE(r.status, status);
        QVERIFY(!r.json.value(QStringLiteral("error")).toString().isEmpty());
        QCOMPARE(m_sim.get(QStringLiteral("/overview")).status, 200);
    }

    void hostileTextIsStoredVerbatim()
    {
        const QString text = QStringLiteral("Robert'); DROP TABLE leads;-- %s\n<script>🚀");
        const auto r = m_sim.api("POST", QStringLiteral("/lead/4/note"), {{QStringLiteral("text"), text}});
        QCOMPARE(r.status, 200);
        const QJsonArray notes = m_sim.get(QStringLiteral("/lead/4"))
                                     .json.value(QStringLiteral("lead"))
                                     .toObject()
                                     .value(QStringLiteral("notes"))
                                     .toArray();
        QCOMPARE(notes.last().toObject().value(QStringLiteral("text")).toString(), text);
        QCOMPARE(m_sim.get(QStringLiteral("/overview")).json.value(QStringLiteral("total_leads")).toInt(), 120);
    }
};

QTEST_GUILESS_MAIN(TstSimLimits)
#include "tst_sim_limits.moc"
