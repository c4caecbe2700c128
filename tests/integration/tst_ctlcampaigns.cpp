#include "OutpostCtl.h"
#include "SimFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace outpost;
using outpost::sim::SimOptions;
using outpost::test::OutpostCtl;
using outpost::test::SimFixture;

// outpostctl dashboard, campaign and campaigns as a person runs them: the real
// binary, a private profile, the key in the real keychain, outpost-sim on loopback.
class TestCtlCampaigns : public QObject
{
    Q_OBJECT

    using Run = outpost::test::CtlResult;

    QTemporaryDir m_dir;
    SimFixture m_sim;
    QString m_profile;

    Run ctl(const QStringList &args, const QByteArray &input = {}) { return OutpostCtl(m_profile).run(args, input); }

    int sendRequests()
    {
        int n = 0;
        for (const QJsonValue &v : m_sim.ledger(0))
            n += v.toObject().value(QStringLiteral("path")).toString().endsWith(QStringLiteral("/send"));
        return n;
    }

    int actedSends()
    {
        int n = 0;
        for (const QJsonValue &v : m_sim.ledger(0)) {
            const QJsonObject e = v.toObject();
            n += e.value(QStringLiteral("path")).toString().endsWith(QStringLiteral("/send")) &&
                 e.value(QStringLiteral("status")).toInt() == 200 && !e.value(QStringLiteral("replayed")).toBool();
        }
        return n;
    }

