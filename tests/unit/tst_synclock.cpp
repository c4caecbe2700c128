#include "sync/SyncLock.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace outpost;

// The sync lock after a holder was killed at the worst moment: between
// creating the lock file and writing its name into it.
class TestSyncLock : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString emptyLockFile(const QString &name, qint64 ageMs)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot create %s", qPrintable(path));
        file.setFileTime(QDateTime::currentDateTime().addMSecs(-ageMs), QFileDevice::FileModificationTime);
        file.close();
        return path;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void takesAFreeLockAndRefusesAHeldOne()
    {
        const QString path = m_dir.filePath(QStringLiteral("free.lock"));
        QLockFile first(path);
        QVERIFY(SyncLock::tryLock(first));
        QLockFile second(path);
        QVERIFY(!SyncLock::tryLock(second));
        QCOMPARE(second.error(), QLockFile::LockFailedError);
        first.unlock();
        QVERIFY(SyncLock::tryLock(second));
    }

    void anOldEmptyLockFileIsTakenOver()
    {
        const QString path = emptyLockFile(QStringLiteral("killed.lock"), SyncLock::kUnnamedGraceMs + 60000);
        QLockFile plain(path);
        plain.setStaleLockTime(0);
        QVERIFY(!plain.tryLock(0)); // what QLockFile alone does: refused for ever
        QLockFile lock(path);
        QVERIFY(SyncLock::tryLock(lock));
        qint64 pid = 0;
        QString host;
        QString app;
        QVERIFY(lock.getLockInfo(&pid, &host, &app));
        QCOMPARE(pid, QCoreApplication::applicationPid());
    }

    void aFreshEmptyLockFileMayBeBeingWritten()
    {
        const QString path = emptyLockFile(QStringLiteral("fresh.lock"), 0);
        QLockFile lock(path);
        QVERIFY(!SyncLock::tryLock(lock));
        QVERIFY(QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestSyncLock)
#include "tst_synclock.moc"
