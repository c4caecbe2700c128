// outpost-sim's admin endpoints, API keys and faults over real loopback HTTP.
#include "SimFixture.h"

#include "domain/LeadCodec.h"

#include <QTcpSocket>
#include <QTest>

using namespace outpost;
using outpost::test::SimFixture;

class TstSimAdmin : public QObject
{
    Q_OBJECT

private:
    SimFixture m_sim;

    void fault(const QString &kind)
    {
        QVERIFY(m_sim.admin("POST", QStringLiteral("fault"), {{QStringLiteral("kind"), kind}})
                    .toObject()
                    .value(QStringLiteral("ok"))
                    .toBool());
    }
    int noteCount(qint64 id)
    {
        return m_sim.get(QStringLiteral("/lead/%1").arg(id))
            .json.value(QStringLiteral("lead"))
            .toObject()
            .value(QStringLiteral("notes"))
            .toArray()
            .size();
    }

private slots:
    void initTestCase() { QVERIFY2(m_sim.start(SimFixture::defaultOptions(60)), qPrintable(m_sim.errorString())); }

    void ledgerRecordsEveryApiRequestButNoAdminOnes()
    {
        const qint64 head = m_sim.ledgerHead();
        m_sim.get(QStringLiteral("/leads?limit=3&status=new"));
        m_sim.admin("GET", QStringLiteral("config"));
        m_sim.api("GET", QStringLiteral("/overview"), {}, {}, QStringLiteral("lp_wrong"));
        const QJsonArray entries = m_sim.ledger(head);
        QCOMPARE(entries.size(), 2);
        const QJsonObject first = entries.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(first.value(QStringLiteral("path")).toString(), QStringLiteral("/crm/%1/leads").arg(m_sim.clientId()));
        QCOMPARE(first.value(QStringLiteral("query")).toString(), QStringLiteral("limit=3&status=new"));
        QCOMPARE(first.value(QStringLiteral("status")).toInt(), 200);
        QVERIFY(first.value(QStringLiteral("time")).toString().endsWith(QLatin1Char('Z')));
        QCOMPARE(entries.at(1).toObject().value(QStringLiteral("status")).toInt(), 401);
        QCOMPARE(entries.at(1).toObject().value(QStringLiteral("seq")).toInteger(),
                 first.value(QStringLiteral("seq")).toInteger() + 1);
        QCOMPARE(m_sim.ledger(head + 1).size(), 1);
    }

    void downAnswers503OrDropsThenUpServesAgain()
    {
        m_sim.admin("POST", QStringLiteral("down"));
        const auto down = m_sim.get(QStringLiteral("/overview"));
        QCOMPARE(down.status, 503);
        m_sim.admin("POST", QStringLiteral("down"), {{QStringLiteral("mode"), QStringLiteral("drop")}});
        const auto dropped = m_sim.get(QStringLiteral("/overview"));
        QCOMPARE(dropped.status, 0);
        QVERIFY(dropped.error != QNetworkReply::NoError);
        m_sim.admin("POST", QStringLiteral("up"));
        QCOMPARE(m_sim.get(QStringLiteral("/overview")).status, 200);
    }

    void configRejectsBadValuesAndReportsItself()
    {
        const QJsonObject bad =
            m_sim.admin("POST", QStringLiteral("config"), {{QStringLiteral("plan"), QStringLiteral("gold")}})
                .toObject();
        QCOMPARE(bad.value(QStringLiteral("ok")).toBool(), false);
        QVERIFY(bad.value(QStringLiteral("error")).toString().contains(QStringLiteral("plan")));
        const QJsonObject now = m_sim.admin("GET", QStringLiteral("config")).toObject();
        QCOMPARE(now.value(QStringLiteral("plan")).toString(), QStringLiteral("premium"));
        QCOMPARE(now.value(QStringLiteral("client_id")).toString(), m_sim.clientId());
    }

    void exportMatchesTheDetailOfEveryLead()
    {
        const QJsonArray leads =
            m_sim.admin("GET", QStringLiteral("export")).toObject().value(QStringLiteral("leads")).toArray();
        QCOMPARE(leads.size(), 60);
        for (const int id : {1, 17, 60}) {
            const QJsonObject api =
                m_sim.get(QStringLiteral("/lead/%1").arg(id)).json.value(QStringLiteral("lead")).toObject();
            QCOMPARE(leads.at(id - 1).toObject(), api);
        }
    }

