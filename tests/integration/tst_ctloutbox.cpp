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

// outpostctl's outbox commands as a person runs them: the real binary, a
// private profile, the key in the real keychain, outpost-sim on loopback.
class TestCtlOutbox : public QObject
{
    Q_OBJECT

private:
    using Run = outpost::test::CtlResult;

    QTemporaryDir m_dir;
    int m_profiles = 0;

    QString newProfile() { return m_dir.filePath(QStringLiteral("profile-%1").arg(++m_profiles)); }

    static Run ctl(const QString &profile, const QStringList &args, const QByteArray &input = {})
    {
        return OutpostCtl(profile).run(args, input);
    }

    static QString prepared(SimFixture &sim, const QString &profile)
    {
        Run run = OutpostCtl(profile).addWorkspace(QStringLiteral("demo"), sim.baseUrl(), sim.clientId(), sim.apiKey(),
                                                   {QStringLiteral("--rate-per-minute"), QStringLiteral("100000")});
        if (run.code != 0)
            return run.err;
        run = ctl(profile, {QStringLiteral("sync"), QStringLiteral("--details"), QStringLiteral("none")});
        return run.code == 0 ? QString() : run.err;
    }

    static QJsonArray outbox(const QString &profile, const QString &command = QStringLiteral("outbox"))
    {
        const Run run = ctl(profile, {command, QStringLiteral("--json")});
        return QJsonDocument::fromJson(run.out.toUtf8()).array();
    }

