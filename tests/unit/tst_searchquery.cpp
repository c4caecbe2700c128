#include "storage/SearchDocument.h"
#include "storage/SearchQuery.h"

#include <QTest>

using namespace outpost;

class TestSearchQuery : public QObject
{
    Q_OBJECT

private slots:
    void routesTermsByLength_data()
    {
        // Word starts are marked tokens: "\1\1" + one character, "\1" + two.
        const QString one = QStringLiteral("\u0001\u0001");
        const QString two = QStringLiteral("\u0001");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("match");
        QTest::addColumn<QStringList>("literal");
        QTest::newRow("empty") << QString() << QString() << QStringList();
        QTest::newRow("spaces") << QStringLiteral("   ") << QString() << QStringList();
        QTest::newRow("three letters") << QStringLiteral("joh") << QStringLiteral("\"joh\"") << QStringList();
        QTest::newRow("two letters") << QStringLiteral("jo") << QStringLiteral("\"%1jo\"").arg(two) << QStringList();
        QTest::newRow("one letter, folded")
            << QStringLiteral("Å") << QStringLiteral("\"%1a\"").arg(one) << QStringList();
        QTest::newRow("mixed") << QStringLiteral("jo car") << QStringLiteral("\"car\" AND \"%1jo\"").arg(two)
                               << QStringList();
        QTest::newRow("quotes are doubled")
            << QStringLiteral("a\"b\"c") << QStringLiteral("\"a\"\"b\"\"c\"") << QStringList();
        QTest::newRow("fts syntax is literal")
            << QStringLiteral("NEAR(a b) OR *") << QStringLiteral("\"NEAR(a\" AND \"%1or\"").arg(two)
            << QStringList{QStringLiteral("b)"), QStringLiteral("*")};
        QTest::newRow("emoji pair") << QStringLiteral("🚀🔥") << QString() << QStringList{QStringLiteral("🚀🔥")};
        QTest::newRow("percent") << QStringLiteral("%") << QString() << QStringList{QStringLiteral("%")};
        QTest::newRow("cjk two") << QStringLiteral("小龙") << QStringLiteral("\"%1小龙\"").arg(two) << QStringList();
        QTest::newRow("hangul stays one syllable")
            << QStringLiteral("김") << QStringLiteral("\"%1김\"").arg(one) << QStringList();
        QTest::newRow("combining mark belongs to its letter")
            << QStringLiteral("प्") << QStringLiteral("\"%1प\"").arg(one) << QStringList();
        QTest::newRow("three emoji") << QStringLiteral("🚀🔥🚀") << QStringLiteral("\"🚀🔥🚀\"") << QStringList();
    }

    void routesTermsByLength()
    {
        QFETCH(QString, input);
        QFETCH(QString, match);
        QFETCH(QStringList, literal);
        const SearchQuery q = SearchQuery::parse(input);
        QCOMPARE(q.match(), match);
        QCOMPARE(q.literalTerms(), literal);
        QCOMPARE(q.isEmpty(), match.isEmpty() && literal.isEmpty());
    }

    void documentMarksEachWordStartOnce()
    {
        const QByteArray doc = SearchDocument::build({"Jo Jonah", "+1 555", QByteArrayView(), "vip\nÅsa"});
        QCOMPARE(doc, QByteArray("Jo Jonah\n+1 555\n\nvip Åsa\n"
                                 "\x01\x01j\x01jo\x01\x01"
                                 "1\x01\x01"
                                 "5\x01"
                                 "55\x01\x01v\x01vi\x01\x01"
                                 "a\x01"
                                 "as"));
    }

    void documentTurnsControlCharactersIntoSpaces()
    {
        const QByteArray doc = SearchDocument::build({QByteArrayView("a\0b\x7f", 4), "", "", ""});
        QVERIFY(doc.startsWith("a b \n\n\n\n"));
        QVERIFY(!doc.contains('\0'));
    }
};

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"
