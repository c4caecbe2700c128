#include "HostileStrings.h"
#include "OutpostCtl.h"
#include "TestLeads.h"
#include "domain/LeadCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost;
using outpost::test::OutpostCtl;

namespace {

using Run = outpost::test::CtlResult;

} // namespace

// outpostctl as a user runs it: the real binary, a private profile, real files.
class TestOutpostctl : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_profile;
    int m_counter = 0;

    Run ctl(const QStringList &args, const QByteArray &stdinData = QByteArray())
    {
        OutpostCtl runner(m_profile);
        runner.setTimeout(60000);
        return runner.run(args, stdinData);
    }

    QString writeFile(const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("input-%1.json").arg(++m_counter));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write a test file");
        f.write(bytes);
        return path;
    }

    static QByteArray pageOf(const QList<Lead> &leads)
    {
        LeadsPage page;
        page.leads = leads;
        return QJsonDocument(LeadCodec::pageToJson(page)).toJson();
    }

    static QList<Lead> hostileLeads()
    {
        QList<Lead> leads;
        qint64 id = 1;
        for (const auto &h : test::hostileStrings()) {
            Lead l = test::makeLead(id++, h.text);
            l.tags = {h.text};
            leads << l;
        }
        return leads;
    }

private slots:
    void init() { m_profile = m_dir.filePath(QStringLiteral("profile-%1").arg(++m_counter)); }

    void helpAndVersion()
    {
        Run r = ctl({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char *command : {"import-json", "leads", "show"})
            QVERIFY2(r.out.contains(QLatin1StringView(command)), command);
        QVERIFY(r.out.contains(QStringLiteral("--profile DIR")));
        r = ctl({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("outpostctl ")));
        r = ctl({QStringLiteral("leads"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("--search")));
    }

    void usageErrorsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("unknown global option") << QStringList{QStringLiteral("--colour")};
        QTest::newRow("profile without value") << QStringList{QStringLiteral("leads"), QStringLiteral("--profile")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("leads"), QStringLiteral("--sort-by-magic")};
        QTest::newRow("limit zero") << QStringList{QStringLiteral("leads"), QStringLiteral("--limit"),
                                                   QStringLiteral("0")};
        QTest::newRow("limit text") << QStringList{QStringLiteral("leads"), QStringLiteral("--limit"),
                                                   QStringLiteral("many")};
        QTest::newRow("bad filter") << QStringList{QStringLiteral("leads"), QStringLiteral("--filter"),
                                                   QStringLiteral("colour=red")};
        QTest::newRow("show without id") << QStringList{QStringLiteral("show")};
        QTest::newRow("show text id") << QStringList{QStringLiteral("show"), QStringLiteral("abc")};
        QTest::newRow("show sql id") << QStringList{QStringLiteral("show"), QStringLiteral("1; DROP TABLE leads")};
        QTest::newRow("import two files")
            << QStringList{QStringLiteral("import-json"), QStringLiteral("a"), QStringLiteral("b")};
    }

    void usageErrorsExitWithTwo()
    {
        QFETCH(QStringList, args);
        const Run r = ctl(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("outpostctl: ")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void anEmptyProfileSaysWhatToDo()
    {
        const Run r = ctl({QStringLiteral("leads")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no workspace yet")), qPrintable(r.err));
    }

    void importsListsAndShowsHostileData()
    {
        const QList<Lead> leads = hostileLeads();
        Run r = ctl({QStringLiteral("import-json"), writeFile(pageOf(leads))});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Imported %1 leads").arg(leads.size())), qPrintable(r.out));

        r = ctl({QStringLiteral("leads"), QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("100")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QLatin1StringView("total")).toInteger(), leads.size());
        const QJsonArray array = o.value(QLatin1StringView("leads")).toArray();
        QCOMPARE(array.size(), leads.size());
        // Newest first, every field as the contract names it, every byte kept.
        for (qsizetype i = 0; i < array.size(); ++i) {
            auto back = LeadCodec::leadFromJson(array.at(i).toObject());
            QVERIFY(back.ok());
            QCOMPARE(*back, leads.at(leads.size() - 1 - i));
        }

        // The table never lets a line break or a tab through.
        r = ctl({QStringLiteral("leads")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("first\\nsecond")));
        QVERIFY(r.out.contains(QStringLiteral("first\\tsecond")));
        QCOMPARE(r.out.count(QLatin1Char('\n')), leads.size() + 2); // header, rows, summary

        r = ctl({QStringLiteral("leads"), QStringLiteral("--search"), QStringLiteral("DROP TABLE"),
                 QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1StringView("total")).toInteger(), 1);

        r = ctl({QStringLiteral("show"), QStringLiteral("1")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("Robert'); DROP TABLE leads;--")));
        QVERIFY(r.out.contains(QStringLiteral("Messages (0)")));

        r = ctl({QStringLiteral("show"), QStringLiteral("6"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        auto shown = LeadCodec::detailFromJson(QJsonDocument::fromJson(r.out.toUtf8()).object());
        QVERIFY(shown.ok());
        QCOMPARE(shown->lead, leads.at(5));

        r = ctl({QStringLiteral("show"), QStringLiteral("9999")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("no lead 9999")));
    }

    void filtersAndSearchNarrowTheList()
    {
        QVERIFY(ctl({QStringLiteral("import-json"), writeFile(pageOf(test::makeLeads(1, 30)))}).code == 0);
        Run r = ctl({QStringLiteral("leads"), QStringLiteral("--status"), QStringLiteral("qualified"),
                     QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1StringView("total")).toInteger(), 5);
        r = ctl({QStringLiteral("leads"), QStringLiteral("--filter"), QStringLiteral("channel=sms"),
                 QStringLiteral("--filter"), QStringLiteral("tag=vip"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonArray leads =
            QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1StringView("leads")).toArray();
        QVERIFY(!leads.isEmpty());
        for (const QJsonValue &v : leads) {
            QCOMPARE(v[QLatin1StringView("channel")].toString(), QStringLiteral("sms"));
            QVERIFY(v[QLatin1StringView("tags")].toArray().contains(QStringLiteral("vip")));
        }
        r = ctl({QStringLiteral("leads"), QStringLiteral("--search"), QStringLiteral("Lead 2"),
                 QStringLiteral("--limit"), QStringLiteral("3")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("3 of 11 leads shown")), qPrintable(r.out));
    }

    void badInputImportsNothing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QList<Lead> leads = test::makeLeads(100, 10);
        QJsonObject page = LeadCodec::pageToJson(LeadsPage{leads, {}, {}, {}});
        QJsonArray array = page.value(QLatin1StringView("leads")).toArray();
        QJsonObject broken = array.at(7).toObject();
        broken.insert(QLatin1StringView("created_at"), 12);
        array.replace(7, broken);
        page.insert(QLatin1StringView("leads"), array);
        QTest::newRow("one bad lead") << QJsonDocument(page).toJson() << QStringLiteral("leads[7].created_at");
        QTest::newRow("html") << QByteArray("<html><body>Bad Gateway</body></html>") << QStringLiteral("HTML");
        QTest::newRow("truncated") << pageOf(leads).left(300) << QStringLiteral("not valid JSON");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("no leads array") << QByteArray("{\"ok\":true}") << QStringLiteral("leads: expected an array");
    }

    void badInputImportsNothing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QCOMPARE(ctl({QStringLiteral("import-json"), writeFile(pageOf(test::makeLeads(1, 3)))}).code, 0);
        const Run r = ctl({QStringLiteral("import-json"), writeFile(bytes)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("nothing was imported")), qPrintable(r.err));
        const Run list = ctl({QStringLiteral("leads"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).object().value(QLatin1StringView("total")).toInteger(), 3);
    }

    void importsFromStdinAndMissingFilesFailClearly()
    {
        Run r = ctl({QStringLiteral("import-json"), QStringLiteral("-")}, pageOf(test::makeLeads(1, 2)));
        QCOMPARE(r.code, 0);
        r = ctl({QStringLiteral("import-json"), m_dir.filePath(QStringLiteral("missing.json"))});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("cannot read")));
    }
};

QTEST_GUILESS_MAIN(TestOutpostctl)
#include "tst_outpostctl.moc"
