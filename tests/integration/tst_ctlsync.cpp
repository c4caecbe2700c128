#include "OutpostCtl.h"
#include "SimFixture.h"
#include "workspace/WorkspaceRegistry.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace outpost;
using outpost::sim::SimOptions;
using outpost::test::OutpostCtl;
using outpost::test::SimFixture;

// outpostctl sync and status as a person runs them: the real binary, a private
// profile, the key in the real keychain, outpost-sim on loopback.
class TestCtlSync : public QObject
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

    static Run addWorkspace(const QString &profile, SimFixture &sim, const QString &key = QString())
    {
        // The sims here run without a limit; the profile's own budget must not be the bottleneck.
        return OutpostCtl(profile).addWorkspace(QStringLiteral("demo"), sim.baseUrl(), sim.clientId(),
                                                key.isEmpty() ? sim.apiKey() : key,
                                                {QStringLiteral("--rate-per-minute"), QStringLiteral("100000")});
    }

    static QJsonObject status(const QString &profile)
    {
        const Run run = ctl(profile, {QStringLiteral("status"), QStringLiteral("--json")});
        if (run.code != 0)
            qWarning() << run.err;
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    }

    static SimOptions simOptions(qint64 leads)
    {
        SimOptions options;
        options.leads = leads;
        options.rateLimit = 0;
        return options;
    }

