// outpost-sim's webhooks over real loopback HTTP: registration rules, signed
// deliveries checked against the contract's test vector, events from
// mutations and the retry schedule.
#include "SimFixture.h"

#include "SimSignature.h"
#include "SimWebhookSender.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace outpost;
using outpost::test::SimFixture;

namespace {

// A webhook receiver on loopback that records what it gets and answers with
// the statuses it is told to, in order (then 200).
class Receiver
{
public:
    struct Hit
    {
        QByteArray body;
        QByteArray signature;
        qint64 atMs = 0;
    };

    Receiver()
    {
        m_server.route(QStringLiteral("/hook"), [this](const QHttpServerRequest &request) {
            m_hits.append(Hit{request.body(), request.value(m_header.toLower()), QDateTime::currentMSecsSinceEpoch()});
            const int status = m_statuses.isEmpty() ? 200 : m_statuses.takeFirst();
            return QHttpServerResponse(static_cast<QHttpServerResponse::StatusCode>(status));
        });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
    }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1/hook").arg(m_port); }
    void answer(const QList<int> &statuses) { m_statuses = statuses; }
    void setHeader(const QByteArray &header) { m_header = header; }
    QList<Hit> &hits() { return m_hits; }

private:
    QHttpServer m_server;
    quint16 m_port = 0;
    QList<int> m_statuses;
    QList<Hit> m_hits;
    QByteArray m_header = QByteArrayLiteral("X-Signature");
};

} // namespace

class TstSimWebhooks : public QObject
{
    Q_OBJECT

private:
    SimFixture m_sim;
    Receiver m_receiver;

    QJsonObject create(const QString &url, const QJsonArray &events)
    {
        return m_sim
            .api("POST", QStringLiteral("/webhooks"),
                 {{QStringLiteral("name"), QStringLiteral("test hook")},
                  {QStringLiteral("url"), url},
                  {QStringLiteral("events"), events}})
            .json;
    }
    QJsonArray deliveries(qint64 id)
    {
        return m_sim.get(QStringLiteral("/webhooks/%1/deliveries").arg(id))
            .json.value(QStringLiteral("deliveries"))
            .toArray();
    }

private slots:
    void initTestCase() { QVERIFY2(m_sim.start(SimFixture::defaultOptions(50)), qPrintable(m_sim.errorString())); }
    void init() { m_receiver.hits().clear(); }

    void signatureMatchesTheContractsTestVector()
    {
        // printf '{"event":"test"}' | openssl dgst -sha256 -hmac 'your-secret'
        QCOMPARE(sim::SimSignature::sign("your-secret", R"({"event":"test"})"),
                 QByteArray("ae73985dbf44593b8ab8007279f05bcbb47c811fa80741ccbd230e28e67d89eb"));
        QVERIFY(sim::SimSignature::sign("your-secret", R"({"event":"test"} )") !=
                sim::SimSignature::sign("your-secret", R"({"event":"test"})"));
    }

    void onlyHttpsOrLoopbackUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("status");
        QTest::newRow("https") << QStringLiteral("https://hooks.example.com/x") << 200;
        QTest::newRow("loopback http") << QStringLiteral("http://127.0.0.1:9/x") << 200;
        QTest::newRow("localhost http") << QStringLiteral("http://localhost:9/x") << 200;
        QTest::newRow("remote http") << QStringLiteral("http://hooks.example.com/x") << 400;
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/x") << 400;
        QTest::newRow("garbage") << QStringLiteral("not a url") << 400;
    }
    void onlyHttpsOrLoopbackUrls()
    {
        QFETCH(QString, url);
        QFETCH(int, status);
        const auto r = m_sim.api("POST", QStringLiteral("/webhooks"),
                                 {{QStringLiteral("name"), QStringLiteral("h")},
                                  {QStringLiteral("url"), url},
                                  {QStringLiteral("events"), QJsonArray{QStringLiteral("new_lead")}}});
        QCOMPARE(r.status, status);
        if (status == 200)
            QCOMPARE(m_sim
                         .api("DELETE", QStringLiteral("/webhooks/%1")
                                            .arg(r.json.value(QStringLiteral("webhook"))
                                                     .toObject()
                                                     .value(QStringLiteral("id"))
                                                     .toInteger()))
                         .status,
                     200);
    }

    void secretIsShownOnceOnly()
    {
        const QJsonObject created = create(QStringLiteral("https://hooks.example.com/once"), {QStringLiteral("test")});
        const QJsonObject webhook = created.value(QStringLiteral("webhook")).toObject();
        QVERIFY(webhook.value(QStringLiteral("secret")).toString().startsWith(QStringLiteral("whsec_")));
        const QJsonArray list = m_sim.get(QStringLiteral("/webhooks")).json.value(QStringLiteral("webhooks")).toArray();
        QVERIFY(!list.isEmpty());
        for (const QJsonValue &v : list)
            QVERIFY(!v.toObject().contains(QStringLiteral("secret")));
        const QByteArray listing = m_sim.get(QStringLiteral("/webhooks")).body;
        QVERIFY(!listing.contains(webhook.value(QStringLiteral("secret")).toString().toUtf8()));
        m_sim.api("DELETE", QStringLiteral("/webhooks/%1").arg(webhook.value(QStringLiteral("id")).toInteger()));
    }

    void testEventIsSignedWithTheConfiguredHeader()
    {
        m_sim.admin("POST", QStringLiteral("config"),
                    {{QStringLiteral("signature_header"), QStringLiteral("X-BossBot-Signature")}});
        m_receiver.setHeader("X-BossBot-Signature");
        const QJsonObject webhook =
            create(m_receiver.url(), {QStringLiteral("new_lead")}).value(QStringLiteral("webhook")).toObject();
        const QByteArray secret = webhook.value(QStringLiteral("secret")).toString().toUtf8();
        const qint64 id = webhook.value(QStringLiteral("id")).toInteger();
        QCOMPARE(m_sim.api("POST", QStringLiteral("/webhooks/%1/test").arg(id)).status, 200);
        QTRY_COMPARE(m_receiver.hits().size(), 1);
        const Receiver::Hit hit = m_receiver.hits().first();
        const QByteArray expected =
            QMessageAuthenticationCode::hash(hit.body, secret, QCryptographicHash::Sha256).toHex();
        QCOMPARE(hit.signature, expected);
        const QJsonObject event = QJsonDocument::fromJson(hit.body).object();
        QCOMPARE(event.value(QStringLiteral("event")).toString(), QStringLiteral("test"));
        QVERIFY(event.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("evt_")));
        const QDateTime at =
            QDateTime::fromString(event.value(QStringLiteral("timestamp")).toString(), Qt::ISODateWithMs);
        QVERIFY(qAbs(at.secsTo(QDateTime::currentDateTimeUtc())) < 300);
        QTRY_COMPARE(deliveries(id).size(), 1);
        const QJsonObject d = deliveries(id).first().toObject();
        QCOMPARE(d.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(d.value(QStringLiteral("status_code")).toInt(), 200);
        QCOMPARE(d.value(QStringLiteral("event")).toString(), QStringLiteral("test"));
        m_sim.api("DELETE", QStringLiteral("/webhooks/%1").arg(id));
        m_sim.admin("POST", QStringLiteral("config"),
                    {{QStringLiteral("signature_header"), QStringLiteral("X-Signature")}});
        m_receiver.setHeader("X-Signature");
    }

    void mutationsAndActivityAreDelivered()
    {
        const qint64 id = create(m_receiver.url(), {QStringLiteral("lead_status_changed"), QStringLiteral("note_added"),
                                                    QStringLiteral("new_lead"), QStringLiteral("message_received"),
                                                    QStringLiteral("lead_escalated")})
                              .value(QStringLiteral("webhook"))
                              .toObject()
                              .value(QStringLiteral("id"))
                              .toInteger();
        const QString old = m_sim.get(QStringLiteral("/lead/5"))
                                .json.value(QStringLiteral("lead"))
                                .toObject()
                                .value(QStringLiteral("status"))
                                .toString();
        const QString next = old == QLatin1StringView("lost") ? QStringLiteral("new") : QStringLiteral("lost");
        m_sim.api("POST", QStringLiteral("/lead/5/status"), {{QStringLiteral("status"), next}});
        QTRY_COMPARE(m_receiver.hits().size(), 1);
        const QJsonObject event = QJsonDocument::fromJson(m_receiver.hits().first().body).object();
        QCOMPARE(event.value(QStringLiteral("event")).toString(), QStringLiteral("lead_status_changed"));
        const QJsonObject data = event.value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("old_status")).toString(), old);
        QCOMPARE(data.value(QStringLiteral("new_status")).toString(), next);
        QCOMPARE(data.value(QStringLiteral("lead_id")).toInteger(), 5);

        m_sim.admin("POST", QStringLiteral("activity"), {{QStringLiteral("events"), 10}});
        QTRY_COMPARE(m_receiver.hits().size(), 11); // every world event is published
        m_sim.api("DELETE", QStringLiteral("/webhooks/%1").arg(id));
    }

    void failedDeliveriesFollowTheRetrySchedule()
    {
        const double scale = 0.002; // 10 s -> 20 ms ... 30 min -> 3.6 s
        m_sim.admin("POST", QStringLiteral("config"), {{QStringLiteral("time_scale"), scale}});
        m_receiver.answer({500, 502, 503, 500, 500, 500, 500});
        const qint64 id = create(m_receiver.url(), {QStringLiteral("test")})
                              .value(QStringLiteral("webhook"))
                              .toObject()
                              .value(QStringLiteral("id"))
                              .toInteger();
        m_sim.api("POST", QStringLiteral("/webhooks/%1/test").arg(id));
        const QList<int> &delays = sim::SimWebhookSender::retryDelaysSecs();
        QCOMPARE(delays, (QList<int>{10, 30, 120, 600, 1800}));
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver.hits().size(), delays.size() + 1, 20000);
        QTest::qWait(300);
        QCOMPARE(m_receiver.hits().size(), delays.size() + 1); // and no more after the last one
        for (int i = 0; i < delays.size(); ++i) {
            const qint64 gap = m_receiver.hits().at(i + 1).atMs - m_receiver.hits().at(i).atMs;
            QVERIFY2(gap >= static_cast<qint64>(delays.at(i) * 1000 * scale) - 2,
                     qPrintable(QStringLiteral("retry %1 after %2 ms").arg(i + 1).arg(gap)));
        }
        // Every attempt carries the same event id and is in the log.
        const QByteArray firstId = QJsonDocument::fromJson(m_receiver.hits().first().body)
                                       .object()
                                       .value(QStringLiteral("id"))
                                       .toString()
                                       .toUtf8();
        for (const Receiver::Hit &hit : m_receiver.hits())
            QCOMPARE(QJsonDocument::fromJson(hit.body).object().value(QStringLiteral("id")).toString().toUtf8(),
                     firstId);
        QTRY_COMPARE(deliveries(id).size(), delays.size() + 1);
        const QJsonArray log = deliveries(id);
        for (int i = 0; i < log.size(); ++i) {
            QCOMPARE(log.at(i).toObject().value(QStringLiteral("attempt")).toInt(), i + 1);
            QCOMPARE(log.at(i).toObject().value(QStringLiteral("ok")).toBool(), false);
        }
        m_sim.admin("POST", QStringLiteral("config"), {{QStringLiteral("time_scale"), 1}});
        m_receiver.answer({});
    }

    void deliveriesBurstAtTwentyASecond()
    {
        const qint64 id =
            create(m_receiver.url(), {QStringLiteral("new_lead"), QStringLiteral("message_received"),
                                      QStringLiteral("lead_status_changed"), QStringLiteral("lead_escalated")})
                .value(QStringLiteral("webhook"))
                .toObject()
                .value(QStringLiteral("id"))
                .toInteger();
        m_sim.admin("POST", QStringLiteral("activity"), {{QStringLiteral("events"), 30}});
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver.hits().size(), 30, 10000);
        // When the sender started each attempt, from its log.
        QTRY_COMPARE(deliveries(id).size(), 30);
        QList<qint64> starts;
        for (const QJsonValue &v : deliveries(id))
            starts.append(
                QDateTime::fromString(v.toObject().value(QStringLiteral("attempted_at")).toString(), Qt::ISODateWithMs)
                    .toMSecsSinceEpoch());
        std::sort(starts.begin(), starts.end());
        QVERIFY(starts.at(19) - starts.at(0) < 1000);
        QVERIFY2(starts.at(20) - starts.at(0) >= 999, qPrintable(QString::number(starts.at(20) - starts.at(0))));
        m_sim.api("DELETE", QStringLiteral("/webhooks/%1").arg(id));
    }

    void aReceiverThatNeverAnswersTimesOut()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] { held.append(silent.nextPendingConnection()); });
        m_sim.admin("POST", QStringLiteral("config"), {{QStringLiteral("time_scale"), 0.02}}); // 10 s -> 200 ms
        const qint64 id =
            create(QStringLiteral("http://127.0.0.1:%1/hook").arg(silent.serverPort()), {QStringLiteral("test")})
                .value(QStringLiteral("webhook"))
                .toObject()
                .value(QStringLiteral("id"))
                .toInteger();
        m_sim.api("POST", QStringLiteral("/webhooks/%1/test").arg(id));
        QTRY_VERIFY_WITH_TIMEOUT(!deliveries(id).isEmpty(), 5000);
        const QJsonObject first = deliveries(id).first().toObject();
        QCOMPARE(first.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(first.value(QStringLiteral("status_code")).toInt(), 0);
        QVERIFY(first.value(QStringLiteral("duration_ms")).toInteger() >= 190);
        QVERIFY(first.value(QStringLiteral("duration_ms")).toInteger() < 5000);
        m_sim.api("DELETE", QStringLiteral("/webhooks/%1").arg(id));
        m_sim.admin("POST", QStringLiteral("config"), {{QStringLiteral("time_scale"), 1}});
    }

    void aDeliveryThatSucceedsAfterRetriesStops()
    {
        m_sim.admin("POST", QStringLiteral("config"), {{QStringLiteral("time_scale"), 0.002}});
        m_receiver.answer({500, 500});
        const qint64 id = create(m_receiver.url(), {QStringLiteral("test")})
                              .value(QStringLiteral("webhook"))
                              .toObject()
                              .value(QStringLiteral("id"))
                              .toInteger();
        m_sim.api("POST", QStringLiteral("/webhooks/%1/test").arg(id));
        QTRY_COMPARE(deliveries(id).size(), 3);
        QCOMPARE(deliveries(id).last().toObject().value(QStringLiteral("ok")).toBool(), true);
        QTest::qWait(500);
        QCOMPARE(m_receiver.hits().size(), 3);
        QCOMPARE(m_sim.api("DELETE", QStringLiteral("/webhooks/%1").arg(id)).status, 200);
        QCOMPARE(m_sim.get(QStringLiteral("/webhooks/%1/deliveries").arg(id)).status, 404);
        QCOMPARE(m_sim.api("DELETE", QStringLiteral("/webhooks/%1").arg(id)).status, 404);
        m_sim.admin("POST", QStringLiteral("config"), {{QStringLiteral("time_scale"), 1}});
    }
};

QTEST_GUILESS_MAIN(TstSimWebhooks)
#include "tst_sim_webhooks.moc"
