// The webhook receiver fed by outpost-sim: real signed deliveries of real
// events over loopback, accepted when the secret and header match and
// refused (and logged as failed by the sender) when they do not.
#include "SimFixture.h"
#include "webhooks/WebhookReceiver.h"

#include <QSignalSpy>
#include <QTest>

using namespace outpost;
using outpost::test::SimFixture;
using webhook::Outcome;

class TestWebhooksSim : public QObject
{
    Q_OBJECT

private:
    SimFixture m_sim;

    struct Hook
    {
        qint64 id = 0;
        QByteArray secret;
    };

    Hook create(const QUrl &url, const QStringList &events)
    {
        const QJsonObject webhook = m_sim
                                        .api("POST", QStringLiteral("/webhooks"),
                                             {{QStringLiteral("name"), QStringLiteral("outpost receiver")},
                                              {QStringLiteral("url"), url.toString()},
                                              {QStringLiteral("events"), QJsonArray::fromStringList(events)}})
                                        .json.value(QStringLiteral("webhook"))
                                        .toObject();
        return {webhook.value(QStringLiteral("id")).toInteger(),
                webhook.value(QStringLiteral("secret")).toString().toUtf8()};
    }

    QJsonArray deliveries(qint64 id)
    {
        return m_sim.get(QStringLiteral("/webhooks/%1/deliveries").arg(id))
            .json.value(QStringLiteral("deliveries"))
            .toArray();
    }

    static QUrl urlOf(const WebhookReceiver &receiver)
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/hooks/outpost").arg(receiver.port()));
    }

    void setSimHeader(const QString &header)
    {
        m_sim.admin("POST", QStringLiteral("config"), {{QStringLiteral("signature_header"), header}});
    }

private slots:
    void initTestCase() { QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString())); }

    void genuineDeliveriesAreAcceptedOnce()
    {
        setSimHeader(QStringLiteral("X-BossBot-Signature"));
        // Listening first: the secret only exists once the webhook does.
        WebhookReceiver receiver(WebhookSignature({QByteArrayLiteral("placeholder")}, "X-BossBot-Signature"));
        QVERIFY(receiver.listen().ok());
        const Hook hook = create(urlOf(receiver), {QStringLiteral("test"), QStringLiteral("lead_status_changed")});
        QVERIFY(!hook.secret.isEmpty());
        receiver.setSignature(WebhookSignature({hook.secret}, "X-BossBot-Signature"));
        QSignalSpy received(&receiver, &WebhookReceiver::eventReceived);

        QCOMPARE(m_sim.api("POST", QStringLiteral("/webhooks/%1/test").arg(hook.id)).status, 200);
        QTRY_COMPARE(received.size(), 1);
        QCOMPARE(received.at(0).first().toJsonObject().value(QStringLiteral("event")).toString(),
                 QStringLiteral("test"));

        const QString old = m_sim.get(QStringLiteral("/lead/7"))
                                .json.value(QStringLiteral("lead"))
                                .toObject()
                                .value(QStringLiteral("status"))
                                .toString();
        const QString next = old == QLatin1StringView("lost") ? QStringLiteral("new") : QStringLiteral("lost");
        QCOMPARE(m_sim.api("POST", QStringLiteral("/lead/7/status"), {{QStringLiteral("status"), next}}).status, 200);
        QTRY_COMPARE(received.size(), 2);
        const QJsonObject event = received.at(1).first().toJsonObject();
        QCOMPARE(event.value(QStringLiteral("event")).toString(), QStringLiteral("lead_status_changed"));
        const QJsonObject data = event.value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("lead_id")).toInteger(), 7);
        QCOMPARE(data.value(QStringLiteral("new_status")).toString(), next);

        // The sender saw two successful deliveries; nothing was refused.
        QTRY_COMPARE(deliveries(hook.id).size(), 2);
        for (const QJsonValue &d : deliveries(hook.id)) {
            QCOMPARE(d.toObject().value(QStringLiteral("status_code")).toInt(), 200);
            QCOMPARE(d.toObject().value(QStringLiteral("ok")).toBool(), true);
        }
        QCOMPARE(receiver.count(Outcome::Accepted), 2);
        QCOMPARE(receiver.rejectedCount(), 0);
        m_sim.api("DELETE", QStringLiteral("/webhooks/%1").arg(hook.id));
        setSimHeader(QStringLiteral("X-Signature"));
    }

    void deliveriesSignedWithAnotherSecretAreRefused()
    {
        WebhookReceiver receiver(WebhookSignature({QByteArrayLiteral("not-the-webhook-secret")}));
        QVERIFY(receiver.listen().ok());
        const Hook hook = create(urlOf(receiver), {QStringLiteral("test")});
        QSignalSpy received(&receiver, &WebhookReceiver::eventReceived);
        QCOMPARE(m_sim.api("POST", QStringLiteral("/webhooks/%1/test").arg(hook.id)).status, 200);
        QTRY_COMPARE(receiver.count(Outcome::BadSignature), 1);
        QTRY_COMPARE(deliveries(hook.id).size(), 1);
        const QJsonObject d = deliveries(hook.id).first().toObject();
        QCOMPARE(d.value(QStringLiteral("status_code")).toInt(), 401);
        QCOMPARE(d.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(received.size(), 0);
        m_sim.api("DELETE", QStringLiteral("/webhooks/%1").arg(hook.id));
    }

    void deliveriesUnderAnotherHeaderNameAreRefused()
    {
        WebhookReceiver receiver(WebhookSignature({QByteArrayLiteral("placeholder")}, "X-Acme-Signature"));
        QVERIFY(receiver.listen().ok());
        const Hook hook = create(urlOf(receiver), {QStringLiteral("test")});
        receiver.setSignature(WebhookSignature({hook.secret}, "X-Acme-Signature"));
        QSignalSpy received(&receiver, &WebhookReceiver::eventReceived);
        QCOMPARE(m_sim.api("POST", QStringLiteral("/webhooks/%1/test").arg(hook.id)).status, 200);
        QTRY_COMPARE(receiver.count(Outcome::MissingSignature), 1);
        QTRY_COMPARE(deliveries(hook.id).size(), 1);
        QCOMPARE(deliveries(hook.id).first().toObject().value(QStringLiteral("status_code")).toInt(), 401);
        QCOMPARE(received.size(), 0);
        m_sim.api("DELETE", QStringLiteral("/webhooks/%1").arg(hook.id));
    }
};

QTEST_GUILESS_MAIN(TestWebhooksSim)
#include "tst_webhooks_sim.moc"
