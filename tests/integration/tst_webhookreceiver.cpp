#include "ManualClock.h"
#include "webhooks/WebhookReceiver.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace outpost;
using webhook::Outcome;

namespace {

const QByteArray kSecret = "whsec_0123456789abcdef";
const QByteArray kHeader = "X-Acme-Signature";

struct Reply
{
    int status = -1;
    QByteArray raw;
    QJsonObject body;
    bool closedByServer = false;
};

} // namespace

// The webhook receiver over real loopback TCP, fed what hostile or broken
// senders send: it must answer each with the right status and emit only
// genuine, fresh, new events.
class TestWebhookReceiver : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    std::unique_ptr<WebhookReceiver> m_receiver;
    quint16 m_port = 0;
    int m_eventNumber = 0;

    void startReceiver(WebhookReceiver::Options options = {})
    {
        m_receiver = std::make_unique<WebhookReceiver>(WebhookSignature({kSecret}, kHeader), options, m_clock);
        auto port = m_receiver->listen(QHostAddress::LocalHost, 0);
        QVERIFY(port.ok());
        m_port = *port;
    }

    QByteArray event(const QDateTime &timestamp, const QString &id = QString())
    {
        const QJsonObject object{
            {QStringLiteral("id"), id.isEmpty() ? QStringLiteral("evt_%1").arg(++m_eventNumber) : id},
            {QStringLiteral("event"), QStringLiteral("new_lead")},
            {QStringLiteral("timestamp"), timestamp.toString(Qt::ISODate)},
            {QStringLiteral("data"), QJsonObject{{QStringLiteral("lead_id"), 1024}}}};
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }

    QByteArray freshEvent(const QString &id = QString()) { return event(m_clock.now(), id); }

    static QByteArray request(const QByteArray &body, const QByteArray &headerName, const QByteArray &signature,
                              const QByteArray &method = "POST")
    {
        QByteArray head =
            method + " /webhooks/outpost HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
        if (!headerName.isEmpty())
            head += headerName + ": " + signature + "\r\n";
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
        return head + body;
    }

    static QByteArray signedRequest(const QByteArray &body)
    {
        return request(body, kHeader, WebhookSignature::sign(kSecret, body));
    }

    // Sends `chunks` with `gapMs` between them, then collects the answer until
    // the server closes. The event loop runs all along: the server is in this thread.
    Reply send(const QList<QByteArray> &chunks, int gapMs = 0, int waitMs = 10000)
    {
        Reply reply;
        QTcpSocket socket;
        QObject::connect(&socket, &QTcpSocket::readyRead, [&] { reply.raw += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000))
            return reply;
        for (const QByteArray &chunk : chunks) {
            socket.write(chunk);
            socket.flush();
            if (gapMs > 0)
                QTest::qWait(gapMs);
        }
        reply.closedByServer =
            QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, waitMs);
        reply.raw += socket.readAll();
        const qsizetype last = reply.raw.lastIndexOf("HTTP/1.1 ");
        if (last >= 0)
            reply.status = reply.raw.mid(last + 9, 3).toInt();
        const qsizetype bodyStart = reply.raw.indexOf("\r\n\r\n", last);
        if (bodyStart >= 0)
            reply.body = QJsonDocument::fromJson(reply.raw.mid(bodyStart + 4)).object();
        return reply;
    }

