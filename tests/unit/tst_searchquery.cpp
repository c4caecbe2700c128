#include "storage/SearchQuery.h"

#include <QTest>

using namespace outpost;

class TestSearchQuery : public QObject
{
    Q_OBJECT

private slots:
    void routesTermsByLength_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("trigram");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QStringList>("literal");
        QTest::newRow("empty") << QString() << QString() << QString() << QStringList();
        QTest::newRow("spaces") << QStringLiteral("   ") << QString() << QString() << QStringList();
        QTest::newRow("three letters") << QStringLiteral("joh") << QStringLiteral("\"joh\"") << QString()
                                       << QStringList();
        QTest::newRow("two letters") << QStringLiteral("jo") << QString() << QStringLiteral("\"jo\"*") << QStringList();
        QTest::newRow("mixed") << QStringLiteral("jo car") << QStringLiteral("\"car\"") << QStringLiteral("\"jo\"*")
                               << QStringList();
        QTest::newRow("quotes are doubled")
            << QStringLiteral("a\"b\"c") << QStringLiteral("\"a\"\"b\"\"c\"") << QString() << QStringList();
        QTest::newRow("fts syntax is literal")
            << QStringLiteral("NEAR(a b) OR *") << QStringLiteral("\"NEAR(a\"") << QStringLiteral("\"OR\"*")
            << QStringList{QStringLiteral("b)"), QStringLiteral("*")};
        QTest::newRow("emoji pair") << QStringLiteral("🚀🔥") << QString() << QString()
                                    << QStringList{QStringLiteral("🚀🔥")};
        QTest::newRow("percent") << QStringLiteral("%") << QString() << QString() << QStringList{QStringLiteral("%")};
        QTest::newRow("cjk two") << QStringLiteral("小龙") << QString() << QStringLiteral("\"小龙\"*") << QStringList();
        QTest::newRow("three emoji") << QStringLiteral("🚀🔥🚀") << QStringLiteral("\"🚀🔥🚀\"") << QString()
                                     << QStringList();
    }

    void routesTermsByLength()
    {
        QFETCH(QString, input);
        QFETCH(QString, trigram);
        QFETCH(QString, prefix);
        QFETCH(QStringList, literal);
        const SearchQuery q = SearchQuery::parse(input);
        QCOMPARE(q.trigramMatch(), trigram);
        QCOMPARE(q.prefixMatch(), prefix);
        QCOMPARE(q.literalTerms(), literal);
        QCOMPARE(q.isEmpty(), trigram.isEmpty() && prefix.isEmpty() && literal.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"
