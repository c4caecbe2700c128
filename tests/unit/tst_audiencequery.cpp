#include "HostileStrings.h"
#include "TestLeads.h"
#include "campaigns/AudienceQuery.h"
#include "storage/Database.h"
#include "storage/LeadStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace outpost;

// The local audience over a real cache file, checked against the contract's
// filter semantics applied in C++ to the same leads.
class TestAudienceQuery : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<Database> m_db;
    std::unique_ptr<LeadStore> m_store;
    QList<Lead> m_leads;

    static bool matches(const Lead &l, const LeadFilter &f)
    {
        return (f.status.isEmpty() || l.status.toString() == f.status) &&
               (f.channel.isEmpty() || l.channel == f.channel) && (f.source.isEmpty() || l.source == f.source) &&
               (f.assignedAgent.isEmpty() || l.assignedAgent == f.assignedAgent) &&
               (f.tag.isEmpty() || l.tags.contains(f.tag)) &&
               (!f.createdAfter.isValid() || l.createdAt >= f.createdAfter) &&
               (!f.createdBefore.isValid() || l.createdAt < f.createdBefore) &&
               (!f.lastMessageBefore.isValid() || (l.lastMessageAt.isValid() && l.lastMessageAt < f.lastMessageBefore));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto db = Database::open(m_dir.filePath(QStringLiteral("cache.sqlite")));
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        m_db.emplace(std::move(*db));
        m_store = std::make_unique<LeadStore>(*m_db);
        m_leads = test::makeLeads(1, 400);
        // Hostile values the filters must match literally, and only literally.
        const QList<test::HostileString> hostile = test::hostileStrings();
        for (int i = 0; i < hostile.size(); ++i) {
            Lead &l = m_leads[i * 7];
            l.tags = {hostile.at(i).text};
            l.source = hostile.at(i).text;
            l.assignedAgent = hostile.at(i).text;
        }
        m_leads[3].tags = {QStringLiteral("100%")};
        m_leads[4].tags = {QStringLiteral("a_b")};
        m_leads[5].tags = {QStringLiteral("🚀 launch")};
        m_leads[6].source = QStringLiteral("O'Brien");
        QVERIFY(m_store->upsert(m_leads).ok());
    }

    void matchesTheContractsSemantics_data()
    {
        QTest::addColumn<QStringList>("filters");
        const QDateTime base = QDateTime(QDate(2026, 5, 1), QTime(10, 0), Qt::UTC);
        const QString at100 = base.addSecs(100 * 60).toString(Qt::ISODate);
        const QString at300 = base.addSecs(300 * 60).toString(Qt::ISODate);
        QTest::newRow("none") << QStringList{};
        QTest::newRow("status") << QStringList{QStringLiteral("status=qualified")};
        QTest::newRow("status+channel") << QStringList{QStringLiteral("status=qualified"),
                                                       QStringLiteral("channel=whatsapp")};
        QTest::newRow("tag+agent") << QStringList{QStringLiteral("tag=vip"), QStringLiteral("assigned_agent=Maria")};
        QTest::newRow("created_after is inclusive") << QStringList{QStringLiteral("created_after=") + at100};
        QTest::newRow("created range") << QStringList{QStringLiteral("created_after=") + at100,
                                                      QStringLiteral("created_before=") + at300};
        QTest::newRow("last message before") << QStringList{QStringLiteral("last_message_before=") + at300};
        QTest::newRow("everything") << QStringList{
            QStringLiteral("status=booked"),          QStringLiteral("channel=sms"),
            QStringLiteral("source=web_form"),        QStringLiteral("tag=spring-promo"),
            QStringLiteral("assigned_agent=Maria"),   QStringLiteral("created_after=") + at100,
            QStringLiteral("created_before=") + at300};
        QTest::newRow("no match") << QStringList{QStringLiteral("status=new"), QStringLiteral("status=lost")};
        QTest::newRow("percent is literal") << QStringList{QStringLiteral("tag=100%")};
        QTest::newRow("percent alone") << QStringList{QStringLiteral("tag=%")};
        QTest::newRow("underscore is literal") << QStringList{QStringLiteral("tag=a_b")};
        QTest::newRow("underscore alone") << QStringList{QStringLiteral("tag=___")};
        QTest::newRow("emoji") << QStringList{QStringLiteral("tag=🚀 launch")};
        QTest::newRow("quote") << QStringList{QStringLiteral("source=O'Brien")};
        QTest::newRow("sql") << QStringList{QStringLiteral("source=' OR 1=1 --")};
        for (const test::HostileString &h : test::hostileStrings()) {
            QTest::addRow("hostile tag %s", h.label) << QStringList{QStringLiteral("tag=") + h.text};
            QTest::addRow("hostile agent %s", h.label) << QStringList{QStringLiteral("assigned_agent=") + h.text};
        }
    }

    void matchesTheContractsSemantics()
    {
        QFETCH(QStringList, filters);
        LeadFilter f;
        for (const QString &a : filters)
            QVERIFY(f.set(a).ok());
        QList<qint64> expected;
        for (const Lead &l : std::as_const(m_leads)) {
            if (matches(l, f))
                expected << l.id;
        }
        auto audience = AudienceQuery(*m_store).preview(f, 10);
        QVERIFY2(audience.ok(), qPrintable(audience.ok() ? QString() : audience.error().message));
        QCOMPARE(audience->count, qint64(expected.size()));
        QVERIFY(audience->exact);
        QList<qint64> sample;
        for (const Lead &l : audience->sample)
            sample << l.id;
        QCOMPARE(sample, expected.mid(0, 10));
    }

    void hostileValuesMatchTheirOwnLeadOnly()
    {
        const QList<test::HostileString> hostile = test::hostileStrings();
        for (int i = 0; i < hostile.size(); ++i) {
            if (hostile.at(i).text.isEmpty())
                continue; // an empty value is no filter at all
            LeadFilter f;
            f.tag = hostile.at(i).text;
            auto audience = AudienceQuery(*m_store).preview(f, 5);
            QVERIFY(audience.ok());
            QVERIFY2(audience->count >= 1, hostile.at(i).label);
            for (const Lead &l : audience->sample)
                QVERIFY2(l.tags.contains(hostile.at(i).text), hostile.at(i).label);
        }
    }

    void countStopsAtTheCapAskedFor()
    {
        LeadFilter everyone;
        auto capped = AudienceQuery(*m_store).preview(everyone, 50, 100);
        QVERIFY(capped.ok());
        QCOMPARE(capped->count, qint64(100));
        QVERIFY(!capped->exact);
        QCOMPARE(capped->sample.size(), 50);

        LeadFilter few;
        few.status = QStringLiteral("qualified");
        few.channel = QStringLiteral("whatsapp");
        auto exact = AudienceQuery(*m_store).preview(few, 50, 100);
        QVERIFY(exact.ok());
        QVERIFY(exact->exact);
        QVERIFY(exact->count < 100);
    }

    // Over 5,000 leads with a tag, the tag is checked per lead instead of
    // driving the scan: the same answers either way, with and without other
    // filters, at both sides of the cap.
    void aCommonTagGivesTheSameAnswerAsARareOne()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("common-tag.sqlite")));
        QVERIFY(db.ok());
        LeadStore store(*db);
        QList<Lead> leads = test::makeLeads(1, 10400); // "vip" on 5,200 of them
        for (int i = 0; i < leads.size(); i += 97)
            leads[i].tags << QStringLiteral("gala");
        QVERIFY(store.upsert(leads).ok());
        const QString at2000 =
            QDateTime(QDate(2026, 5, 1), QTime(10, 0), Qt::UTC).addSecs(2000 * 60).toString(Qt::ISODate);
        const QList<QStringList> table = {
            {QStringLiteral("tag=vip")},
            {QStringLiteral("tag=vip"), QStringLiteral("status=qualified")},
            {QStringLiteral("tag=vip"), QStringLiteral("channel=sms"), QStringLiteral("assigned_agent=Maria")},
            {QStringLiteral("tag=vip"), QStringLiteral("created_before=") + at2000},
            {QStringLiteral("tag=vip"), QStringLiteral("status=new"), QStringLiteral("last_message_before=") + at2000},
            {QStringLiteral("tag=gala")},
            {QStringLiteral("tag=gala"), QStringLiteral("channel=email")},
            {QStringLiteral("tag=gala"), QStringLiteral("created_after=") + at2000},
        };
        for (const QStringList &filters : table) {
            LeadFilter f;
            for (const QString &a : filters)
                QVERIFY(f.set(a).ok());
            QList<qint64> expected;
            for (const Lead &l : std::as_const(leads)) {
                if (matches(l, f))
                    expected << l.id;
            }
            const QByteArray what = filters.join(QStringLiteral(" & ")).toUtf8();
            auto exact = AudienceQuery(store).preview(f, 20);
            QVERIFY2(exact.ok(), what.constData());
            QVERIFY2(exact->count == expected.size(), what.constData());
            QList<qint64> sample;
            for (const Lead &l : exact->sample)
                sample << l.id;
            QVERIFY2(sample == expected.mid(0, 20), what.constData());
            auto capped = AudienceQuery(store).preview(f, 20, 500);
            QVERIFY2(capped.ok(), what.constData());
            QVERIFY2(capped->exact == (expected.size() <= 500), what.constData());
            QVERIFY2(capped->count == std::min<qint64>(expected.size(), 500), what.constData());
        }
    }

    // The statements it reports are the ones it runs: the same count through them.
    void statementsCountWhatPreviewCounts()
    {
        LeadFilter f;
        QVERIFY(f.set(QStringLiteral("tag=vip")).ok());
        QVERIFY(f.set(QStringLiteral("status=qualified")).ok());
        auto statements = AudienceQuery(*m_store).statements(f, 10, 500);
        QVERIFY(statements.ok());
        QCOMPARE(statements->size(), 3); // the tag's probe, the sample's ids, the count
        QSqlQuery q(m_db->connection());
        QVERIFY(q.prepare(statements->last().sql));
        for (int i = 0; i < statements->last().values.size(); ++i)
            q.bindValue(i, statements->last().values.at(i));
        QVERIFY(q.exec() && q.next());
        auto audience = AudienceQuery(*m_store).preview(f, 0, 500);
        QVERIFY(audience.ok());
        QCOMPARE(q.value(0).toLongLong(), audience->count);
    }

    void searchAndEscalatedAreNotCampaignFilters()
    {
        LeadFilter f;
        f.search = QStringLiteral("no such lead anywhere");
        f.escalated = true;
        auto audience = AudienceQuery(*m_store).preview(f, 1);
        QVERIFY(audience.ok());
        QCOMPARE(audience->count, qint64(m_leads.size()));
    }
};

QTEST_GUILESS_MAIN(TestAudienceQuery)
#include "tst_audiencequery.moc"
