#include "LeadGenerator.h"
#include "analytics/LocalAnalytics.h"
#include "storage/Database.h"
#include "storage/LeadActivityWriter.h"
#include "storage/LeadStore.h"
#include "storage/SlaBuckets.h"

#include <QJsonArray>
#include <QSqlError>
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

    // The kept buckets against the same sums taken afresh
    // from every lead: what differs, as "column of hour/agent: kept vs fresh".
    QStringList bucketDrift()
    {
        QSqlQuery q(m_db->connection());
        const QString fresh =
            QString::fromLatin1(SlaBuckets::kFill)
                .replace(QStringLiteral("INSERT INTO sla_buckets"), QStringLiteral("INSERT INTO temp.fresh_buckets"));
        if (!q.exec(QStringLiteral("DROP TABLE IF EXISTS temp.fresh_buckets")) ||
            !q.exec(QStringLiteral("CREATE TEMP TABLE fresh_buckets AS SELECT * FROM main.sla_buckets WHERE 0")) ||
            !q.exec(QStringLiteral("CREATE UNIQUE INDEX temp.fresh_key ON fresh_buckets(hour, has_agent, agent)")) ||
            !q.exec(fresh))
            return {q.lastError().text()};
        const QStringList columns = QString::fromLatin1(SlaBuckets::kColumns).split(QStringLiteral(", "));
        QStringList drift;
        for (const QString &c : columns.mid(3)) {
            // Column names come from the schema's own list.
            const QString sql = QStringLiteral("SELECT k.hour, k.agent, ifnull(k.%1, 0), ifnull(f.%1, 0) FROM "
                                               "main.sla_buckets k FULL JOIN "
                                               "temp.fresh_buckets f USING (hour, has_agent, agent) "
                                               "WHERE abs(ifnull(k.%1, 0) - ifnull(f.%1, 0)) > 1e-9")
                                    .arg(c);
            if (!q.exec(sql))
                return {q.lastError().text()};
            while (q.next())
                drift << QStringLiteral("%1 of %2/%3: %4 vs %5")
                             .arg(c, q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                  q.value(3).toString());
        }
        return drift;
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

    void bucketsAreTheSumsOfTheLeads() { QCOMPARE(bucketDrift(), QStringList()); }

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

    // Every way a lead or its conversation changes leaves each bucket the sum
    // of its leads' contributions: moves between hours and agents, status and
    // escalation, messages added one by one or replaced, removal, reinsertion.
    void everyChangeKeepsTheBucketsExact()
    {
        LeadStore store(*m_db);
        const LeadGenerator generator(11, 600, m_now);
        QList<Lead> changed;
        for (qint64 id = 10; id < 40; ++id) {
            Lead l = generator.lead(id);
            l.updatedAt = l.updatedAt.addSecs(3600);
            switch (id % 5) {
            case 0:
                l.status = LeadStatus(LeadStatus::Closed);
                break;
            case 1:
                l.assignedAgent = id % 2 ? QString() : QStringLiteral("Zoë");
                break;
            case 2:
                l.createdAt = l.createdAt.addDays(-3);
                break;
            case 3:
                l.escalated = !l.escalated;
                l.rating = std::nullopt;
                break;
            default:
                l.status = LeadStatus(LeadStatus::New);
                l.rating = 2.5;
            }
            changed << l;
        }
        QVERIFY(store.upsert(changed).ok());
        QCOMPARE(bucketDrift(), QStringList());

        LeadActivityWriter activity(*m_db);
        for (qint64 id = 40; id < 60; ++id) {
            const QDateTime at = generator.lead(id).createdAt.addSecs(id * 7);
            const Message in{
                QStringLiteral("x-in-%1").arg(id), Message::Direction::In, {}, QStringLiteral("hi"), {}, at};
            const Message out{QStringLiteral("x-out-%1").arg(id),
                              Message::Direction::Out,
                              id % 2 ? QStringLiteral("Bot") : QStringLiteral("Maria"),
                              QStringLiteral("hello"),
                              {},
                              at.addSecs(id * 11)};
            QVERIFY(activity.addMessage(id, in).ok());
            QVERIFY(activity.addMessage(id, out).ok());
        }
        QCOMPARE(bucketDrift(), QStringList());

        for (qint64 id = 60; id < 70; ++id) {
            LeadDetail d = generator.detail(id);
            for (int i = 0; i < d.messages.size(); ++i)
                d.messages[i].id = QStringLiteral("r%1").arg(i);
            d.notes.clear();
            d.appointments.clear();
            if (id % 2)
                d.messages = d.messages.mid(0, 1);
            d.lead.status = LeadStatus(LeadStatus::Lost);
            auto saved = store.saveDetail(d);
            QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        }
        QCOMPARE(bucketDrift(), QStringList());

        QVERIFY(store.remove({70, 71, 72, 45}).ok());
        QCOMPARE(bucketDrift(), QStringList());
        QVERIFY(store.upsert({generator.lead(70), generator.lead(45)}).ok());
        QCOMPARE(bucketDrift(), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestLocalAnalytics)
#include "tst_localanalytics.moc"
