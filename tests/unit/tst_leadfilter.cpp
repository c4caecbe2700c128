#include "HostileStrings.h"
#include "domain/LeadFilter.h"

#include <QJsonObject>
#include <QTest>

using namespace outpost;

class TestLeadFilter : public QObject
{
    Q_OBJECT

private slots:
    void setsEveryContractField()
    {
        LeadFilter f;
        for (const char *a : {"status=qualified", "channel=whatsapp", "tag=vip", "source=web_form",
                              "assigned_agent=Maria", "created_after=2026-05-01", "created_before=2026-06-01T12:00:00Z",
                              "last_message_before=2026-05-20", "search=john", "escalated=true"}) {
            auto r = f.set(QString::fromLatin1(a));
            QVERIFY2(r.ok(), a);
        }
        QCOMPARE(f.status, QStringLiteral("qualified"));
        QCOMPARE(f.channel, QStringLiteral("whatsapp"));
        QCOMPARE(f.tag, QStringLiteral("vip"));
        QCOMPARE(f.source, QStringLiteral("web_form"));
        QCOMPARE(f.assignedAgent, QStringLiteral("Maria"));
        QCOMPARE(f.createdAfter, QDateTime(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(f.createdBefore, QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC));
        QCOMPARE(f.lastMessageBefore, QDateTime(QDate(2026, 5, 20), QTime(0, 0), Qt::UTC));
        QCOMPARE(f.search, QStringLiteral("john"));
        QCOMPARE(f.escalated, std::optional<bool>(true));
        QVERIFY(!f.isEmpty());
    }

    void jsonRoundTripKeepsContractFieldsOnly()
    {
        LeadFilter f;
        f.status = QStringLiteral("qualified");
        f.createdAfter = QDateTime(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC);
        f.search = QStringLiteral("local only");
        const QJsonObject o = f.toJson();
        QCOMPARE(o.size(), 2);
        QCOMPARE(o.value(QLatin1StringView("created_after")).toString(), QStringLiteral("2026-05-01T00:00:00Z"));
        auto back = LeadFilter::fromJson(o);
        QVERIFY(back.ok());
        QCOMPARE(back->status, f.status);
        QCOMPARE(back->createdAfter, f.createdAfter);
        QVERIFY(back->search.isEmpty());
    }

    void rejectsBadAssignments_data()
    {
        QTest::addColumn<QString>("assignment");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no equals") << QStringLiteral("status") << QStringLiteral("expected NAME=VALUE");
        QTest::newRow("unknown name") << QStringLiteral("colour=red") << QStringLiteral("unknown filter \"colour\"");
        QTest::newRow("bad date") << QStringLiteral("created_after=soon")
                                  << QStringLiteral("created_after: not a date");
        QTest::newRow("bad bool") << QStringLiteral("escalated=maybe")
                                  << QStringLiteral("escalated: expected true or false");
    }

    void rejectsBadAssignments()
    {
        QFETCH(QString, assignment);
        QFETCH(QString, expected);
        LeadFilter f;
        auto r = f.set(assignment);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.startsWith(expected), qPrintable(r.error().message));
        QVERIFY(f.isEmpty());
    }

    void valuesAreKeptLiterally_data()
    {
        QTest::addColumn<QString>("text");
        for (const auto &h : test::hostileStrings())
            QTest::newRow(h.label) << h.text;
        QTest::newRow("equals inside") << QStringLiteral("a=b=c");
    }

    void valuesAreKeptLiterally()
    {
        QFETCH(QString, text);
        LeadFilter f;
        QVERIFY(f.set(QStringLiteral("tag=") + text).ok());
        QCOMPARE(f.tag, text);
    }

    void fromJsonRejectsWrongTypes()
    {
        auto r = LeadFilter::fromJson(QJsonObject{{QLatin1StringView("status"), 3}});
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.startsWith(QStringLiteral("filters.status: expected a string")),
                 qPrintable(r.error().message));
    }
};

QTEST_GUILESS_MAIN(TestLeadFilter)
#include "tst_leadfilter.moc"
