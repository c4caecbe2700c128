#include "domain/LeadStatus.h"

#include <QTest>

using namespace outpost;

class TestLeadStatus : public QObject
{
    Q_OBJECT

private slots:
    void pipelineIsInContractOrder()
    {
        QStringList names;
        for (const LeadStatus &s : LeadStatus::pipeline())
            names << s.toString();
        QCOMPARE(names, (QStringList{QStringLiteral("new"), QStringLiteral("contacted"), QStringLiteral("qualified"),
                                     QStringLiteral("booked"), QStringLiteral("lost"), QStringLiteral("closed")}));
    }

    void knownNamesMapToStages_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("stage");
        QTest::newRow("new") << QStringLiteral("new") << int(LeadStatus::New);
        QTest::newRow("booked") << QStringLiteral("booked") << int(LeadStatus::Booked);
        QTest::newRow("closed") << QStringLiteral("closed") << int(LeadStatus::Closed);
        // The wire form is exact: a capitalised status is some other service's own.
        QTest::newRow("capitalised is unknown") << QStringLiteral("New") << int(LeadStatus::Unknown);
        QTest::newRow("empty is unknown") << QString() << int(LeadStatus::Unknown);
        QTest::newRow("hostile is unknown") << QStringLiteral("'); DROP TABLE leads;--") << int(LeadStatus::Unknown);
    }

    void knownNamesMapToStages()
    {
        QFETCH(QString, text);
        QFETCH(int, stage);
        const LeadStatus s = LeadStatus::fromString(text);
        QCOMPARE(int(s.stage()), stage);
        QCOMPARE(s.toString(), text);
        QCOMPARE(LeadStatus::isKnownName(text), stage != LeadStatus::Unknown);
    }

    void unknownSortsAfterThePipeline()
    {
        QVERIFY(LeadStatus::fromString(QStringLiteral("archived")).pipelineIndex() >
                LeadStatus(LeadStatus::Closed).pipelineIndex());
    }
};

QTEST_GUILESS_MAIN(TestLeadStatus)
#include "tst_leadstatus.moc"