    static QString serverStatus(SimFixture &sim, qint64 id)
    {
        return sim.get(QStringLiteral("/lead/%1").arg(id))
            .json.value(QStringLiteral("lead"))
            .toObject()
            .value(QStringLiteral("status"))
            .toString();
    }

private slots:
    void queueListReplayAndWait()
    {
        SimOptions options = SimFixture::defaultOptions(30);
        options.rateLimit = 0;
        SimFixture sim;
        QVERIFY(sim.start(options));
        const QString profile = newProfile();
        const QString error = prepared(sim, profile);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString target =
            serverStatus(sim, 2) == QLatin1StringView("lost") ? QStringLiteral("closed") : QStringLiteral("lost");

        // Bad input: a clear error, nothing queued.
        Run run = ctl(profile, {QStringLiteral("set-status"), QStringLiteral("2"), QStringLiteral("won")});
        QCOMPARE(run.code, 1);
        QVERIFY(run.err.contains(QStringLiteral("won")));
        run = ctl(profile, {QStringLiteral("book"), QStringLiteral("2"), QStringLiteral("2026-02-30 10:00"),
                            QStringLiteral("Demo")});
        QCOMPARE(run.code, 1);
        run = ctl(profile, {QStringLiteral("note"), QStringLiteral("2"), QStringLiteral(" ")});
        QCOMPARE(run.code, 1);
        QCOMPARE(outbox(profile).size(), 0);

        QCOMPARE(ctl(profile, {QStringLiteral("set-status"), QStringLiteral("2"), target}).code, 0);
        QCOMPARE(ctl(profile, {QStringLiteral("note"), QStringLiteral("2"), QStringLiteral("from the train")}).code, 0);
        QCOMPARE(
            ctl(profile, {QStringLiteral("tag"), QStringLiteral("3"), QStringLiteral("add"), QStringLiteral("ctl")})
                .code,
            0);
        QCOMPARE(ctl(profile, {QStringLiteral("bulk-tag"), QStringLiteral("--ids"), QStringLiteral("4,5"),
                               QStringLiteral("add"), QStringLiteral("ctl-bulk")})
                     .code,
                 0);
        const QJsonArray rows = outbox(profile);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.first().toObject().value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
        QCOMPARE(rows.first().toObject().value(QStringLiteral("op")).toString(), QStringLiteral("set-status"));
        QCOMPARE(serverStatus(sim, 2) == target, false); // queued, not sent

        run = ctl(profile, {QStringLiteral("replay")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(outbox(profile).size(), 0);
        QCOMPARE(serverStatus(sim, 2), target);

        run = ctl(profile, {QStringLiteral("reply"), QStringLiteral("6"), QStringLiteral("on my way"),
                            QStringLiteral("--wait")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonArray messages = sim.get(QStringLiteral("/lead/6"))
                                        .json.value(QStringLiteral("lead"))
                                        .toObject()
                                        .value(QStringLiteral("messages"))
                                        .toArray();
        QCOMPARE(messages.last().toObject().value(QStringLiteral("text")).toString(), QStringLiteral("on my way"));
    }

    void queueReadsOneCommandALine()
    {
        SimOptions options = SimFixture::defaultOptions(30);
        options.rateLimit = 0;
        SimFixture sim;
        QVERIFY(sim.start(options));
        const QString profile = newProfile();
        const QString error = prepared(sim, profile);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Run run = ctl(profile, {QStringLiteral("queue")},
                      "# a script\n"
                      "note 3 \"called back, all good\"\n"
                      "\n"
                      "bulk-tag --ids 4,5 add \"from a script\"\n"
                      "book 6 \"2027-01-05 09:30\" Demo\n");
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(run.out.count(QStringLiteral("queued as outbox row")), 3);
        const QJsonArray rows = outbox(profile);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(
            rows.at(0).toObject().value(QStringLiteral("payload")).toObject().value(QStringLiteral("text")).toString(),
            QStringLiteral("called back, all good"));
        QCOMPARE(
            rows.at(1).toObject().value(QStringLiteral("payload")).toObject().value(QStringLiteral("tag")).toString(),
            QStringLiteral("from a script"));

        // The first bad line stops the run and is named; the lines before it stay queued.
        run = ctl(profile, {QStringLiteral("queue")}, "note 7 fine\nset-status 7 won\nnote 7 never\n");
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("line 2")), qPrintable(run.err));
        QCOMPARE(outbox(profile).size(), 4);
        run = ctl(profile, {QStringLiteral("queue")}, "sync\n");
        QCOMPARE(run.code, 2);
        run = ctl(profile, {QStringLiteral("queue")}, "reply 7 hi --wait\n");
        QCOMPARE(run.code, 2);
        QCOMPARE(outbox(profile).size(), 4);
    }

    void conflictsResolveAndRowsThatRemain()
    {
        SimOptions options = SimFixture::defaultOptions(30);
        options.rateLimit = 0;
        SimFixture sim;
        QVERIFY(sim.start(options));
        const QString profile = newProfile();
        const QString error = prepared(sim, profile);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(ctl(profile, {QStringLiteral("set-status"), QStringLiteral("8"), QStringLiteral("qualified")}).code,
                 0);
        QVERIFY(
            sim.admin("PATCH", QStringLiteral("/__sim/leads/8"), {{QStringLiteral("status"), QStringLiteral("lost")}})
                .isObject());
        QCOMPARE(ctl(profile, {QStringLiteral("replay")}).code, 4); // a conflict remains

        const QJsonArray conflicts = outbox(profile, QStringLiteral("conflicts"));
        QCOMPARE(conflicts.size(), 1);
        const QJsonObject field = conflicts.first()
                                      .toObject()
                                      .value(QStringLiteral("conflict"))
                                      .toObject()
                                      .value(QStringLiteral("status"))
                                      .toObject();
        QCOMPARE(field.value(QStringLiteral("theirs")).toString(), QStringLiteral("lost"));
        QCOMPARE(field.value(QStringLiteral("mine")).toString(), QStringLiteral("qualified"));
        Run run = ctl(profile, {QStringLiteral("conflicts")});
        QVERIFY(run.out.contains(QStringLiteral("theirs lost")));

        const QString row = QString::number(conflicts.first().toObject().value(QStringLiteral("id")).toInteger());
        QCOMPARE(ctl(profile, {QStringLiteral("resolve"), row, QStringLiteral("maybe")}).code, 2);
        QCOMPARE(ctl(profile, {QStringLiteral("resolve"), row, QStringLiteral("mine")}).code, 0);
        QCOMPARE(ctl(profile, {QStringLiteral("replay")}).code, 0);
        QCOMPARE(serverStatus(sim, 8), QStringLiteral("qualified"));

        // A refused row is kept, listed, retried or discarded; never dropped silently.
        QCOMPARE(sim.admin("POST", QStringLiteral("/__sim/config"), {{QStringLiteral("plan"), QStringLiteral("basic")}})
                     .isObject(),
                 true);
        QCOMPARE(ctl(profile, {QStringLiteral("bulk-stage"), QStringLiteral("--ids"), QStringLiteral("9,10"),
                               QStringLiteral("closed")})
                     .code,
                 0);
        QCOMPARE(ctl(profile, {QStringLiteral("replay")}).code, 4);
        const QJsonArray left = outbox(profile);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().toObject().value(QStringLiteral("state")).toString(), QStringLiteral("not-allowed"));
        const QString refused = QString::number(left.first().toObject().value(QStringLiteral("id")).toInteger());
        QCOMPARE(ctl(profile, {QStringLiteral("outbox"), QStringLiteral("retry"), refused}).code, 0);
        QCOMPARE(outbox(profile).first().toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("pending"));
        QCOMPARE(ctl(profile, {QStringLiteral("outbox"), QStringLiteral("discard"), refused}).code, 0);
        QCOMPARE(outbox(profile).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCtlOutbox)
#include "tst_ctloutbox.moc"
