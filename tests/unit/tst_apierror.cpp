#include "ManualClock.h"
#include "api/ApiError.h"
#include "api/Backoff.h"
#include "api/RetryAfter.h"

#include <QtTest>

using namespace outpost;

// ApiError's classification, with RetryAfter and Backoff that decide the waits.
class TestApiError : public QObject
{
    Q_OBJECT

private slots:
    void classifiesStatusAndBody_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("retryable");

        using K = ApiError::Kind;
        QTest::newRow("400 json") << 400 << QByteArray("{\"ok\":false,\"error\":\"status is invalid\"}")
                                  << int(K::BadRequest) << QStringLiteral("status is invalid") << false;
        QTest::newRow("401") << 401 << QByteArray("{\"error\":\"Invalid API key\"}") << int(K::Unauthorized)
                             << QStringLiteral("Invalid API key") << false;
        QTest::newRow("403") << 403 << QByteArray("{\"error\":\"Premium plan required\"}") << int(K::Forbidden)
                             << QStringLiteral("Premium plan required") << false;
        QTest::newRow("404 empty") << 404 << QByteArray() << int(K::NotFound) << QString() << false;
        QTest::newRow("409") << 409 << QByteArray("{\"error\":\"changed\"}") << int(K::Conflict)
                             << QStringLiteral("changed") << false;
        QTest::newRow("429") << 429 << QByteArray("{\"error\":\"slow down\"}") << int(K::RateLimited)
                             << QStringLiteral("slow down") << true;
        QTest::newRow("502 html") << 502 << QByteArray("<html><body><h1>502 Bad Gateway</h1></body></html>")
                                  << int(K::Server) << QString() << true;
        QTest::newRow("500 truncated") << 500 << QByteArray("{\"error\":\"bo") << int(K::Server) << QString() << true;
        QTest::newRow("503 error not a string")
            << 503 << QByteArray("{\"error\":{\"x\":1}}") << int(K::Server) << QString() << true;
        QTest::newRow("418") << 418 << QByteArray("teapot") << int(K::Http) << QString() << false;
    }

    void classifiesStatusAndBody()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, message);
        QFETCH(bool, retryable);
        const ApiError error = ApiError::fromHttp(status, body);
        QCOMPARE(int(error.kind), kind);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.retryable, retryable);
        if (message.isEmpty()) {
            // Our own words, never the raw HTML or JSON.
            QVERIFY(!error.message.isEmpty());
            QVERIFY(!error.message.contains(QLatin1Char('<')));
            QVERIFY(!error.message.contains(QLatin1Char('{')));
        } else {
            QCOMPARE(error.message, message);
        }
        QVERIFY(error.describe().contains(QString::number(status)));
    }

    void hugeServerTextIsCut()
    {
        const QByteArray body = "{\"error\":\"" + QByteArray(100000, 'x') + "\"}";
        QVERIFY(ApiError::fromHttp(400, body).message.size() <= 500);
    }

    void retryAfterSeconds_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("seconds") << QByteArray("120") << qint64(120000);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("spaces") << QByteArray("  7 ") << qint64(7000);
        QTest::newRow("fraction") << QByteArray("1.5") << qint64(1500);
        QTest::newRow("huge is capped") << QByteArray("99999999999") << qint64(24LL * 3600 * 1000);
        // ManualClock starts at 2026-05-01 12:00:01 UTC.
        QTest::newRow("imf date") << QByteArray("Fri, 01 May 2026 12:00:31 GMT") << qint64(30000);
        QTest::newRow("rfc850 date") << QByteArray("Friday, 01-May-26 12:01:01 GMT") << qint64(60000);
        QTest::newRow("asctime date") << QByteArray("Fri May  1 12:00:11 2026") << qint64(10000);
        QTest::newRow("date in the past") << QByteArray("Thu, 30 Apr 2026 12:00:00 GMT") << qint64(0);
    }

    void retryAfterSeconds()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, expected);
        ManualClock clock;
        const std::optional<qint64> wait = RetryAfter::parse(header, clock.now());
        QVERIFY(wait.has_value());
        QCOMPARE(*wait, expected);
    }

    void retryAfterGarbage_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("negative") << QByteArray("-5");
        QTest::newRow("words") << QByteArray("soon");
        QTest::newRow("sql") << QByteArray("1; DROP TABLE leads");
        QTest::newRow("bad date") << QByteArray("Fri, 99 Foo 2026 25:61:00 GMT");
    }

    void retryAfterGarbage()
    {
        QFETCH(QByteArray, header);
        QVERIFY(!RetryAfter::parse(header, ManualClock().now()).has_value());
    }

    void backoffGrowsWithJitterAndCap()
    {
        double next = 0.0;
        Backoff backoff(1000, 60000, [&next] { return next; });
        next = 0.0;
        QCOMPARE(backoff.delayMs(0), 500);
        QCOMPARE(backoff.delayMs(3), 4000);
        next = 0.999999;
        QVERIFY(backoff.delayMs(0) >= 999 && backoff.delayMs(0) <= 1000);
        QVERIFY(backoff.delayMs(20) <= 60000);
        QVERIFY(backoff.delayMs(20) >= 30000);
    }

    void backoffJitterSpreadsClients()
    {
        Backoff backoff(1000, 60000);
        QSet<qint64> seen;
        for (int i = 0; i < 50; ++i)
            seen.insert(backoff.delayMs(4));
        QVERIFY2(seen.size() > 10, "retries of clients that failed together must not coincide");
        for (qint64 delay : seen)
            QVERIFY(delay >= 8000 && delay <= 16000);
    }

    void rateLimitWaitIsNeverShorterThanRetryAfter()
    {
        Backoff backoff(1000, 60000);
        for (int i = 0; i < 100; ++i) {
            const qint64 wait = backoff.afterRateLimit(30000, 0);
            QVERIFY(wait >= 30000);
            QVERIFY(wait <= 33000);
        }
        // Without a Retry-After, our own backoff decides.
        QVERIFY(backoff.afterRateLimit(0, 3) >= 4000);
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