private slots:
    void init() { startReceiver(); }
    void cleanup() { m_receiver.reset(); }

    void acceptsASignedFreshEventOnce()
    {
        QSignalSpy received(m_receiver.get(), &WebhookReceiver::eventReceived);
        const QByteArray body = freshEvent(QStringLiteral("evt_accept"));
        const Reply reply = send({signedRequest(body)});
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.closedByServer);
        QCOMPARE(reply.body.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(received.size(), 1);
        const QJsonObject got = received.first().first().toJsonObject();
        QCOMPARE(got.value(QStringLiteral("id")).toString(), QStringLiteral("evt_accept"));
        QCOMPARE(got.value(QStringLiteral("data")).toObject().value(QStringLiteral("lead_id")).toInt(), 1024);
        QCOMPARE(m_receiver->count(Outcome::Accepted), 1);
        QCOMPARE(m_receiver->rejectedCount(), 0);
    }

    void signatureIsOverTheRawBytes()
    {
        // Spacing, key order and escapes a re-serialisation would change.
        const QString now = m_clock.now().toString(Qt::ISODate);
        const QByteArray body =
            "{ \"timestamp\" : \"" + now.toLatin1() +
            "\",\n  \"event\":\"note_added\", \"id\":\"evt_raw\", \"data\":{\"text\":\"caf\\u00e9 \xe2\x98\x95\"} }";
        QSignalSpy received(m_receiver.get(), &WebhookReceiver::eventReceived);
        QCOMPARE(send({signedRequest(body)}).status, 200);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first()
                     .first()
                     .toJsonObject()
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("text")),
                 QJsonValue(QStringLiteral("café ☕")));
    }

    void hostileDeliveriesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("outcome");

        const QByteArray body = freshEvent();
        const QByteArray sig = WebhookSignature::sign(kSecret, body);
        QTest::newRow("bad signature") << request(body, kHeader, WebhookSignature::sign("guess", body)) << 401
                                       << int(Outcome::BadSignature);
        QTest::newRow("signature of another body")
            << request(body, kHeader, WebhookSignature::sign(kSecret, freshEvent())) << 401
            << int(Outcome::BadSignature);
        QTest::newRow("missing header") << request(body, QByteArray(), QByteArray()) << 401
                                        << int(Outcome::MissingSignature);
        QTest::newRow("wrong header name")
            << request(body, "X-Signature", sig) << 401 << int(Outcome::MissingSignature);
        QTest::newRow("empty signature") << request(body, kHeader, QByteArray()) << 401 << int(Outcome::BadSignature);
        QTest::newRow("two signature headers")
            << request(body, kHeader, sig)
                   .replace("Content-Length", QByteArray(kHeader + ": " + sig + "\r\nContent-Length"))
            << 401 << int(Outcome::BadSignature);
        QTest::newRow("body changed after signing")
            << request(QByteArray(body).replace("new_lead", "lead_escalated"), kHeader, sig) << 401
            << int(Outcome::BadSignature);

        auto signedOnly = [](const QByteArray &b) {
            return request(b, kHeader, WebhookSignature::sign(kSecret, b));
        };
        QTest::newRow("stale by 6 minutes")
            << signedOnly(event(m_clock.now().addSecs(-360))) << 400 << int(Outcome::Stale);
        QTest::newRow("6 minutes in the future")
            << signedOnly(event(m_clock.now().addSecs(360))) << 400 << int(Outcome::Stale);
        QTest::newRow("malformed json") << signedOnly("{\"id\":\"evt_x\",") << 400 << int(Outcome::Malformed);
        QTest::newRow("json array") << signedOnly("[1,2,3]") << 400 << int(Outcome::Malformed);
        QTest::newRow("contract test vector body")
            << signedOnly(R"({"event":"test"})") << 400 << int(Outcome::Malformed);
        QTest::newRow("no timestamp") << signedOnly(R"({"id":"evt_t","event":"test"})") << 400
                                      << int(Outcome::Malformed);
        QTest::newRow("timestamp not a date")
            << signedOnly(R"({"id":"evt_t","event":"test","timestamp":"yesterday"})") << 400 << int(Outcome::Malformed);
        QTest::newRow("id not a string") << signedOnly(QByteArray("{\"id\":7,\"event\":\"test\",\"timestamp\":\"" +
                                                                  m_clock.now().toString(Qt::ISODate).toLatin1() +
                                                                  "\"}"))
                                         << 400 << int(Outcome::Malformed);
        QTest::newRow("GET") << request(QByteArray(), QByteArray(), QByteArray(), "GET") << 405
                             << int(Outcome::WrongMethod);
        QTest::newRow("chunked") << QByteArray(
                                        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
                                 << 501 << int(Outcome::BadRequest);
        QTest::newRow("no length") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\n\r\n") << 411
                                   << int(Outcome::BadRequest);
        QTest::newRow("not http") << QByteArray("\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\r\n\r\n", 15) << 400
                                  << int(Outcome::BadRequest);
        QTest::newRow("oversized body announced")
            << QByteArray("POST / HTTP/1.1\r\n" + kHeader + ": " + sig + "\r\nContent-Length: 1048577\r\n\r\n") << 413
            << int(Outcome::TooLarge);
    }

    void hostileDeliveriesAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QFETCH(int, outcome);
        QSignalSpy received(m_receiver.get(), &WebhookReceiver::eventReceived);
        QSignalSpy rejected(m_receiver.get(), &WebhookReceiver::eventRejected);
        const Reply reply = send({bytes});
        QCOMPARE(reply.status, status);
        QVERIFY(reply.closedByServer);
        QCOMPARE(reply.body.value(QStringLiteral("ok")).toBool(true), false);
        QVERIFY(!reply.body.value(QStringLiteral("error")).toString().isEmpty());
        QCOMPARE(received.size(), 0);
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(m_receiver->count(static_cast<Outcome>(outcome)), 1);
        QCOMPARE(m_receiver->count(Outcome::Accepted), 0);
    }

    void withinTheToleranceIsAccepted()
    {
        QSignalSpy received(m_receiver.get(), &WebhookReceiver::eventReceived);
        QCOMPARE(send({signedRequest(event(m_clock.now().addSecs(-290)))}).status, 200);
        QCOMPARE(send({signedRequest(event(m_clock.now().addSecs(290)))}).status, 200);
        QCOMPARE(received.size(), 2);
    }

    void replayedEventIsDroppedButAnswered()
    {
        QSignalSpy received(m_receiver.get(), &WebhookReceiver::eventReceived);
        const QByteArray bytes = signedRequest(freshEvent(QStringLiteral("evt_replay")));
        QCOMPARE(send({bytes}).status, 200);
        const Reply again = send({bytes});
        // 2xx: a sender retrying a delivery whose answer it lost must stop retrying.
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body.value(QStringLiteral("duplicate")).toBool(), true);
        // The same id in a new, validly signed body is still a replay.
        QCOMPARE(send({signedRequest(freshEvent(QStringLiteral("evt_replay")))}).status, 200);
        QCOMPARE(received.size(), 1);
        QCOMPARE(m_receiver->count(Outcome::Duplicate), 2);
    }

    void forgedCopyDoesNotBlockTheGenuineEvent()
    {
        QSignalSpy received(m_receiver.get(), &WebhookReceiver::eventReceived);
        const QByteArray body = freshEvent(QStringLiteral("evt_forged"));
        QCOMPARE(send({request(body, kHeader, WebhookSignature::sign("attacker", body))}).status, 401);
        QCOMPARE(send({signedRequest(body)}).status, 200);
        QCOMPARE(received.size(), 1);
    }

    void oversizedBodyIsRefusedWithoutReadingIt()
    {
        QByteArray big(8 * 1024 * 1024, 'x');
        const Reply reply = send({signedRequest(big)});
        QCOMPARE(reply.status, 413);
        QCOMPARE(m_receiver->count(Outcome::TooLarge), 1);
    }

    void bodyAtTheLimitIsRead()
    {
        WebhookReceiver::Options options;
        options.limits.maxBodyBytes = 4096;
        startReceiver(options);
        QByteArray body = freshEvent(QStringLiteral("evt_limit"));
        body.insert(body.size() - 1, ",\"pad\":\"" + QByteArray(4096 - body.size() - 9, 'p') + "\"");
        QCOMPARE(body.size(), 4096);
        QCOMPARE(send({signedRequest(body)}).status, 200);
        body.insert(body.size() - 2, 'p');
        QCOMPARE(send({signedRequest(body)}).status, 413);
    }

    void splitPacketsAreReassembled()
    {
        QSignalSpy received(m_receiver.get(), &WebhookReceiver::eventReceived);
        const QByteArray bytes = signedRequest(freshEvent(QStringLiteral("evt_split")));
        QList<QByteArray> chunks;
        // Cuts inside the request line, header names and values, the blank line and the body.
        qsizetype at = 0;
        for (const qsizetype size : {3, 17, 1, 30, 2, 1, 1, 40}) {
            chunks.append(bytes.mid(at, size));
            at += size;
        }
        const qsizetype headEnd = bytes.indexOf("\r\n\r\n");
        QVERIFY(at < headEnd);
        chunks.append(bytes.mid(at, headEnd + 2 - at));
        chunks.append(bytes.mid(headEnd + 2, 3));
        chunks.append(bytes.mid(headEnd + 5, 7));
        chunks.append(bytes.mid(headEnd + 12));
        QCOMPARE(chunks.join(), bytes);
        const Reply reply = send(chunks, 20);
        QCOMPARE(reply.status, 200);
        QCOMPARE(received.size(), 1);
    }

    void byteByByteIsReassembled()
    {
        const QByteArray bytes = signedRequest(freshEvent());
        QList<QByteArray> chunks;
        for (const char c : bytes)
            chunks.append(QByteArray(1, c));
        QCOMPARE(send(chunks, 1).status, 200);
    }

    void slowSenderIsCutOff()
    {
        WebhookReceiver::Options options;
        options.readDeadline = std::chrono::milliseconds(400);
        startReceiver(options);
        const QByteArray bytes = signedRequest(freshEvent());
        // Slowloris: a byte now and then, never finishing in time.
        QList<QByteArray> chunks;
        for (int i = 0; i < 10; ++i)
            chunks.append(bytes.mid(i, 1));
        const Reply reply = send(chunks, 100);
        QCOMPARE(reply.status, 408);
        QVERIFY(reply.closedByServer);
        QCOMPARE(m_receiver->count(Outcome::TimedOut), 1);
        QCOMPARE(m_receiver->openConnections(), 0);
    }

    void idleConnectionIsClosed()
    {
        WebhookReceiver::Options options;
        options.readDeadline = std::chrono::milliseconds(300);
        startReceiver(options);
        const Reply reply = send({});
        QVERIFY(reply.closedByServer);
        QCOMPARE(reply.status, 408);
    }

    void expectContinueIsHonoured()
    {
        const QByteArray bytes = signedRequest(freshEvent());
        const qsizetype headEnd = bytes.indexOf("\r\n\r\n") + 2;
        QByteArray head = bytes.left(headEnd) + "Expect: 100-continue\r\n\r\n";
        const Reply reply = send({head, bytes.mid(headEnd + 2)}, 200);
        QVERIFY(reply.raw.startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
        QCOMPARE(reply.status, 200);
    }

    void tooManyConnectionsAreShed()
    {
        WebhookReceiver::Options options;
        options.maxConnections = 3;
        options.readDeadline = std::chrono::milliseconds(2000);
        startReceiver(options);
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 5; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            idle.back()->connectToHost(QHostAddress::LocalHost, m_port);
        }
        QTRY_COMPARE(m_receiver->count(Outcome::Overloaded), 2);
        QCOMPARE(m_receiver->openConnections(), 3);
        // Once they time out, the receiver serves again.
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->openConnections(), 0, 10000);
        QCOMPARE(send({signedRequest(freshEvent())}).status, 200);
    }

    void secretRotationAcceptsBoth()
    {
        m_receiver = std::make_unique<WebhookReceiver>(WebhookSignature({kSecret, "whsec_new"}, kHeader),
                                                       WebhookReceiver::Options{}, m_clock);
        auto port = m_receiver->listen();
        QVERIFY(port.ok());
        m_port = *port;
        const QByteArray body = freshEvent();
        QCOMPARE(send({request(body, kHeader, WebhookSignature::sign("whsec_new", body))}).status, 200);
    }

    void refusesToListenWithoutASecret()
    {
        WebhookReceiver receiver(WebhookSignature({QByteArray()}));
        QVERIFY(!receiver.listen().ok());
    }
};

QTEST_GUILESS_MAIN(TestWebhookReceiver)
#include "tst_webhookreceiver.moc"
