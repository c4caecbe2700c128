// outpost-sim's analytics are computed from its data: each figure is
// recomputed here from /__sim/export with the definitions of sim/README.md,
// and moves when the data moves.
#include "SimFixture.h"

#include "domain/LeadCodec.h"

#include <QTest>

#include <cmath>

using namespace outpost;
using outpost::test::SimFixture;

namespace {

double percent(qint64 part, qint64 whole)
{
    return whole ? std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10.0 : 0.0;
}

bool resolved(const Lead &lead)
{
    return lead.status.stage() == LeadStatus::Closed || lead.status.stage() == LeadStatus::Lost;
}

} // namespace

class TstSimAnalytics : public QObject
{
    Q_OBJECT

private:
    SimFixture m_sim;

    QList<LeadDetail> exported()
    {
        QList<LeadDetail> list;
        for (const QJsonValue &v :
             m_sim.admin("GET", QStringLiteral("export")).toObject().value(QStringLiteral("leads")).toArray()) {
            const auto d = LeadCodec::detailFromJson(v.toObject());
            if (d.ok())
                list.append(*d);
        }
        return list;
    }

private slots:
    void initTestCase()
    {
        auto options = SimFixture::defaultOptions(800);
        options.agents = 3;
        QVERIFY2(m_sim.start(options), qPrintable(m_sim.errorString()));
    }

    void overviewFollowsTheData()
    {
        const QList<LeadDetail> leads = exported();
        qint64 converted = 0, escalated = 0, done = 0, byBot = 0, rated = 0;
        double ratings = 0;
        for (const LeadDetail &d : leads) {
            const auto stage = d.lead.status.stage();
            converted += stage == LeadStatus::Booked || stage == LeadStatus::Closed ? 1 : 0;
            escalated += d.lead.escalated ? 1 : 0;
            if (resolved(d.lead)) {
                ++done;
                const bool human = std::any_of(d.messages.cbegin(), d.messages.cend(), [](const Message &m) {
                    return m.direction == Message::Direction::Out && m.author != QLatin1StringView("Bot");
                });
                byBot += !human && !d.lead.escalated ? 1 : 0;
            }
            if (d.lead.rating) {
                ++rated;
                ratings += *d.lead.rating;
            }
        }
        const QJsonObject o = m_sim.get(QStringLiteral("/overview")).json;
        QCOMPARE(o.value(QStringLiteral("total_leads")).toInteger(), leads.size());
        QCOMPARE(o.value(QStringLiteral("conversion_rate")).toDouble(), percent(converted, leads.size()));
        QCOMPARE(o.value(QStringLiteral("escalation_rate")).toDouble(), percent(escalated, leads.size()));
        QCOMPARE(o.value(QStringLiteral("bot_resolution_pct")).toDouble(), percent(byBot, done));
        QCOMPARE(o.value(QStringLiteral("avg_rating")).toDouble(),
                 std::round(ratings / static_cast<double>(rated) * 100) / 100);
    }

    void funnelCountsEveryStatusAndMovesWithAChange()
    {
        QHash<QString, qint64> counts;
        for (const LeadDetail &d : exported())
            ++counts[d.lead.status.toString()];
        const QJsonArray funnel =
            m_sim.get(QStringLiteral("/analytics/summary")).json.value(QStringLiteral("funnel")).toArray();
        QCOMPARE(funnel.size(), 6);
        QStringList order;
        for (const QJsonValue &v : funnel) {
            order.append(v.toObject().value(QStringLiteral("status")).toString());
            QCOMPARE(v.toObject().value(QStringLiteral("count")).toInteger(), counts.value(order.last()));
        }
        QCOMPARE(order, (QStringList{QStringLiteral("new"), QStringLiteral("contacted"), QStringLiteral("qualified"),
                                     QStringLiteral("booked"), QStringLiteral("lost"), QStringLiteral("closed")}));

        const QString was = m_sim.get(QStringLiteral("/lead/1"))
                                .json.value(QStringLiteral("lead"))
                                .toObject()
                                .value(QStringLiteral("status"))
                                .toString();
        const QString now = was == QLatin1StringView("closed") ? QStringLiteral("new") : QStringLiteral("closed");
        m_sim.api("POST", QStringLiteral("/lead/1/status"), {{QStringLiteral("status"), now}});
        const QJsonArray after =
            m_sim.get(QStringLiteral("/analytics/summary")).json.value(QStringLiteral("funnel")).toArray();
        for (const QJsonValue &v : after) {
            const QString status = v.toObject().value(QStringLiteral("status")).toString();
            const qint64 expected = counts.value(status) + (status == now ? 1 : 0) - (status == was ? 1 : 0);
            QCOMPARE(v.toObject().value(QStringLiteral("count")).toInteger(), expected);
        }
    }