private slots:
    void syncFillsTheCacheThatLeadsAndShowRead()
    {
        SimFixture sim;
        QVERIFY(sim.start(simOptions(300)));
        const QString profile = newProfile();
        Run run = addWorkspace(profile, sim);
        QVERIFY2(run.code == 0, qPrintable(run.err));

        run = ctl(profile, {QStringLiteral("sync"), QStringLiteral("--details"), QStringLiteral("all")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("300")));
        // Piped: no progress line.
        QVERIFY2(!run.err.contains(QLatin1Char('\r')), qPrintable(run.err));

        const QJsonObject state = status(profile);
        QCOMPARE(state.value(QStringLiteral("cached_leads")).toInt(), 300);
        QCOMPARE(state.value(QStringLiteral("details_due")).toInt(), 0);
        QVERIFY(!state.value(QStringLiteral("last_sync_at")).isNull());
        QCOMPARE(state.value(QStringLiteral("updated_since_supported")).toString(), QStringLiteral("yes"));
        QVERIFY(!state.value(QStringLiteral("snapshots"))
                     .toObject()
                     .value(QStringLiteral("sla"))
                     .toObject()
                     .value(QStringLiteral("fetched_at"))
                     .isNull());

        run = ctl(profile,
                  {QStringLiteral("leads"), QStringLiteral("--limit"), QStringLiteral("5"), QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        const QJsonObject listed = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(listed.value(QStringLiteral("leads")).toArray().size(), 5);
        QCOMPARE(listed.value(QStringLiteral("total")).toInt(), 300);

        // show prints what the server has, details included.
        const QJsonObject server = sim.get(QStringLiteral("/lead/42")).json.value(QStringLiteral("lead")).toObject();
        run = ctl(profile, {QStringLiteral("show"), QStringLiteral("42"), QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        const QJsonObject shown = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(shown.value(QStringLiteral("name")), server.value(QStringLiteral("name")));
        QCOMPARE(shown.value(QStringLiteral("messages")).toArray().size(),
                 server.value(QStringLiteral("messages")).toArray().size());
    }

    void stoppedEarlyResumesNextTime()
    {
        SimFixture sim;
        QVERIFY(sim.start(simOptions(1000)));
        const QString profile = newProfile();
        QCOMPARE(addWorkspace(profile, sim).code, 0);
        Run run = ctl(profile, {QStringLiteral("sync"), QStringLiteral("--details"), QStringLiteral("none"),
                                QStringLiteral("--max-requests"), QStringLiteral("2")});
        QCOMPARE(run.code, 4);
        QVERIFY(run.err.contains(QStringLiteral("resume")));
        QJsonObject state = status(profile);
        QCOMPARE(state.value(QStringLiteral("cached_leads")).toInt(), 400);
        QCOMPARE(state.value(QStringLiteral("interrupted_run")).toString(), QStringLiteral("full"));

        run = ctl(profile, {QStringLiteral("sync"), QStringLiteral("--details"), QStringLiteral("none")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        state = status(profile);
        QCOMPARE(state.value(QStringLiteral("cached_leads")).toInt(), 1000);
        QVERIFY(state.value(QStringLiteral("interrupted_run")).isNull());
    }

    void revokedKeyMidSyncExits3AndKeepsTheCache()
    {
        SimFixture sim;
        SimOptions options = simOptions(2000);
        // Slow enough to revoke the key half-way: 2 requests a second.
        options.rateLimit = 2;
        options.rateWindowSecs = 1;
        QVERIFY(sim.start(options));
        const QString profile = newProfile();
        QCOMPARE(addWorkspace(profile, sim).code, 0);
        const OutpostCtl runner(profile);
        auto sync = runner.start({QStringLiteral("sync"), QStringLiteral("--details"), QStringLiteral("none")});
        QTRY_VERIFY_WITH_TIMEOUT(sim.ledger(0).size() >= 4, 30000);
        sim.admin("POST", QStringLiteral("/__sim/keys/revoke"), {{QStringLiteral("secret"), sim.apiKey()}});
        const Run run = runner.finish(*sync);
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains(QStringLiteral("key")), qPrintable(run.err));
        QVERIFY(!run.err.contains(sim.apiKey()));
        const QJsonObject state = status(profile);
        QVERIFY(state.value(QStringLiteral("cached_leads")).toInt() >= 200);
        QVERIFY(state.value(QStringLiteral("cached_leads")).toInt() < 2000);
    }

    void anotherSyncingProcessIsNamed()
    {
        SimFixture sim;
        QVERIFY(sim.start(simOptions(10)));
        const QString profile = newProfile();
        QCOMPARE(addWorkspace(profile, sim).code, 0);
        const Workspace workspace = WorkspaceRegistry(Profile(profile)).workspaces().first();
        QDir().mkpath(Profile(profile).workspaceDirectory(workspace.id));
        QLockFile lock(Profile(profile).syncLockPath(workspace.id));
        QVERIFY(lock.tryLock(0));
        Run run = ctl(profile, {QStringLiteral("sync")});
        QCOMPARE(run.code, 4);
        QVERIFY2(run.err.contains(QString::number(QCoreApplication::applicationPid())), qPrintable(run.err));
        QVERIFY(status(profile)
                    .value(QStringLiteral("syncing_process"))
                    .toString()
                    .contains(QString::number(QCoreApplication::applicationPid())));
        lock.unlock();
        QCOMPARE(ctl(profile, {QStringLiteral("sync")}).code, 0);
    }

    void missingKeyAsksForOne()
    {
        SimFixture sim;
        QVERIFY(sim.start(simOptions(10)));
        const QString profile = newProfile();
        QCOMPARE(addWorkspace(profile, sim).code, 0);
        // The keychain entry goes; the workspace stays.
        const Workspace workspace = WorkspaceRegistry(Profile(profile)).workspaces().first();
        QProcess clear;
        clear.start(QStringLiteral("secret-tool"),
                    {QStringLiteral("clear"), QStringLiteral("server"), QStringLiteral("Outpost"),
                     QStringLiteral("user"), QStringLiteral("workspace/%1/api-key").arg(workspace.idText())});
        QVERIFY(clear.waitForFinished(30000));
        const Run run = ctl(profile, {QStringLiteral("sync")});
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains(QStringLiteral("set-key")), qPrintable(run.err));
    }

    void badOptionsAreUsageErrors()
    {
        const QString profile = newProfile();
        QCOMPARE(ctl(profile, {QStringLiteral("sync"), QStringLiteral("--details"), QStringLiteral("some")}).code, 2);
        QCOMPARE(ctl(profile, {QStringLiteral("sync"), QStringLiteral("--max-requests"), QStringLiteral("0")}).code, 2);
        QCOMPARE(ctl(profile, {QStringLiteral("status"), QStringLiteral("extra")}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestCtlSync)
#include "tst_ctlsync.moc"