    void patchAsAnotherAgentValidatesAndBumpsUpdatedAt()
    {
        const auto before =
            LeadCodec::leadFromJson(m_sim.get(QStringLiteral("/lead/8")).json.value(QStringLiteral("lead")).toObject());
        const QJsonObject r = m_sim
                                  .admin("PATCH", QStringLiteral("leads/8"),
                                         {{QStringLiteral("assigned_agent"), QStringLiteral("Olga")},
                                          {QStringLiteral("tags"), QJsonArray{QStringLiteral("vip")}}})
                                  .toObject();
        QVERIFY(r.value(QStringLiteral("ok")).toBool());
        const auto after =
            LeadCodec::leadFromJson(m_sim.get(QStringLiteral("/lead/8")).json.value(QStringLiteral("lead")).toObject());
        QCOMPARE(after->assignedAgent, QStringLiteral("Olga"));
        QCOMPARE(after->tags, QStringList{QStringLiteral("vip")});
        QVERIFY(after->updatedAt > before->updatedAt);
        QCOMPARE(m_sim.admin("PATCH", QStringLiteral("leads/8"), {{QStringLiteral("score"), QStringLiteral("high")}})
                     .toObject()
                     .value(QStringLiteral("ok"))
                     .toBool(),
                 false);
        QCOMPARE(m_sim.admin("PATCH", QStringLiteral("leads/8"), {{QStringLiteral("colour"), 1}})
                     .toObject()
                     .value(QStringLiteral("ok"))
                     .toBool(),
                 false);
        QCOMPARE(m_sim.admin("PATCH", QStringLiteral("leads/9999"), {{QStringLiteral("score"), 1}})
                     .toObject()
                     .value(QStringLiteral("ok"))
                     .toBool(),
                 false);
    }

    void keysListWithoutSecretsAndRevokeIsImmediate()
    {
        const auto created = m_sim.api("POST", QStringLiteral("/keys"),
                                       {{QStringLiteral("name"), QStringLiteral("CRM Integration - Production")},
                                        {QStringLiteral("expires_at"), QJsonValue::Null}});
        QCOMPARE(created.status, 200);
        const QJsonObject key = created.json.value(QStringLiteral("key")).toObject();
        const QString secret = key.value(QStringLiteral("secret")).toString();
        QVERIFY(secret.startsWith(QStringLiteral("lp_")));
        QCOMPARE(secret.size(), 35);
        QCOMPARE(key.value(QStringLiteral("prefix")).toString(), secret.left(7));

        const auto list = m_sim.get(QStringLiteral("/keys"));
        QVERIFY(!list.body.contains(secret.toUtf8()));
        QVERIFY(!list.body.contains("\"secret\""));
        bool listed = false;
        for (const QJsonValue &v : list.json.value(QStringLiteral("keys")).toArray())
            listed = listed || v.toObject().value(QStringLiteral("id")) == key.value(QStringLiteral("id"));
        QVERIFY(listed);

        // Rotation: the new key works, then the old one is revoked.
        QCOMPARE(m_sim.api("GET", QStringLiteral("/overview"), {}, {}, secret).status, 200);
        const auto revoked =
            m_sim.api("DELETE", QStringLiteral("/keys/%1").arg(key.value(QStringLiteral("id")).toInteger()));
        QCOMPARE(revoked.status, 200);
        QCOMPARE(m_sim.api("GET", QStringLiteral("/overview"), {}, {}, secret).status, 401);
        QCOMPARE(
            m_sim.api("DELETE", QStringLiteral("/keys/%1").arg(key.value(QStringLiteral("id")).toInteger())).status,
            404);
        QCOMPARE(m_sim
                     .api("POST", QStringLiteral("/keys"),
                          {{QStringLiteral("name"), QStringLiteral("old")},
                           {QStringLiteral("expires_at"), QStringLiteral("2001-01-01T00:00:00Z")}})
                     .status,
                 400);
    }

    void injectedFaultsBehaveAsNamed()
    {
        fault(QStringLiteral("500"));
        const auto e500 = m_sim.get(QStringLiteral("/overview"));
        QCOMPARE(e500.status, 500);
        QVERIFY(e500.body.isEmpty());

        fault(QStringLiteral("502-html"));
        const auto html = m_sim.get(QStringLiteral("/overview"));
        QCOMPARE(html.status, 502);
        QVERIFY(html.body.startsWith("<html>"));
        QVERIFY(!LeadCodec::parseObject(html.body).ok());

        fault(QStringLiteral("429"));
        const auto limited = m_sim.get(QStringLiteral("/overview"));
        QCOMPARE(limited.status, 429);
        QVERIFY(!limited.header("Retry-After").isEmpty());

        fault(QStringLiteral("malformed-json"));
        const auto truncated = m_sim.get(QStringLiteral("/leads"));
        QCOMPARE(truncated.status, 200);
        QVERIFY(!LeadCodec::pageFromBytes(truncated.body).ok());

        fault(QStringLiteral("duplicate-rows"));
        const auto page = LeadCodec::pageFromBytes(m_sim.get(QStringLiteral("/leads?limit=5")).body);
        QVERIFY(page.ok());
        QCOMPARE(page->leads.size(), 6);
        QCOMPARE(page->leads.first().id, page->leads.last().id);

        QCOMPARE(m_sim.get(QStringLiteral("/overview")).status, 200); // one fault per injection
        const QJsonArray ledger = m_sim.ledger(m_sim.ledgerHead() - 6);
        QCOMPARE(ledger.first().toObject().value(QStringLiteral("fault")).toString(), QStringLiteral("500"));
    }