    void slaFollowsTheConversations_data()
    {
        QTest::addColumn<int>("days");
        QTest::newRow("7") << 7;
        QTest::newRow("30") << 30;
        QTest::newRow("90") << 90;
    }
    void slaFollowsTheConversations()
    {
        QFETCH(int, days);
        const QList<LeadDetail> leads = exported();
        const QDateTime since = QDateTime::currentDateTimeUtc().addDays(-days);
        const QJsonObject sla = m_sim.get(QStringLiteral("/sla?days=%1").arg(days)).json;
        qint64 answered = 0, fast = 0, open = 0, waiting = 0, escalatedOpen = 0;
        double responseSecs = 0;
        QMap<QString, QPair<qint64, qint64>> agents;
        for (const LeadDetail &d : leads) {
            if (!resolved(d.lead)) {
                ++open;
                escalatedOpen += d.lead.escalated ? 1 : 0;
                QDateTime lastIn, lastOut;
                for (const Message &m : d.messages)
                    (m.direction == Message::Direction::In ? lastIn : lastOut) =
                        std::max(m.direction == Message::Direction::In ? lastIn : lastOut, m.sentAt);
                waiting += lastIn.isValid() && (!lastOut.isValid() || lastIn > lastOut) ? 1 : 0;
            }
            if (d.lead.createdAt < since)
                continue;
            if (!d.lead.assignedAgent.isEmpty()) {
                ++agents[d.lead.assignedAgent].first;
                agents[d.lead.assignedAgent].second += resolved(d.lead) ? 1 : 0;
            }
            QDateTime firstIn, firstOut;
            for (const Message &m : d.messages) {
                if (m.direction == Message::Direction::In && !firstIn.isValid())
                    firstIn = m.sentAt;
                else if (m.direction == Message::Direction::Out && firstIn.isValid() && !firstOut.isValid() &&
                         m.sentAt >= firstIn)
                    firstOut = m.sentAt;
            }
            if (firstIn.isValid() && firstOut.isValid()) {
                ++answered;
                const double secs = static_cast<double>(firstIn.msecsTo(firstOut)) / 1000.0;
                responseSecs += secs;
                fast += secs <= 300 ? 1 : 0;
            }
        }
        const QJsonObject first = sla.value(QStringLiteral("first_response")).toObject();
        QCOMPARE(first.value(QStringLiteral("target_seconds")).toInt(), 300);
        QCOMPARE(first.value(QStringLiteral("count")).toInteger(), answered);
        QCOMPARE(first.value(QStringLiteral("compliance_pct")).toDouble(), percent(fast, answered));
        QVERIFY(qAbs(first.value(QStringLiteral("avg_seconds")).toDouble() -
                     responseSecs / static_cast<double>(answered)) < 0.06);
        const QJsonObject queue = sla.value(QStringLiteral("queue")).toObject();
        QCOMPARE(queue.value(QStringLiteral("open_leads")).toInteger(), open);
        QCOMPARE(queue.value(QStringLiteral("waiting_human")).toInteger(), waiting);
        QCOMPARE(queue.value(QStringLiteral("escalated_open")).toInteger(), escalatedOpen);
        const QJsonArray agentList = sla.value(QStringLiteral("agents")).toArray();
        QCOMPARE(agentList.size(), agents.size());
        QVERIFY(agentList.size() <= 3 + 1); // three seeded agents (plus one a test may assign)
        for (const QJsonValue &v : agentList) {
            const QJsonObject a = v.toObject();
            const auto expected = agents.value(a.value(QStringLiteral("agent")).toString());
            QCOMPARE(a.value(QStringLiteral("total")).toInteger(), expected.first);
            QCOMPARE(a.value(QStringLiteral("resolved")).toInteger(), expected.second);
            QCOMPARE(a.value(QStringLiteral("resolution_rate")).toDouble(), percent(expected.second, expected.first));
        }
        QCOMPARE(sla.value(QStringLiteral("resolution")).toObject().value(QStringLiteral("target_seconds")).toInt(),
                 86400);
    }

    void aReplyToAWaitingLeadLeavesTheQueue()
    {
        const qint64 before = m_sim.get(QStringLiteral("/sla"))
                                  .json.value(QStringLiteral("queue"))
                                  .toObject()
                                  .value(QStringLiteral("waiting_human"))
                                  .toInteger();
        qint64 target = 0;
        for (const LeadDetail &d : exported()) {
            if (!resolved(d.lead) && !d.messages.isEmpty() && d.messages.last().direction == Message::Direction::In) {
                target = d.lead.id;
                break;
            }
        }
        QVERIFY(target > 0);
        m_sim.api("POST", QStringLiteral("/lead/%1/reply").arg(target),
                  {{QStringLiteral("text"), QStringLiteral("On it!")}});
        const qint64 after = m_sim.get(QStringLiteral("/sla"))
                                 .json.value(QStringLiteral("queue"))
                                 .toObject()
                                 .value(QStringLiteral("waiting_human"))
                                 .toInteger();
        QCOMPARE(after, before - 1);
        QCOMPARE(m_sim.get(QStringLiteral("/sla?days=0")).status, 400);
        QCOMPARE(m_sim.get(QStringLiteral("/sla?days=abc")).status, 400);
    }
};

QTEST_GUILESS_MAIN(TstSimAnalytics)
#include "tst_sim_analytics.moc"
