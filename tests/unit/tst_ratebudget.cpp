#include "ManualClock.h"
#include "api/RateBudget.h"

#include <QtTest>

using namespace outpost;

class TestRateBudget : public QObject
{
    Q_OBJECT

private slots:
    void allowsTheLimitThenWaitsForTheOldestToExpire()
    {
        ManualClock clock;
        RateBudget budget({10, 1000}, clock);
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(budget.waitMs(RequestPriority::User), 0);
            budget.consume();
            clock.advance(10);
        }
        const qint64 wait = budget.waitMs(RequestPriority::User);
        // The first went at t=0 and the clock is at t=100: it frees after the window.
        QVERIFY2(wait > 900 && wait <= 1200, qPrintable(QString::number(wait)));
        clock.advance(wait);
        QCOMPARE(budget.waitMs(RequestPriority::User), 0);
    }

    void noWindowEverSeesMoreThanTheLimit()
    {
        ManualClock clock;
        const RateBudget::Limit limit{7, 500};
        RateBudget budget(limit, clock);
        QList<qint64> sent;
        // Greedy sender: sends whenever allowed, for 40 windows.
        while (clock.monotonicMs() < 40 * limit.windowMs) {
            const qint64 wait = budget.waitMs(RequestPriority::List);
            if (wait == 0) {
                budget.consume();
                sent.append(clock.monotonicMs());
            } else {
                clock.advance(wait);
            }
        }
        QVERIFY(sent.size() > 100);
        for (int i = 0; i < sent.size(); ++i) {
            int inWindow = 0;
            for (int j = i; j < sent.size() && sent[j] < sent[i] + limit.windowMs; ++j)
                ++inWindow;
            QVERIFY2(inWindow <= limit.requests,
                     qPrintable(QStringLiteral("%1 in a window at %2").arg(inWindow).arg(sent[i])));
        }
    }

    void lowerPrioritiesLeaveAReserve()
    {
        ManualClock clock;
        RateBudget budget({100, 60000}, clock);
        int prefetched = 0;
        while (budget.waitMs(RequestPriority::Prefetch) == 0) {
            budget.consume();
            ++prefetched;
        }
        QCOMPARE(prefetched, 80);
        QVERIFY(budget.waitMs(RequestPriority::List) == 0);
        QVERIFY(budget.waitMs(RequestPriority::User) == 0);
        while (budget.waitMs(RequestPriority::List) == 0)
            budget.consume();
        QCOMPARE(budget.usedInWindow(), 98);
        QVERIFY(budget.waitMs(RequestPriority::User) == 0);
    }

    void pauseAfterRateLimitHoldsEveryPriority()
    {
        ManualClock clock;
        RateBudget budget({100, 60000}, clock);
        budget.pause(5000);
        QCOMPARE(budget.waitMs(RequestPriority::User), 5000);
        QCOMPARE(budget.waitMs(RequestPriority::Prefetch), 5000);
        clock.advance(4999);
        QCOMPARE(budget.waitMs(RequestPriority::User), 1);
        // A shorter pause never shortens a longer one.
        budget.pause(0);
        QCOMPARE(budget.waitMs(RequestPriority::User), 1);
        clock.advance(1);
        QCOMPARE(budget.waitMs(RequestPriority::User), 0);
    }

    void serverHeadersWin()
    {
        ManualClock clock;
        RateBudget budget({100, 60000}, clock);
        // The server says: 1000 an hour, none left, 30 s until the reset.
        budget.observe(1000, 0, 30);
        QCOMPARE(budget.limit().requests, 1000);
        const qint64 wait = budget.waitMs(RequestPriority::User);
        QVERIFY2(wait >= 30000 && wait <= 31000, qPrintable(QString::number(wait)));
        clock.advance(wait);
        QCOMPARE(budget.waitMs(RequestPriority::User), 0);
    }

    void headersTeachTheWindowToo()
    {
        ManualClock clock;
        // The profile says 100 a minute; the server counts 2 a second.
        RateBudget budget({100, 60000}, clock);
        budget.observe(2, 1, 1);
        QCOMPARE(budget.limit().requests, 2);
        QCOMPARE(budget.limit().windowMs, 1000);
        budget.consume();
        clock.advance(1500);
        budget.observe(2, 1, 1);
        QCOMPARE(budget.waitMs(RequestPriority::User), 0);
    }

    void serverWindowIsUsedWholeAndRollsOver()
    {
        ManualClock clock;
        RateBudget budget({100, 60000}, clock);
        // A fixed window of 10 per 5 s, 5 s until it resets.
        budget.observe(10, 10, 5);
        int sent = 0;
        while (budget.waitMs(RequestPriority::List) == 0) {
            budget.consume();
            ++sent;
        }
        QCOMPARE(sent, 9); // one left for a click
        const qint64 wait = budget.waitMs(RequestPriority::List);
        QVERIFY2(wait >= 5000 && wait <= 5300, qPrintable(QString::number(wait)));
        clock.advance(wait);
        // A new window: all of it again, without an answer in between.
        sent = 0;
        while (budget.waitMs(RequestPriority::List) == 0) {
            budget.consume();
            ++sent;
        }
        QCOMPARE(sent, 9); // one left for a click
    }

    void headersWithRemainingLeaveTheReserveForClicks()
    {
        ManualClock clock;
        RateBudget budget({100, 60000}, clock);
        budget.observe(100, 3, 20);
        QVERIFY(budget.waitMs(RequestPriority::User) == 0);
        QVERIFY(budget.waitMs(RequestPriority::Prefetch) > 0);
        budget.consume();
        budget.consume();
        budget.consume();
        QVERIFY(budget.waitMs(RequestPriority::User) > 0);
    }

    void sameWorkspaceSharesOneBudget()
    {
        auto a = RateBudget::forWorkspace(QStringLiteral("ws-a"), {5, 1000});
        auto b = RateBudget::forWorkspace(QStringLiteral("ws-a"), {5, 1000});
        auto c = RateBudget::forWorkspace(QStringLiteral("ws-c"), {5, 1000});
        QCOMPARE(a.get(), b.get());
        QVERIFY(a.get() != c.get());
        a->consume();
        QCOMPARE(b->usedInWindow(), 1);
        QCOMPARE(c->usedInWindow(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRateBudget)
#include "tst_ratebudget.moc"
