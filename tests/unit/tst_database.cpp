#include "storage/Database.h"
#include "storage/Migrations.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace outpost;

namespace {

QVariant scalar(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    QString freshPath() { return m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_counter)); }

    QTemporaryDir m_dir;
    int m_counter = 0;

private slots:
    void configuresTheConnection()
    {
        auto db = Database::open(freshPath());
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        QCOMPARE(scalar(db.value(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(scalar(db.value(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(scalar(db.value(), QStringLiteral("PRAGMA synchronous")).toInt(), 1); // NORMAL
        QCOMPARE(scalar(db.value(), QStringLiteral("PRAGMA busy_timeout")).toInt(), 5000);
        QCOMPARE(scalar(db.value(), QStringLiteral("PRAGMA user_version")).toInt(), Migrations::latestVersion());
    }

    void eachOpenIsItsOwnConnection()
    {
        const QString path = freshPath();
        auto a = Database::open(path);
        auto b = Database::open(path);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a->connection().connectionName() != b->connection().connectionName());
    }

    void readersDoNotWaitForAWriterInAnotherThread()
    {
        const QString path = freshPath();
        auto reader = Database::open(path);
        QVERIFY(reader.ok());
        QVERIFY(reader->execute(QStringLiteral("INSERT INTO meta(key, value) VALUES ('a', 1)"), "seed").ok());

        QAtomicInt holding = 0;
        QAtomicInt release = 0;
        QThread *writer = QThread::create([&] {
            auto db = Database::open(path);
            if (!db || !db->begin())
                return;
            db->execute(QStringLiteral("INSERT INTO meta(key, value) VALUES ('b', 2)"), "write");
            holding = 1;
            while (!release.loadRelaxed())
                QThread::msleep(5);
            db->commit();
        });
        writer->start();
        QTRY_VERIFY(holding.loadRelaxed());
        // The writer holds its transaction open: a WAL reader still answers, at once.
        QCOMPARE(scalar(reader.value(), QStringLiteral("SELECT count(*) FROM meta")).toInt(), 1);
        release = 1;
        QVERIFY(writer->wait(10000));
        delete writer;
        QCOMPARE(scalar(reader.value(), QStringLiteral("SELECT count(*) FROM meta")).toInt(), 2);
    }

    void refusesAFileFromANewerVersion()
    {
        const QString path = freshPath();
        {
            auto raw = Database::openRaw(path);
            QVERIFY(raw.ok());
            QVERIFY(raw->execute(QStringLiteral("PRAGMA user_version = 99"), "set version").ok());
        }
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QVERIFY2(db.error().message.contains(QStringLiteral("newer Outpost")), qPrintable(db.error().message));
        auto raw = Database::openRaw(path);
        QCOMPARE(scalar(raw.value(), QStringLiteral("PRAGMA user_version")).toInt(), 99);
    }

    void explainsAFileThatIsNotADatabase()
    {
        const QString path = freshPath();
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QVERIFY2(!db.error().message.isEmpty(), "an error that says something");
    }

    void transactionsCommitOrRollBack()
    {
        auto db = Database::open(freshPath());
        QVERIFY(db.ok());
        QVERIFY(db->begin().ok());
        QVERIFY(db->execute(QStringLiteral("INSERT INTO meta(key, value) VALUES ('x', 1)"), "write").ok());
        db->rollback();
        QCOMPARE(scalar(db.value(), QStringLiteral("SELECT count(*) FROM meta")).toInt(), 0);
        QVERIFY(db->begin().ok());
        QVERIFY(db->execute(QStringLiteral("INSERT INTO meta(key, value) VALUES ('x', 1)"), "write").ok());
        QVERIFY(db->commit().ok());
        QCOMPARE(scalar(db.value(), QStringLiteral("SELECT count(*) FROM meta")).toInt(), 1);
    }

    void failureHookFailsExactlyTheNthWrite()
    {
#ifdef OUTPOST_TEST_HOOKS
        auto db = Database::open(freshPath());
        QVERIFY(db.ok());
        Database::failNthWrite(2);
        QVERIFY(db->execute(QStringLiteral("INSERT INTO meta(key, value) VALUES ('1', 1)"), "write").ok());
        // Reads do not count.
        QCOMPARE(scalar(db.value(), QStringLiteral("SELECT count(*) FROM meta")).toInt(), 1);
        auto second = db->execute(QStringLiteral("INSERT INTO meta(key, value) VALUES ('2', 2)"), "write");
        QVERIFY(!second.ok());
        QVERIFY(second.error().message.contains(QStringLiteral("injected")));
        QVERIFY(db->execute(QStringLiteral("INSERT INTO meta(key, value) VALUES ('3', 3)"), "write").ok());
        Database::failNthWrite(0);
        QCOMPARE(scalar(db.value(), QStringLiteral("SELECT count(*) FROM meta")).toInt(), 2);
#else
        QSKIP("built without OUTPOST_TEST_HOOKS");
#endif
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
