// The mutating endpoints of outpost-sim over real loopback HTTP: status,
// note, reply, appointment, bulk actions, campaigns with the 500 cap and
// evolving stats; each one checked in the data afterwards and in the ledger.
#include "SimFixture.h"

#include "domain/LeadCodec.h"

#include <QTest>

using namespace outpost;
using outpost::test::SimFixture;

class TstSimActions : public QObject
{
    Q_OBJECT

private:
    SimFixture m_sim;

    LeadDetail detail(qint64 id)
    {
        const auto r = m_sim.get(QStringLiteral("/lead/%1").arg(id));
        const auto d = LeadCodec::detailFromJson(r.json.value(QStringLiteral("lead")).toObject());
        return d.ok() ? *d : LeadDetail();
    }
    QString lastMutation()
    {
        const QJsonArray tail = m_sim.ledger(m_sim.ledgerHead() - 1);
        return tail.isEmpty() ? QString() : tail.first().toObject().value(QStringLiteral("mutation")).toString();
    }
    qint64 countWithStatus(const QString &status)
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("status"), status);
        return m_sim.get(QStringLiteral("/leads"), q).json.value(QStringLiteral("total")).toInteger();
    }

private slots:
    void initTestCase()
    {
        auto options = SimFixture::defaultOptions(700);
        options.timeScale = 0.01; // campaign figures grow 100x faster
        QVERIFY2(m_sim.start(options), qPrintable(m_sim.errorString()));
    }

    void statusChangeBumpsUpdatedAtAndIsLedgered()
    {
        const LeadDetail before = detail(11);
        const QString next = before.lead.status.toString() == QLatin1StringView("lost") ? QStringLiteral("closed")
                                                                                        : QStringLiteral("lost");
        const auto r = m_sim.api("POST", QStringLiteral("/lead/11/status"), {{QStringLiteral("status"), next}});
        QCOMPARE(r.status, 200);
        QVERIFY(lastMutation().startsWith(QStringLiteral("status 11")));
        const auto lead = LeadCodec::leadFromJson(r.json.value(QStringLiteral("lead")).toObject());
        QVERIFY(lead.ok());
        QCOMPARE(lead->status.toString(), next);
        QVERIFY(lead->updatedAt > before.lead.updatedAt);
        QCOMPARE(detail(11).lead.status.toString(), next);
    }

    void badStatusIs400AndUnknownLeadIs404()
    {
        QCOMPARE(
            m_sim.api("POST", QStringLiteral("/lead/11/status"), {{QStringLiteral("status"), QStringLiteral("won")}})
                .status,
            400);
        QCOMPARE(
            m_sim.api("POST", QStringLiteral("/lead/99999/status"), {{QStringLiteral("status"), QStringLiteral("new")}})
                .status,
            404);
    }

    void noteReplyAndAppointmentAppearInTheDetail()
    {
        const LeadDetail before = detail(12);
        const auto note =
            m_sim.api("POST", QStringLiteral("/lead/12/note"), {{QStringLiteral("text"), QStringLiteral("n1")}});
        QCOMPARE(note.status, 200);
        QVERIFY(!note.json.value(QStringLiteral("note"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toVariant()
                     .toString()
                     .isEmpty());
        const auto reply =
            m_sim.api("POST", QStringLiteral("/lead/12/reply"), {{QStringLiteral("text"), QStringLiteral("Hello!")}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value(QStringLiteral("message")).toObject().value(QStringLiteral("direction")).toString(),
                 QStringLiteral("out"));
        const auto appointment = m_sim.api("POST", QStringLiteral("/lead/12/appointment"),
                                           {{QStringLiteral("datetime"), QStringLiteral("2026-05-15 14:00")},
                                            {QStringLiteral("service"), QStringLiteral("Demo")}});
        QCOMPARE(appointment.status, 200);
        const LeadDetail after = detail(12);
        QCOMPARE(after.notes.size(), before.notes.size() + 1);
        QCOMPARE(after.messages.size(), before.messages.size() + 1);
        QCOMPARE(after.messages.last().text, QStringLiteral("Hello!"));
        QCOMPARE(after.lead.lastMessageAt, after.messages.last().sentAt);
        QCOMPARE(after.appointments.size(), before.appointments.size() + 1);
        QCOMPARE(after.appointments.last().dateTime, QStringLiteral("2026-05-15 14:00"));
        QCOMPARE(after.appointments.last().service, QStringLiteral("Demo"));
    }

    void appointmentNeedsTheContractsDateFormat_data()
    {
        QTest::addColumn<QString>("datetime");
        QTest::newRow("iso") << QStringLiteral("2026-05-15T14:00:00Z");
        QTest::newRow("no time") << QStringLiteral("2026-05-15");
        QTest::newRow("impossible") << QStringLiteral("2026-02-30 14:00");
        QTest::newRow("text") << QStringLiteral("tomorrow");
    }
    void appointmentNeedsTheContractsDateFormat()
    {
        QFETCH(QString, datetime);
        const auto r =
            m_sim.api("POST", QStringLiteral("/lead/12/appointment"), {{QStringLiteral("datetime"), datetime}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.json.value(QStringLiteral("error")).toString().contains(QStringLiteral("datetime")));
    }

    void bulkStageAndTag()
    {
        const auto stage = m_sim.api("POST", QStringLiteral("/bulk/stage"),
                                     {{QStringLiteral("lead_ids"), QJsonArray{21, 22, 23, 999999}},
                                      {QStringLiteral("status"), QStringLiteral("booked")}});
        QCOMPARE(stage.status, 200);
        QCOMPARE(stage.json.value(QStringLiteral("updated")).toInt(), 3); // the missing id is not counted
        for (const qint64 id : {21, 22, 23})
            QCOMPARE(detail(id).lead.status.toString(), QStringLiteral("booked"));

        const auto add = m_sim.api("POST", QStringLiteral("/bulk/tag"),
                                   {{QStringLiteral("lead_ids"), QJsonArray{21, 22}},
                                    {QStringLiteral("tag"), QStringLiteral("zz-test")},
                                    {QStringLiteral("action"), QStringLiteral("add")}});
        QCOMPARE(add.json.value(QStringLiteral("updated")).toInt(), 2);
        QVERIFY(detail(21).lead.tags.contains(QStringLiteral("zz-test")));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("search"), QStringLiteral("zz-test"));
        QCOMPARE(m_sim.get(QStringLiteral("/leads"), q).json.value(QStringLiteral("total")).toInt(), 2);
        m_sim.api("POST", QStringLiteral("/bulk/tag"),
                  {{QStringLiteral("lead_ids"), QJsonArray{21}},
                   {QStringLiteral("tag"), QStringLiteral("zz-test")},
                   {QStringLiteral("action"), QStringLiteral("remove")}});
        QVERIFY(!detail(21).lead.tags.contains(QStringLiteral("zz-test")));
        QCOMPARE(m_sim
                     .api("POST", QStringLiteral("/bulk/tag"),
                          {{QStringLiteral("lead_ids"), QJsonArray{21}},
                           {QStringLiteral("tag"), QStringLiteral("x")},
                           {QStringLiteral("action"), QStringLiteral("toggle")}})
                     .status,
                 400);
        QCOMPARE(m_sim
                     .api("POST", QStringLiteral("/bulk/stage"),
                          {{QStringLiteral("lead_ids"), QJsonArray{QStringLiteral("21")}},
                           {QStringLiteral("status"), QStringLiteral("new")}})
                     .status,
                 400);
    }

    void bulkMessageRendersPlaceholders()
    {
        const auto r =
            m_sim.api("POST", QStringLiteral("/bulk/message"),
                      {{QStringLiteral("lead_ids"), QJsonArray{31, 32}},
                       {QStringLiteral("message"), QStringLiteral("Hi {first_name}! {unknown} via {phone}")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("queued")).toInt(), 2);
        const LeadDetail d = detail(31);
        QCOMPARE(d.messages.last().text,
                 QStringLiteral("Hi %1! {unknown} via %2").arg(d.lead.firstName(), d.lead.phone));
    }

    void campaignPreviewCountsTheAudience()
    {
        const qint64 qualified = countWithStatus(QStringLiteral("qualified"));
        const auto r = m_sim.api(
            "POST", QStringLiteral("/campaigns/preview"),
            {{QStringLiteral("filters"), QJsonObject{{QStringLiteral("status"), QStringLiteral("qualified")}}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("audience_count")).toInteger(), qualified);
        QVERIFY(!r.json.value(QStringLiteral("sample")).toArray().isEmpty());
        QCOMPARE(m_sim
                     .api("POST", QStringLiteral("/campaigns/preview"),
                          {{QStringLiteral("filters"), QJsonObject{{QStringLiteral("colour"), QStringLiteral("red")}}}})
                     .status,
                 400);
    }

    void campaignOverTheCapIs400()
    {
        const auto created = m_sim.api("POST", QStringLiteral("/campaigns"),
                                       {{QStringLiteral("name"), QStringLiteral("Everyone")},
                                        {QStringLiteral("filters"), QJsonObject()},
                                        {QStringLiteral("message"), QStringLiteral("Hi {name}")}});
        QCOMPARE(created.status, 200);
        const qint64 id =
            created.json.value(QStringLiteral("campaign")).toObject().value(QStringLiteral("id")).toInteger();
        const auto sent = m_sim.api("POST", QStringLiteral("/campaigns/%1/send").arg(id));
        QCOMPARE(sent.status, 400);
        QVERIFY(sent.json.value(QStringLiteral("error")).toString().contains(QStringLiteral("500")));
    }

    void campaignSendsAndItsStatsEvolve()
    {
        const QJsonObject filters{{QStringLiteral("status"), QStringLiteral("booked")},
                                  {QStringLiteral("channel"), QStringLiteral("sms")}};
        const qint64 audience =
            m_sim.api("POST", QStringLiteral("/campaigns/preview"), {{QStringLiteral("filters"), filters}})
                .json.value(QStringLiteral("audience_count"))
                .toInteger();
        QVERIFY(audience > 0 && audience <= 500);
        const auto created = m_sim.api("POST", QStringLiteral("/campaigns"),
                                       {{QStringLiteral("name"), QStringLiteral("Booked by SMS")},
                                        {QStringLiteral("filters"), filters},
                                        {QStringLiteral("message"), QStringLiteral("See you, {first_name}")}});
        const qint64 id =
            created.json.value(QStringLiteral("campaign")).toObject().value(QStringLiteral("id")).toInteger();
        QCOMPARE(created.json.value(QStringLiteral("campaign")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("draft"));
        const auto sent = m_sim.api("POST", QStringLiteral("/campaigns/%1/send").arg(id));
        QCOMPARE(sent.status, 200);
        QCOMPARE(sent.json.value(QStringLiteral("queued")).toInteger(), audience);
        QCOMPARE(m_sim.api("POST", QStringLiteral("/campaigns/%1/send").arg(id)).status, 409); // not twice

        const auto early = m_sim.get(QStringLiteral("/campaigns/%1/stats").arg(id)).json;
        QCOMPARE(early.value(QStringLiteral("sent")).toInteger(), audience);
        QTest::qWait(3100); // 310 s of campaign time at scale 0.01
        const auto later = m_sim.get(QStringLiteral("/campaigns/%1/stats").arg(id)).json;
        QVERIFY(later.value(QStringLiteral("delivered")).toInteger() >=
                early.value(QStringLiteral("delivered")).toInteger());
        QCOMPARE(later.value(QStringLiteral("delivered")).toInteger() +
                     later.value(QStringLiteral("failed")).toInteger(),
                 audience);
        QVERIFY(later.value(QStringLiteral("read")).toInteger() <=
                later.value(QStringLiteral("delivered")).toInteger());
        QVERIFY(later.value(QStringLiteral("replied")).toInteger() <= later.value(QStringLiteral("read")).toInteger());
        QCOMPARE(later.value(QStringLiteral("status")).toString(), QStringLiteral("sent"));

        const QJsonArray list =
            m_sim.get(QStringLiteral("/campaigns")).json.value(QStringLiteral("campaigns")).toArray();
        QVERIFY(list.size() >= 2);
        QCOMPARE(m_sim.get(QStringLiteral("/campaigns/424242/stats")).status, 404);
    }
};

QTEST_GUILESS_MAIN(TstSimActions)
#include "tst_sim_actions.moc"
