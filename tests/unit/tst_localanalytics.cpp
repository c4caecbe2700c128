#include "LeadGenerator.h"
#include "analytics/LocalAnalytics.h"
#include "storage/Database.h"
#include "storage/LeadStore.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace outpost;
using outpost::sim::LeadGenerator;

// Local dashboard figures over a real cache filled with generated leads and
// their conversations, against the service's definitions applied in plain C++.
class TestLocalAnalytics : public QObject
{
    Q_OBJECT

    struct Facts
    {
        Lead lead;
        qint64 firstIn = 0, firstOut = 0, lastIn = 0, lastOut = 0;
        int humanReplies = 0;
    };

    QTemporaryDir m_dir;
    std::optional<Database> m_db;
    QList<Facts> m_facts;
    const QDateTime m_now = QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);

    static bool resolved(const Lead &l)
    {
        return l.status.toString() == QLatin1StringView("closed") || l.status.toString() == QLatin1StringView("lost");
    }

    static double percent(qint64 part, qint64 whole) { return LocalAnalytics::percent(part, whole); }

    static Facts factsOf(const LeadDetail &d)
    {
        Facts f{d.lead};
        for (const Message &m : d.messages) {
            const qint64 at = m.sentAt.toMSecsSinceEpoch();
            if (m.direction == Message::Direction::In) {
                f.firstIn = f.firstIn ? std::min(f.firstIn, at) : at;
                f.lastIn = std::max(f.lastIn, at);
            } else {
                f.lastOut = std::max(f.lastOut, at);
                if (m.author != QLatin1StringView("Bot"))
                    ++f.humanReplies;
            }
        }
        for (const Message &m : d.messages) {
            const qint64 at = m.sentAt.toMSecsSinceEpoch();
            if (m.direction == Message::Direction::Out && f.firstIn && at >= f.firstIn &&
                (!f.firstOut || at < f.firstOut))
                f.firstOut = at;
        }
        return f;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto db = Database::open(m_dir.filePath(QStringLiteral("cache.sqlite")));
        QVERIFY(db.ok());
        m_db.emplace(std::move(*db));
        LeadStore store(*m_db);
        const LeadGenerator generator(11, 600, m_now);
        QList<Lead> leads;
        for (qint64 id = 1; id <= 600; ++id)
            leads << generator.lead(id);
        QVERIFY(store.upsert(leads).ok());
        // Two leads in three have their conversation cached: the others count as silent.
        for (qint64 id = 1; id <= 600; ++id) {
            LeadDetail d = generator.detail(id);
            for (int i = 0; i < d.messages.size(); ++i)
                d.messages[i].id = QString::number(i + 1);
            for (int i = 0; i < d.notes.size(); ++i)
                d.notes[i].id = QString::number(i + 1);
            for (int i = 0; i < d.appointments.size(); ++i)
                d.appointments[i].id = QString::number(i + 1);
            if (id % 3) {
                QVERIFY(store.saveDetail(d).ok());
                m_facts << factsOf(d);
            } else {
                m_facts << Facts{d.lead};
            }
        }
    }

    void overview()
    {
        qint64 converted = 0, escalated = 0, done = 0, botDone = 0, rated = 0;
        double ratings = 0;
        for (const Facts &f : std::as_const(m_facts)) {
            const QString s = f.lead.status.toString();
            converted += s == QLatin1StringView("booked") || s == QLatin1StringView("closed");
            escalated += f.lead.escalated;
            done += resolved(f.lead);
            botDone += resolved(f.lead) && !f.lead.escalated && f.humanReplies == 0;
            if (f.lead.rating) {
                ++rated;
                ratings += *f.lead.rating;
            }
        }
        auto o = LocalAnalytics(*m_db).overview();
        QVERIFY2(o.ok(), qPrintable(o.ok() ? QString() : o.error().message));
        const qint64 total = m_facts.size();
        QCOMPARE(o->value(QStringLiteral("total_leads")).toInteger(), total);
        QCOMPARE(o->value(QStringLiteral("conversion_rate")).toDouble(), percent(converted, total));
        QCOMPARE(o->value(QStringLiteral("escalation_rate")).toDouble(), percent(escalated, total));
        QCOMPARE(o->value(QStringLiteral("bot_resolution_pct")).toDouble(), percent(botDone, done));
        QVERIFY(botDone > 0 && botDone < done);
        QCOMPARE(o->value(QStringLiteral("avg_rating")).toDouble(), std::round(ratings / double(rated) * 100) / 100);
    }

    void funnel()
    {
        std::map<QString, qint64> counts;
        for (const Facts &f : std::as_const(m_facts))
            ++counts[f.lead.status.toString()];
        auto o = LocalAnalytics(*m_db).funnel();
        QVERIFY(o.ok());
        const QJsonArray stages = o->value(QStringLiteral("funnel")).toArray();
        QCOMPARE(stages.size(), 6);
        QStringList order;
        for (const QJsonValue &v : stages) {
            const QString status = v[QStringLiteral("status")].toString();
            order << status;
            QCOMPARE(v[QStringLiteral("count")].toInteger(), counts[status]);
        }
        QCOMPARE(order, (QStringList{QStringLiteral("new"), QStringLiteral("contacted"), QStringLiteral("qualified"),
                                     QStringLiteral("booked"), QStringLiteral("lost"), QStringLiteral("closed")}));
    }

    void sla_data()
    {
        QTest::addColumn<int>("days");
        QTest::newRow("7") << 7;
        QTest::newRow("30") << 30;
        QTest::newRow("90") << 90;
        QTest::newRow("1") << 1;
    }

    void sla()
    {
        QFETCH(int, days);
        const qint64 since = m_now.toMSecsSinceEpoch() - qint64(days) * 86400000;
        qint64 frN = 0, frOk = 0, resN = 0, resOk = 0, open = 0, waiting = 0, escalatedOpen = 0;
        double frSum = 0, resSum = 0;
        std::map<QString, std::pair<qint64, qint64>> agents;
        for (const Facts &f : std::as_const(m_facts)) {
            const Lead &l = f.lead;
            if (!resolved(l)) {
                ++open;
                waiting += f.lastIn > f.lastOut;
                escalatedOpen += l.escalated;
            }
            if (l.createdAt.toMSecsSinceEpoch() < since)
                continue;
            if (f.firstIn && f.firstOut) {
                ++frN;
                frSum += double(f.firstOut - f.firstIn);
                frOk += f.firstOut - f.firstIn <= 300000;
            }
            if (resolved(l)) {
                const qint64 span = l.updatedAt.toMSecsSinceEpoch() - l.createdAt.toMSecsSinceEpoch();
                ++resN;
                resSum += double(span);
                resOk += span <= 86400000;
            }
            if (!l.assignedAgent.isNull()) {
                ++agents[l.assignedAgent].first;
                agents[l.assignedAgent].second += resolved(l);
            }
        }
        auto o = LocalAnalytics(*m_db).sla(days, m_now);
        QVERIFY2(o.ok(), qPrintable(o.ok() ? QString() : o.error().message));
        const QJsonObject fr = o->value(QStringLiteral("first_response")).toObject();
        QCOMPARE(fr.value(QStringLiteral("count")).toInteger(), frN);
        QCOMPARE(fr.value(QStringLiteral("avg_seconds")).toDouble(),
                 frN ? LocalAnalytics::round1(frSum / double(frN) / 1000.0) : 0.0);
        QCOMPARE(fr.value(QStringLiteral("compliance_pct")).toDouble(), frN ? percent(frOk, frN) : 100.0);
        QCOMPARE(fr.value(QStringLiteral("target_seconds")).toInt(), 300);
        const QJsonObject res = o->value(QStringLiteral("resolution")).toObject();
        QCOMPARE(res.value(QStringLiteral("count")).toInteger(), resN);
        QCOMPARE(res.value(QStringLiteral("avg_seconds")).toDouble(),
                 resN ? LocalAnalytics::round1(resSum / double(resN) / 1000.0) : 0.0);
        QCOMPARE(res.value(QStringLiteral("compliance_pct")).toDouble(), resN ? percent(resOk, resN) : 100.0);
        const QJsonObject queue = o->value(QStringLiteral("queue")).toObject();
        QCOMPARE(queue.value(QStringLiteral("open_leads")).toInteger(), open);
        QCOMPARE(queue.value(QStringLiteral("waiting_human")).toInteger(), waiting);
        QCOMPARE(queue.value(QStringLiteral("escalated_open")).toInteger(), escalatedOpen);
        const QJsonArray list = o->value(QStringLiteral("agents")).toArray();
        QCOMPARE(list.size(), qsizetype(agents.size()));
        int i = 0;
        for (const auto &[agent, totals] : agents) {
            const QJsonObject a = list.at(i++).toObject();
            QCOMPARE(a.value(QStringLiteral("agent")).toString(), agent);
            QCOMPARE(a.value(QStringLiteral("total")).toInteger(), totals.first);
            QCOMPARE(a.value(QStringLiteral("resolved")).toInteger(), totals.second);
            QCOMPARE(a.value(QStringLiteral("resolution_rate")).toDouble(), percent(totals.second, totals.first));
        }
        if (days >= 30)
            QVERIFY(frN > 0 && resN > 0);
    }

    void conversationsReplacedOrRemovedKeepTheFactsCurrent()
    {
        LeadStore store(*m_db);
        const LeadGenerator generator(11, 600, m_now);
        LeadDetail d = generator.detail(1);
        d.messages.clear();
        QVERIFY(store.saveDetail(d).ok());
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM lead_activity WHERE lead_id = 1")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(store.remove({2}).ok());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM lead_activity WHERE lead_id = 2")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLocalAnalytics)
#include "tst_localanalytics.moc"