    static QJsonObject withoutLabels(QJsonObject part)
    {
        for (const char *key : {"source", "as_of", "note"})
            part.remove(QLatin1StringView(key));
        return part;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_profile = m_dir.filePath(QStringLiteral("profile"));
        SimOptions options;
        options.leads = 700;
        options.rateLimit = 0;
        options.seed = 9;
        QVERIFY(m_sim.start(options));
        Run run = OutpostCtl(m_profile).addWorkspace(QStringLiteral("demo"), m_sim.baseUrl(), m_sim.clientId(),
                                                     m_sim.apiKey(),
                                                     {QStringLiteral("--rate-per-minute"), QStringLiteral("100000")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        run = ctl({QStringLiteral("sync"), QStringLiteral("--details"), QStringLiteral("all")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
    }

    void dashboardFromTheServiceEqualsTheCachesOwn_data()
    {
        QTest::addColumn<QString>("days");
        QTest::newRow("7") << QStringLiteral("7");
        QTest::newRow("30") << QStringLiteral("30");
        QTest::newRow("90") << QStringLiteral("90");
    }

    void dashboardFromTheServiceEqualsTheCachesOwn()
    {
        QFETCH(QString, days);
        const Run server = ctl({QStringLiteral("dashboard"), QStringLiteral("--days"), days, QStringLiteral("--json")});
        QVERIFY2(server.code == 0, qPrintable(server.err));
        const Run local = ctl({QStringLiteral("dashboard"), QStringLiteral("--days"), days, QStringLiteral("--json"),
                               QStringLiteral("--local")});
        QVERIFY2(local.code == 0, qPrintable(local.err));
        for (const char *part : {"overview", "funnel", "sla"}) {
            const QJsonObject s = server.json().value(QLatin1StringView(part)).toObject();
            const QJsonObject l = local.json().value(QLatin1StringView(part)).toObject();
            QCOMPARE(s.value(QStringLiteral("source")).toString(), QStringLiteral("server"));
            QCOMPARE(l.value(QStringLiteral("source")).toString(), QStringLiteral("local"));
            QVERIFY(!l.value(QStringLiteral("as_of")).isNull());
            QCOMPARE(withoutLabels(l), withoutLabels(s));
        }
        const Run text = ctl({QStringLiteral("dashboard"), QStringLiteral("--days"), days, QStringLiteral("--local")});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains(QStringLiteral("computed from cached data as of")));
        const Run csv = ctl({QStringLiteral("dashboard"), QStringLiteral("--csv"), QStringLiteral("--local")});
        QCOMPARE(csv.code, 0);
        QVERIFY(csv.out.startsWith(QStringLiteral("section,figure,value,source,as_of\r\n")));
        QVERIFY(csv.out.contains(QStringLiteral("overview,total_leads,700,local,")));
    }

    void badDaysAreAUsageError()
    {
        QCOMPARE(ctl({QStringLiteral("dashboard"), QStringLiteral("--days"), QStringLiteral("soon")}).code, 2);
        QCOMPARE(ctl({QStringLiteral("dashboard"), QStringLiteral("--days"), QStringLiteral("0")}).code, 2);
    }

    void previewCountsAgreeWithTheService_data()
    {
        QTest::addColumn<QStringList>("filters");
        QTest::newRow("status+channel") << QStringList{QStringLiteral("status=qualified"),
                                                       QStringLiteral("channel=whatsapp")};
        QTest::newRow("tag") << QStringList{QStringLiteral("tag=vip")};
        QTest::newRow("hostile") << QStringList{QStringLiteral("tag=x' OR 1=1; --%_🚀")};
        QTest::newRow("everyone") << QStringList{};
    }

    void previewCountsAgreeWithTheService()
    {
        QFETCH(QStringList, filters);
        QStringList args{QStringLiteral("campaign"), QStringLiteral("preview"), QStringLiteral("--server"),
                         QStringLiteral("--json")};
        for (const QString &f : filters)
            args << QStringLiteral("--filter") << f;
        const Run run = ctl(args);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonObject o = run.json();
        QCOMPARE(o.value(QStringLiteral("local_count")).toInteger(),
                 o.value(QStringLiteral("server_count")).toInteger());
        QCOMPARE(o.value(QStringLiteral("over_cap")).toBool(),
                 o.value(QStringLiteral("local_count")).toInteger() > 500);
    }

    void createSendAndStats()
    {
        Run run = ctl({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("Spring \"promo\""),
                       QStringLiteral("--filter"), QStringLiteral("status=qualified"), QStringLiteral("--filter"),
                       QStringLiteral("channel=whatsapp"), QStringLiteral("--message"),
                       QStringLiteral("Hi {first_name}, {agent} here: {coupon}"), QStringLiteral("--json")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("{coupon}")), qPrintable(run.err));
        const QString id = QString::number(run.json().value(QStringLiteral("local_id")).toInteger());
        QVERIFY(run.json().value(QStringLiteral("audience_count")).toInteger() > 0);

        // The send's answer is lost once it was applied: asking again must not send twice.
        m_sim.admin("POST", QStringLiteral("fault"),
                    {{QStringLiteral("kind"), QStringLiteral("drop-after-apply")}, {QStringLiteral("count"), 2}});
        run = ctl({QStringLiteral("campaign"), QStringLiteral("send"), id});
        if (run.code != 0) {
            QVERIFY2(run.err.contains(QStringLiteral("never sends twice")), qPrintable(run.err));
            run = ctl({QStringLiteral("campaign"), QStringLiteral("send"), id});
        }
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(actedSends(), 1);

        run = ctl({QStringLiteral("campaign"), QStringLiteral("stats"), id, QStringLiteral("--json")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.json().value(QStringLiteral("sent")).toInteger() > 0);

        run = ctl({QStringLiteral("campaigns"), QStringLiteral("--json")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        bool listed = false;
        for (const QJsonValue &c : run.json().value(QStringLiteral("campaigns")).toArray())
            listed = listed || (c[QStringLiteral("local_id")].toInteger() == id.toLongLong() &&
                                c[QStringLiteral("id")].toInteger() > 0 &&
                                c[QStringLiteral("status")].toString() != QLatin1StringView("draft"));
        QVERIFY2(listed, qPrintable(run.out));
    }

    void theCapAndAnEmptyMessageAreRefusedBeforeAnyRequest()
    {
        Run run = ctl({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("Everyone"),
                       QStringLiteral("--message"), QStringLiteral("Hi {name}"), QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.err.contains(QStringLiteral("500")), qPrintable(run.err));
        const QString id = QString::number(run.json().value(QStringLiteral("local_id")).toInteger());
        const int before = sendRequests();
        run = ctl({QStringLiteral("campaign"), QStringLiteral("send"), id});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("500")), qPrintable(run.err));
        QCOMPARE(sendRequests(), before);

        run = ctl({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("Blank"),
                   QStringLiteral("--message"), QStringLiteral("   ")});
        QCOMPARE(run.code, 2);
        run = ctl({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("Nobody"),
                   QStringLiteral("--filter"), QStringLiteral("status=nobody-has-this"), QStringLiteral("--message"),
                   QStringLiteral("Hi")});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.err.contains(QStringLiteral("nobody")), qPrintable(run.err));
        QCOMPARE(ctl({QStringLiteral("campaign"), QStringLiteral("send"), QStringLiteral("9999")}).code, 1);
        QCOMPARE(ctl({QStringLiteral("campaign"), QStringLiteral("preview"), QStringLiteral("--filter"),
                      QStringLiteral("colour=red")})
                     .code,
                 2);
    }

    void basicPlanFallsBackToTheCache()
    {
        m_sim.admin("POST", QStringLiteral("config"), {{QStringLiteral("plan"), QStringLiteral("basic")}});
        Run run = ctl({QStringLiteral("dashboard"), QStringLiteral("--json")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonObject sla = run.json().value(QStringLiteral("sla")).toObject();
        QCOMPARE(sla.value(QStringLiteral("source")).toString(), QStringLiteral("local"));
        QVERIFY(sla.value(QStringLiteral("note")).toString().contains(QStringLiteral("plan")));
        QCOMPARE(run.json().value(QStringLiteral("overview")).toObject().value(QStringLiteral("source")).toString(),
                 QStringLiteral("server"));
        QVERIFY(sla.value(QStringLiteral("agents")).toArray().size() > 0);

        run = ctl({QStringLiteral("campaigns"), QStringLiteral("--json")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.json().value(QStringLiteral("note")).toString().contains(QStringLiteral("Premium")));
        QVERIFY(!run.json().value(QStringLiteral("campaigns")).toArray().isEmpty());
        m_sim.admin("POST", QStringLiteral("config"), {{QStringLiteral("plan"), QStringLiteral("premium")}});
    }
};

QTEST_GUILESS_MAIN(TestCtlCampaigns)
#include "tst_ctlcampaigns.moc"
