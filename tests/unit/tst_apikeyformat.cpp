#include "HostileStrings.h"
#include "secrets/ApiKeyFormat.h"

#include <QTest>

using namespace outpost;

// What a pasted key earns before it is stored: trimmed, refused only when it
// cannot be a key, warned about when it looks damaged, never repeated back.
class TestApiKeyFormat : public QObject
{
    Q_OBJECT

private slots:
    void verdicts_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("warnings");
        const QString good = QStringLiteral("lp_0123456789abcdef0123456789abcdef");
        QTest::newRow("documented form") << good << good << true << 0;
        QTest::newRow("trailing newline") << good + u'\n' << good << true << 0;
        QTest::newRow("surrounding spaces and CRLF") << u"  " + good + u"\r\n" << good << true << 0;
        QTest::newRow("opaque token of another service")
            << QStringLiteral("sk-live.AbC_123") << QStringLiteral("sk-live.AbC_123") << true << 0;
        QTest::newRow("known prefix, short") << QStringLiteral("lp_0123") << QStringLiteral("lp_0123") << true << 1;
        QTest::newRow("known prefix, uppercase hex")
            << QStringLiteral("lp_0123456789ABCDEF0123456789abcdef")
            << QStringLiteral("lp_0123456789ABCDEF0123456789abcdef") << true << 1;
        QTest::newRow("known prefix, one too many") << good + u'0' << good + u'0' << true << 1;
        QTest::newRow("pasted twice") << good + u' ' + good << good + u' ' + good << true << 2;
        QTest::newRow("space inside") << QStringLiteral("abc def") << QStringLiteral("abc def") << true << 1;
        QTest::newRow("empty") << QString() << QString() << false << 0;
        QTest::newRow("only whitespace") << QStringLiteral(" \n\t ") << QString() << false << 0;
        QTest::newRow("control character") << QStringLiteral("abc\x01"
                                                             "def")
                                           << QStringLiteral("abc\x01"
                                                             "def")
                                           << false << 0;
        QTest::newRow("NUL inside") << (QStringLiteral("abc") + QChar(0) + QStringLiteral("def"))
                                    << (QStringLiteral("abc") + QChar(0) + QStringLiteral("def")) << false << 0;
        QTest::newRow("escape sequence") << QStringLiteral("abc\x1b[2Jdef") << QStringLiteral("abc\x1b[2Jdef") << false
                                         << 0;
        QTest::newRow("far too long") << QString(5000, u'k') << QString(5000, u'k') << false << 0;
        QTest::newRow("unicode letters") << QStringLiteral("ключ-鍵") << QStringLiteral("ключ-鍵") << true << 0;
    }

    void verdicts()
    {
        QFETCH(QString, raw);
        QFETCH(QString, key);
        QFETCH(bool, ok);
        QFETCH(int, warnings);
        const ApiKeyFormat::Verdict verdict = ApiKeyFormat::check(raw);
        QCOMPARE(verdict.ok(), ok);
        QCOMPARE(verdict.key, key);
        QCOMPARE(verdict.warnings.size(), warnings);
        if (!key.trimmed().isEmpty() && key.size() > 4) {
            // No message repeats the key, or any long piece of it.
            for (const QString &message : verdict.warnings + QStringList{verdict.error})
                QVERIFY2(!message.contains(key.left(key.size() / 2 + 1)), qPrintable(message));
        }
    }

    void workspacePrefixIsChecked()
    {
        QCOMPARE(ApiKeyFormat::check(QStringLiteral("acme_123"), QStringLiteral("acme_")).warnings.size(), 0);
        const auto other = ApiKeyFormat::check(QStringLiteral("other_123"), QStringLiteral("acme_"));
        QVERIFY(other.ok());
        QCOMPARE(other.warnings.size(), 1);
        QVERIFY(other.warnings.first().contains(QStringLiteral("acme_")));
    }

    void hostileStringsNeverCrashAndAreJudged()
    {
        for (const auto &h : test::hostileStrings()) {
            const ApiKeyFormat::Verdict verdict = ApiKeyFormat::check(h.text);
            QVERIFY2(verdict.ok() || !verdict.error.isEmpty(), h.label);
            QCOMPARE(verdict.key, h.text.trimmed());
        }
    }
};

QTEST_GUILESS_MAIN(TestApiKeyFormat)
#include "tst_apikeyformat.moc"
