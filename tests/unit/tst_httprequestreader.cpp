#include "webhooks/HttpRequestReader.h"

#include <QTest>

using namespace outpost;

using State = HttpRequestReader::State;

// The webhook receiver's HTTP/1.1 reader: strict framing, bounded buffers,
// and the same answer however the bytes are split.
class TestHttpRequestReader : public QObject
{
    Q_OBJECT

private:
    static HttpRequestReader::Limits smallLimits()
    {
        HttpRequestReader::Limits limits;
        limits.maxHeadBytes = 1024;
        limits.maxHeaders = 10;
        limits.maxBodyBytes = 64;
        return limits;
    }

    static QByteArray post(const QByteArray &body, const QByteArray &extraHeaders = QByteArray())
    {
        return "POST /hooks/outpost HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Signature: abc\r\nContent-Length: " +
               QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
    }

private slots:
    void readsARequest()
    {
        HttpRequestReader reader(smallLimits());
        QCOMPARE(reader.feed(post(R"({"id":"evt_1"})")), State::Complete);
        const HttpRequest &r = reader.request();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.target, QByteArray("/hooks/outpost"));
        QCOMPARE(r.values("x-signature"), QList<QByteArray>{"abc"});
        QCOMPARE(r.values("X-SIGNATURE"), QList<QByteArray>{"abc"});
        QCOMPARE(r.body, QByteArray(R"({"id":"evt_1"})"));
    }

    void sameResultAtEverySplit()
    {
        const QByteArray bytes = post("0123456789abcdef");
        for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
            HttpRequestReader reader(smallLimits());
            const State first = reader.feed(QByteArrayView(bytes).first(cut));
            QVERIFY2(first == (cut == bytes.size() ? State::Complete : State::NeedMore),
                     qPrintable(QString::number(cut)));
            QCOMPARE(reader.feed(QByteArrayView(bytes).sliced(cut)), State::Complete);
            QCOMPARE(reader.request().body, QByteArray("0123456789abcdef"));
        }
        HttpRequestReader byteByByte(smallLimits());
        for (const char c : bytes)
            byteByByte.feed(QByteArrayView(&c, 1));
        QCOMPARE(byteByByte.state(), State::Complete);
        QCOMPARE(byteByByte.request().body, QByteArray("0123456789abcdef"));
    }

    void bareLineFeedsAreRead()
    {
        HttpRequestReader reader(smallLimits());
        QCOMPARE(reader.feed("POST / HTTP/1.1\nContent-Length: 2\n\nok"), State::Complete);
        QCOMPARE(reader.request().body, QByteArray("ok"));
    }

    void bytesAfterTheBodyAreNotKept()
    {
        HttpRequestReader reader(smallLimits());
        QCOMPARE(reader.feed(QByteArray(post("abc") + "GET /next HTTP/1.1\r\n\r\n")), State::Complete);
        QCOMPARE(reader.request().body, QByteArray("abc"));
        QCOMPARE(reader.feed("more"), State::Complete);
        QCOMPARE(reader.request().body, QByteArray("abc"));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::newRow("body over the limit") << QByteArray(post(QByteArray(65, 'x'))) << 413;
        QTest::newRow("length over the limit, body not sent")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1048577\r\n\r\n") << 413;
        QTest::newRow("huge length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n")
                                     << 400;
        QTest::newRow("no length") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\n\r\n") << 411;
        QTest::newRow("chunked") << QByteArray(
                                        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
                                 << 501;
        QTest::newRow("chunked and length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\nhello") << 501;
        QTest::newRow("two lengths") << QByteArray(
                                            "POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!")
                                     << 400;
        QTest::newRow("signed length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: +5\r\n\r\nhello") << 400;
        QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("hex length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 0x10\r\n\r\n") << 400;
        QTest::newRow("folded header") << QByteArray(
                                              "POST / HTTP/1.1\r\nX-Signature: a\r\n b\r\nContent-Length: 0\r\n\r\n")
                                       << 400;
        QTest::newRow("no colon") << QByteArray("POST / HTTP/1.1\r\nX-Signature abc\r\n\r\n") << 400;
        QTest::newRow("space before colon") << QByteArray("POST / HTTP/1.1\r\nContent-Length : 0\r\n\r\n") << 400;
        QTest::newRow("not http") << QByteArray("HELLO\r\n\r\n") << 400;
        QTest::newRow("http/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 400;
        QTest::newRow("binary junk") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 16) << 400;
        QTest::newRow("head too large") << QByteArray("POST / HTTP/1.1\r\nX-Pad: " + QByteArray(2000, 'a')) << 431;
        QByteArray many = "POST / HTTP/1.1\r\n";
        for (int i = 0; i < 20; ++i)
            many += "X-" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("too many headers") << QByteArray(many + "\r\n") << 431;
    }

    void refusals()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        HttpRequestReader reader(smallLimits());
        QCOMPARE(reader.feed(bytes), State::Failed);
        QCOMPARE(reader.errorStatus(), status);
        QVERIFY(!reader.errorText().isEmpty());
        // Failed stays failed.
        QCOMPARE(reader.feed("POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n"), State::Failed);
    }

    void expectContinueIsOfferedOnce()
    {
        HttpRequestReader reader(smallLimits());
        QCOMPARE(reader.feed("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n"), State::NeedMore);
        QVERIFY(reader.takeContinueRequest());
        QVERIFY(!reader.takeContinueRequest());
        QCOMPARE(reader.feed("abc"), State::Complete);
    }

    void getWithoutBodyIsComplete()
    {
        HttpRequestReader reader(smallLimits());
        QCOMPARE(reader.feed("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), State::Complete);
        QCOMPARE(reader.request().method, QByteArray("GET"));
        QVERIFY(reader.request().body.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestReader)
#include "tst_httprequestreader.moc"