    // QNetworkAccessManager quietly re-sends a request whose connection closed
    // without an answer, so the drop itself is observed on a raw socket.
    QByteArray rawPost(const QString &path, const QByteArray &body, const QByteArray &idempotencyKey)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_sim.baseUrl().port()));
        if (!socket.waitForConnected(5000))
            return "no connection";
        socket.write("POST /crm/" + m_sim.clientId().toUtf8() + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                     "Authorization: Bearer " + m_sim.apiKey().toUtf8() + "\r\nContent-Type: application/json\r\n" +
                     "Idempotency-Key: " + idempotencyKey + "\r\nContent-Length: " + QByteArray::number(body.size()) +
                     "\r\n\r\n" + body);
        QByteArray answer;
        while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
            answer += socket.readAll();
        return answer + socket.readAll();
    }

    void dropAfterApplyActsButNeverAnswers()
    {
        const int before = noteCount(3);
        fault(QStringLiteral("drop-after-apply"));
        const QByteArray body = R"({"text": "ambiguous"})";
        QCOMPARE(rawPost(QStringLiteral("/lead/3/note"), body, "k-ambiguous"), QByteArray());
        QCOMPARE(noteCount(3), before + 1);
        const QJsonObject entry = m_sim.ledger(m_sim.ledgerHead() - 2).first().toObject();
        QCOMPARE(entry.value(QStringLiteral("status")).toInt(), 0);
        QCOMPARE(entry.value(QStringLiteral("fault")).toString(), QStringLiteral("drop-after-apply"));
        QVERIFY(!entry.value(QStringLiteral("mutation")).toString().isEmpty());
        // The client's retry with the same key gets the answer and no second note.
        const auto retry =
            m_sim.api("POST", QStringLiteral("/lead/3/note"), {{QStringLiteral("text"), QStringLiteral("ambiguous")}},
                      {{"Idempotency-Key", "k-ambiguous"}});
        QCOMPARE(retry.status, 200);
        QCOMPARE(noteCount(3), before + 1);

        fault(QStringLiteral("drop"));
        QCOMPARE(rawPost(QStringLiteral("/lead/3/note"), R"({"text": "lost"})", "k-lost"), QByteArray());
        QCOMPARE(noteCount(3), before + 1); // a plain drop applies nothing
    }

    void slowFaultDelaysTheAnswer()
    {
        m_sim.admin("POST", QStringLiteral("config"), {{QStringLiteral("time_scale"), 0.1}});
        fault(QStringLiteral("slow"));
        QElapsedTimer t;
        t.start();
        QCOMPARE(m_sim.get(QStringLiteral("/overview")).status, 200);
        QVERIFY(t.elapsed() >= 280);
        m_sim.admin("POST", QStringLiteral("config"), {{QStringLiteral("time_scale"), 1}});
    }

    void activityMovesTheWorldOnItsOwn()
    {
        const QString since = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        const qint64 head = m_sim.ledgerHead();
        m_sim.admin("POST", QStringLiteral("config"), {{QStringLiteral("activity"), 6000}}); // one every 10 ms
        QTest::qWait(400);
        m_sim.admin("POST", QStringLiteral("config"), {{QStringLiteral("activity"), 0}});
        const auto changed = m_sim.get(QStringLiteral("/leads?updated_since=") + since);
        QVERIFY2(changed.json.value(QStringLiteral("total")).toInteger() >= 5,
                 qPrintable(QString::number(changed.json.value(QStringLiteral("total")).toInteger())));
        QCOMPARE(m_sim.ledger(head).size(), 1); // the world moved without any API request
        const qint64 total = changed.json.value(QStringLiteral("total")).toInteger();
        QTest::qWait(100);
        QCOMPARE(
            m_sim.get(QStringLiteral("/leads?updated_since=") + since).json.value(QStringLiteral("total")).toInteger(),
            total); // and stops when told
    }

    void randomFaultRateHitsAboutThatShare()
    {
        m_sim.admin(
            "POST", QStringLiteral("config"),
            {{QStringLiteral("fault_rate"), 0.5}, {QStringLiteral("faults"), QJsonArray{QStringLiteral("500")}}});
        int failed = 0;
        for (int i = 0; i < 60; ++i)
            failed += m_sim.get(QStringLiteral("/overview")).status == 500 ? 1 : 0;
        m_sim.admin("POST", QStringLiteral("config"), {{QStringLiteral("fault_rate"), 0}});
        QVERIFY2(failed > 10 && failed < 50, qPrintable(QString::number(failed)));
        QCOMPARE(m_sim.get(QStringLiteral("/overview")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TstSimAdmin)
#include "tst_sim_admin.moc"
