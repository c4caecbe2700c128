#include <qt6keychain/keychain.h>

#include <QDir>
#include <QSignalSpy>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

// The test environment is what it claims to be: a private HOME, a private
// session bus and a real, unlocked Secret Service (gnome-keyring), never the
// user's own keyring.
class TestHeadlessEnvironment : public QObject
{
    Q_OBJECT

private:
    static QKeychain::Error run(QKeychain::Job *job)
    {
        QSignalSpy finished(job, &QKeychain::Job::finished);
        job->start();
        if (!finished.wait(20000))
            return QKeychain::OtherError;
        return job->error();
    }

private slots:
    void homeAndBusArePrivate()
    {
        const passwd *pw = getpwuid(getuid());
        QVERIFY(pw);
        QVERIFY2(QDir(qEnvironmentVariable("HOME")) != QDir(QString::fromLocal8Bit(pw->pw_dir)),
                 "tests must run with a throw-away HOME (tests/run-headless.sh)");
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "tests need a private session bus");
    }

    void secretServiceStoresReadsAndDeletes()
    {
        const QString key = QStringLiteral("test/headless-environment");
        auto *write = new QKeychain::WritePasswordJob(QStringLiteral("Outpost"), this);
        write->setKey(key);
        write->setTextData(QStringLiteral("not-a-real-secret"));
        QCOMPARE(run(write), QKeychain::NoError);

        auto *read = new QKeychain::ReadPasswordJob(QStringLiteral("Outpost"), this);
        read->setKey(key);
        QCOMPARE(run(read), QKeychain::NoError);
        QCOMPARE(read->textData(), QStringLiteral("not-a-real-secret"));

        auto *remove = new QKeychain::DeletePasswordJob(QStringLiteral("Outpost"), this);
        remove->setKey(key);
        QCOMPARE(run(remove), QKeychain::NoError);

        auto *gone = new QKeychain::ReadPasswordJob(QStringLiteral("Outpost"), this);
        gone->setKey(key);
        QCOMPARE(run(gone), QKeychain::EntryNotFound);
    }
};

QTEST_GUILESS_MAIN(TestHeadlessEnvironment)
#include "tst_headlessenvironment.moc"
