#include "webhooks/ReplayGuard.h"

#include <QTest>

using namespace outpost;

class TestReplayGuard : public QObject
{
    Q_OBJECT

private slots:
    void remembersWhatItSaw()
    {
        ReplayGuard guard(10, 60000);
        QVERIFY(!guard.seen(QStringLiteral("evt_1")));
        guard.remember(QStringLiteral("evt_1"), 0);
        QVERIFY(guard.seen(QStringLiteral("evt_1")));
        guard.remember(QStringLiteral("evt_1"), 10);
        QCOMPARE(guard.size(), 1);
    }

    void memoryIsBoundedByCapacity()
    {
        ReplayGuard guard(100, 60000);
        for (int i = 0; i < 10000; ++i)
            guard.remember(QStringLiteral("evt_%1").arg(i), i);
        QCOMPARE(guard.size(), 100);
        // The newest are kept, the oldest forgotten first.
        QVERIFY(guard.seen(QStringLiteral("evt_9999")));
        QVERIFY(guard.seen(QStringLiteral("evt_9900")));
        QVERIFY(!guard.seen(QStringLiteral("evt_9899")));
    }

    void idsOlderThanTheWindowAreForgotten()
    {
        ReplayGuard guard(1000, 600000);
        guard.remember(QStringLiteral("old"), 0);
        guard.remember(QStringLiteral("new"), 500000);
        guard.forgetOlderThan(600000);
        QVERIFY(guard.seen(QStringLiteral("old")));
        guard.forgetOlderThan(600001);
        QVERIFY(!guard.seen(QStringLiteral("old")));
        QVERIFY(guard.seen(QStringLiteral("new")));
        QCOMPARE(guard.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestReplayGuard)
#include "tst_replayguard.moc"
