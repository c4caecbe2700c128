#include "webhooks/WebhookSignature.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

using namespace outpost;

// The contract's webhook signature: hex HMAC-SHA256 over the raw body.
class TestWebhookSignature : public QObject
{
    Q_OBJECT

private:
    static QByteArray opensslHmac(const QByteArray &secret, const QByteArray &body)
    {
        QProcess p;
        p.start(QStringLiteral("openssl"), {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-hmac"),
                                            QString::fromLatin1(secret)});
        p.write(body);
        p.closeWriteChannel();
        if (!p.waitForFinished(20000))
            return {};
        const QByteArray out = p.readAllStandardOutput().trimmed();
        return out.mid(out.lastIndexOf(' ') + 1);
    }

private slots:
    void contractTestVector()
    {
        // printf '{"event":"test"}' | openssl dgst -sha256 -hmac 'your-secret'  (CONTRACT.md)
        const QByteArray expected = "ae73985dbf44593b8ab8007279f05bcbb47c811fa80741ccbd230e28e67d89eb";
        QCOMPARE(WebhookSignature::sign("your-secret", R"({"event":"test"})"), expected);
        const WebhookSignature signature({QByteArrayLiteral("your-secret")});
        QVERIFY(signature.verify(R"({"event":"test"})", expected));
    }

    void agreesWithOpenssl()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("openssl is not installed");
        auto *random = QRandomGenerator::global();
        for (int round = 0; round < 5; ++round) {
            QByteArray body(static_cast<qsizetype>(random->bounded(1, 4096)), Qt::Uninitialized);
            for (char &c : body)
                c = static_cast<char>(random->bounded(256));
            const QByteArray secret = "whsec_" + QByteArray::number(random->generate64(), 16);
            QCOMPARE(WebhookSignature::sign(secret, body), opensslHmac(secret, body));
        }
    }

    void acceptsCaseAndPrefixVariants_data()
    {
        QTest::addColumn<QByteArray>("header");
        const QByteArray sig = WebhookSignature::sign("s3cret", "body");
        QTest::newRow("lowercase") << sig;
        QTest::newRow("uppercase") << sig.toUpper();
        QTest::newRow("sha256= prefix") << QByteArray("sha256=" + sig);
        QTest::newRow("SHA256= prefix") << QByteArray("SHA256=" + sig);
        QTest::newRow("surrounding spaces") << QByteArray(" " + sig + " ");
    }

    void acceptsCaseAndPrefixVariants()
    {
        QFETCH(QByteArray, header);
        QVERIFY(WebhookSignature({QByteArrayLiteral("s3cret")}).verify("body", header));
    }

    void refusesEverythingElse_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("header");
        const QByteArray sig = WebhookSignature::sign("s3cret", "body");
        QByteArray flipped = sig;
        flipped[10] = flipped[10] == 'a' ? 'b' : 'a';
        QTest::newRow("other body") << QByteArray("body ") << sig;
        QTest::newRow("other secret") << QByteArray("body") << WebhookSignature::sign("s3cret2", "body");
        QTest::newRow("one digit changed") << QByteArray("body") << flipped;
        QTest::newRow("truncated") << QByteArray("body") << sig.left(63);
        QTest::newRow("one digit more") << QByteArray("body") << QByteArray(sig + '0');
        QTest::newRow("empty") << QByteArray("body") << QByteArray();
        QTest::newRow("non-hex padded to length") << QByteArray("body") << QByteArray(sig.left(62) + "zz");
        QTest::newRow("space inside") << QByteArray("body") << QByteArray(sig.left(31) + ' ' + sig.mid(32));
        QTest::newRow("raw bytes instead of hex") << QByteArray("body") << QByteArray::fromHex(sig);
        QTest::newRow("sha1 length") << QByteArray("body") << sig.left(40);
        QTest::newRow("prefix only") << QByteArray("body") << QByteArray("sha256=");
    }

    void refusesEverythingElse()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, header);
        QVERIFY(!WebhookSignature({QByteArrayLiteral("s3cret")}).verify(body, header));
    }

    void anyOfSeveralSecretsDuringRotation()
    {
        const WebhookSignature signature({QByteArrayLiteral("old"), QByteArrayLiteral("new")});
        QVERIFY(signature.verify("x", WebhookSignature::sign("old", "x")));
        QVERIFY(signature.verify("x", WebhookSignature::sign("new", "x")));
        QVERIFY(!signature.verify("x", WebhookSignature::sign("other", "x")));
    }

    void noSecretVerifiesNothing()
    {
        const WebhookSignature none({QByteArray()});
        QVERIFY(!none.hasSecrets());
        QVERIFY(!none.verify("x", WebhookSignature::sign("", "x")));
    }

    void headerNameIsConfigurable()
    {
        QCOMPARE(WebhookSignature({QByteArrayLiteral("s")}).headerName(), QByteArray("X-Signature"));
        QCOMPARE(WebhookSignature({QByteArrayLiteral("s")}, "X-Acme-Signature").headerName(),
                 QByteArray("X-Acme-Signature"));
    }
};

QTEST_GUILESS_MAIN(TestWebhookSignature)
#include "tst_webhooksignature.moc"
