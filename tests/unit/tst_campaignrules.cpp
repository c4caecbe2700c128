#include "campaigns/CampaignRules.h"
#include "campaigns/MessageTemplate.h"

#include <QTest>

using namespace outpost;

class TestCampaignRules : public QObject
{
    Q_OBJECT

private slots:
    void refusal_data()
    {
        QTest::addColumn<qint64>("audience");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("expected"); // a word the refusal contains, or empty

        QTest::newRow("fine") << qint64(42) << QStringLiteral("Hi {name}") << QString();
        QTest::newRow("one") << qint64(1) << QStringLiteral("Hi") << QString();
        QTest::newRow("exactly the cap") << qint64(500) << QStringLiteral("Hi") << QString();
        QTest::newRow("one over the cap") << qint64(501) << QStringLiteral("Hi") << QStringLiteral("500");
        QTest::newRow("far over the cap") << qint64(1000000) << QStringLiteral("Hi") << QStringLiteral("narrow");
        QTest::newRow("nobody") << qint64(0) << QStringLiteral("Hi") << QStringLiteral("nobody");
        QTest::newRow("empty message") << qint64(10) << QString() << QStringLiteral("empty");
        QTest::newRow("blank message") << qint64(10) << QStringLiteral("  \n ") << QStringLiteral("empty");
    }

    void refusal()
    {
        QFETCH(qint64, audience);
        QFETCH(QString, message);
        QFETCH(QString, expected);
        const QString why = CampaignRules::refusal(audience, MessageTemplate(message));
        if (expected.isEmpty())
            QVERIFY2(why.isEmpty(), qPrintable(why));
        else
            QVERIFY2(why.contains(expected), qPrintable(why));
        QCOMPARE(CampaignRules::overCap(audience), audience > 500);
    }
};

QTEST_GUILESS_MAIN(TestCampaignRules)
#include "tst_campaignrules.moc"
