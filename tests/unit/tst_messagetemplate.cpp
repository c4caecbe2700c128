#include "TestLeads.h"
#include "campaigns/MessageTemplate.h"

#include <QTest>

using namespace outpost;

class TestMessageTemplate : public QObject
{
    Q_OBJECT

private slots:
    void rendersEveryPlaceholder()
    {
        Lead lead = test::makeLead(1, QStringLiteral("John Carter"));
        lead.phone = QStringLiteral("+15551234567");
        lead.assignedAgent = QStringLiteral("Maria");
        const MessageTemplate t(QStringLiteral("Hi {first_name} ({name}, {phone}), {agent} here."));
        QCOMPARE(t.render(lead), QStringLiteral("Hi John (John Carter, +15551234567), Maria here."));
        QVERIFY(t.unknownPlaceholders().isEmpty());
        QVERIFY(t.missingFor(lead).isEmpty());
    }

    void missingFieldsRenderEmptyAndAreReported()
    {
        Lead lead = test::makeLead(2, QStringLiteral("   "));
        lead.assignedAgent = QString();
        const MessageTemplate t(QStringLiteral("Hi {first_name}, {agent} will call."));
        QCOMPARE(t.render(lead), QStringLiteral("Hi ,  will call."));
        QCOMPARE(t.missingFor(lead), (QStringList{QStringLiteral("{first_name}"), QStringLiteral("{agent}")}));
    }

    void unknownPlaceholdersStayAsWrittenAndAreReported()
    {
        const Lead lead = test::makeLead(3, QStringLiteral("Ana"));
        const MessageTemplate t(QStringLiteral("{Name} {firstname} {name} {coupon} {coupon} { name}"));
        QCOMPARE(t.render(lead), QStringLiteral("{Name} {firstname} Ana {coupon} {coupon} { name}"));
        QCOMPARE(t.unknownPlaceholders(), (QStringList{QStringLiteral("{Name}"), QStringLiteral("{firstname}"),
                                                       QStringLiteral("{coupon}"), QStringLiteral("{ name}")}));
    }

    void valuesAreNeverExpandedAgain()
    {
        Lead lead = test::makeLead(4, QStringLiteral("{phone} 100% _x_ 'quoted' 🚀"));
        lead.phone = QStringLiteral("+1555");
        const MessageTemplate t(QStringLiteral("[{name}] [{phone}]"));
        QCOMPARE(t.render(lead), QStringLiteral("[{phone} 100% _x_ 'quoted' 🚀] [+1555]"));
    }

    void unbalancedBracesAreText()
    {
        const Lead lead = test::makeLead(5, QStringLiteral("Bo"));
        QCOMPARE(MessageTemplate(QStringLiteral("{name")).render(lead), QStringLiteral("{name"));
        QCOMPARE(MessageTemplate(QStringLiteral("name}")).render(lead), QStringLiteral("name}"));
        // The service scans from "{" to the next "}": "{a{name}" is one unknown token.
        QCOMPARE(MessageTemplate(QStringLiteral("{a{name}!")).render(lead), QStringLiteral("{a{name}!"));
        QCOMPARE(MessageTemplate(QStringLiteral("{}{name}")).render(lead), QStringLiteral("{}Bo"));
        QVERIFY(MessageTemplate(QStringLiteral(" \n\t")).isBlank());
        QVERIFY(!MessageTemplate(QStringLiteral("{name}")).isBlank());
    }
};

QTEST_GUILESS_MAIN(TestMessageTemplate)
#include "tst_messagetemplate.moc"
