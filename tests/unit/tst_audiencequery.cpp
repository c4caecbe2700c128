#include "HostileStrings.h"
#include "TestLeads.h"
#include "campaigns/AudienceQuery.h"
#include "storage/Database.h"
#include "storage/LeadStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <random>

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
    std::optional<Database> m_skewed;
    QList<Lead> m_skewedLeads;

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

    // The statements it reports are the ones it runs: the same audience through them.
    void statementsCountWhatPreviewCounts()
    {
        LeadFilter f;
        QVERIFY(f.set(QStringLiteral("tag=vip")).ok());
        QVERIFY(f.set(QStringLiteral("status=qualified")).ok());
        const auto runLast = [this](const QList<AudienceQuery::Statement> &statements) {
            QSqlQuery q(m_db->connection());
            q.prepare(statements.last().sql);
            for (int i = 0; i < statements.last().values.size(); ++i)
                q.bindValue(i, statements.last().values.at(i));
            QList<qint64> values;
            if (q.exec()) {
                while (q.next())
                    values << q.value(0).toLongLong();
            }
            return values;
        };
        auto audience = AudienceQuery(*m_store).preview(f, 10, 500);
        QVERIFY(audience.ok());
        QVERIFY(audience->exact);

        // With a cap, one walk: the first cap + 1 ids after the two probes.
        auto walk = AudienceQuery(*m_store).statements(f, 10, 500);
        QVERIFY(walk.ok());
        QCOMPARE(walk->size(), 3);
        const QList<qint64> ids = runLast(*walk);
        QCOMPARE(ids.size(), audience->count);
        QList<qint64> sample;
        for (const Lead &l : audience->sample)
            sample << l.id;
        QCOMPARE(ids.mid(0, 10), sample);

        // Without a sample, the count alone.
        auto count = AudienceQuery(*m_store).statements(f, 0, 500);
        QVERIFY(count.ok());
        QCOMPARE(count->size(), 3);
        QCOMPARE(runLast(*count), QList<qint64>{audience->count});
    }

    // A cache whose values are skewed (a common and a rare value in every
    // column, hostile values among them) and whose creation times are not in
    // id order, so that every driver is picked by some filter set below and a
    // creation range's matches really need sorting.
    static QList<Lead> skewedLeads(int count)
    {
        std::mt19937 random(9);
        const auto pick = [&random](const QStringList &values, const QList<int> &weights) {
            std::discrete_distribution<int> d(weights.begin(), weights.end());
            return values.at(d(random));
        };
        const QString hostile = QStringLiteral("x' OR 1=1 --%_\"; DROP TABLE leads; 🚀");
        const QDateTime base(QDate(2026, 5, 1), QTime(10, 0), Qt::UTC);
        QList<Lead> leads = test::makeLeads(1, count);
        for (Lead &l : leads) {
            l.status = LeadStatus::fromString(
                pick({QStringLiteral("new"), QStringLiteral("contacted"), QStringLiteral("qualified"),
                      QStringLiteral("booked"), QStringLiteral("closed"), QStringLiteral("lost")},
                     {50, 20, 15, 10, 4, 1}));
            l.channel = pick({QStringLiteral("whatsapp"), QStringLiteral("sms"), QStringLiteral("%")}, {80, 19, 1});
            l.source =
                pick({QStringLiteral("web_form"), QStringLiteral("referral"), QString(), hostile}, {70, 20, 9, 1});
            l.assignedAgent =
                pick({QStringLiteral("Maria"), QStringLiteral("Jonas"), QString(), QStringLiteral("O'Brien")},
                     {60, 25, 14, 1});
            l.tags.clear();
            if (random() % 10 < 6)
                l.tags << QStringLiteral("common");
            if (random() % 200 == 0)
                l.tags << QStringLiteral("rare");
            if (random() % 100 == 0)
                l.tags << hostile;
            if (random() % 150 == 0)
                l.tags << QStringLiteral("_");
            l.createdAt = base.addSecs(qint64(random() % (90 * 24 * 60)) * 60);
            l.lastMessageAt = random() % 4 ? l.createdAt.addSecs(qint64(random() % (10 * 24 * 60)) * 60) : QDateTime();
        }
        return leads;
    }

    void everyDriverGivesTheSameAnswer_data()
    {
        QTest::addColumn<QStringList>("filters");
        const QDateTime base(QDate(2026, 5, 1), QTime(10, 0), Qt::UTC);
        const auto day = [&base](int d) {
            return base.addDays(d).toString(Qt::ISODate);
        };
        const QString hostile = QStringLiteral("x' OR 1=1 --%_\"; DROP TABLE leads; 🚀");
        QTest::newRow("common status") << QStringList{QStringLiteral("status=new")};
        QTest::newRow("rare status + common channel")
            << QStringList{QStringLiteral("status=lost"), QStringLiteral("channel=whatsapp")};
        QTest::newRow("rare agent + common tag")
            << QStringList{QStringLiteral("assigned_agent=O'Brien"), QStringLiteral("tag=common")};
        QTest::newRow("rare tag + common status")
            << QStringList{QStringLiteral("tag=rare"), QStringLiteral("status=new")};
        QTest::newRow("narrow range + common tag")
            << QStringList{QStringLiteral("tag=common"), QStringLiteral("created_after=") + day(88)};
        QTest::newRow("narrow range + two equalities")
            << QStringList{QStringLiteral("status=new"), QStringLiteral("source=web_form"),
                           QStringLiteral("created_after=") + day(40), QStringLiteral("created_before=") + day(41)};
        QTest::newRow("wide range + common tag")
            << QStringList{QStringLiteral("tag=common"), QStringLiteral("created_before=") + day(80)};
        QTest::newRow("everything") << QStringList{QStringLiteral("status=new"),
                                                   QStringLiteral("channel=whatsapp"),
                                                   QStringLiteral("source=web_form"),
                                                   QStringLiteral("tag=common"),
                                                   QStringLiteral("assigned_agent=Maria"),
                                                   QStringLiteral("created_after=") + day(10),
                                                   QStringLiteral("created_before=") + day(70),
                                                   QStringLiteral("last_message_before=") + day(60)};
        QTest::newRow("last message only") << QStringList{QStringLiteral("last_message_before=") + day(5)};
        QTest::newRow("hostile source") << QStringList{QStringLiteral("source=") + hostile};
        QTest::newRow("hostile tag + status")
            << QStringList{QStringLiteral("tag=") + hostile, QStringLiteral("status=new")};
        QTest::newRow("hostile source + common tag")
            << QStringList{QStringLiteral("source=") + hostile, QStringLiteral("tag=common")};
        QTest::newRow("percent channel + underscore tag")
            << QStringList{QStringLiteral("channel=%"), QStringLiteral("tag=_")};
        QTest::newRow("a pattern matches nothing")
            << QStringList{QStringLiteral("channel=wh%"), QStringLiteral("status=new")};
        QTest::newRow("quote agent + range")
            << QStringList{QStringLiteral("assigned_agent=O'Brien"), QStringLiteral("created_after=") + day(45)};
        QTest::newRow("nobody") << QStringList{QStringLiteral("assigned_agent=Nobody"), QStringLiteral("tag=common")};
    }

    // Whatever the driver, the capped and exact counts and the first ids are
    // those of the contract's semantics applied in C++ to the same leads.
    void everyDriverGivesTheSameAnswer()
    {
        QFETCH(QStringList, filters);
        if (!m_skewed) {
            auto db = Database::open(m_dir.filePath(QStringLiteral("skewed.sqlite")));
            QVERIFY(db.ok());
            m_skewed.emplace(std::move(*db));
            m_skewedLeads = skewedLeads(6000);
            QVERIFY(LeadStore(*m_skewed).upsert(m_skewedLeads).ok());
        }
        LeadStore store(*m_skewed);
        LeadFilter f;
        for (const QString &a : filters)
            QVERIFY(f.set(a).ok());
        QList<qint64> expected;
        for (const Lead &l : std::as_const(m_skewedLeads)) {
            if (matches(l, f))
                expected << l.id;
        }
        AudienceQuery query(store);
        QList<AudienceQuery::Plan> plans = {{AudienceQuery::Driver::Scan, {}}};
        for (const auto &[column, value] :
             {std::pair{"status", f.status}, std::pair{"channel", f.channel}, std::pair{"source", f.source},
              std::pair{"assigned_agent", f.assignedAgent}}) {
            if (!value.isEmpty())
                plans << AudienceQuery::Plan{AudienceQuery::Driver::Equality, QString::fromLatin1(column)};
        }
        if (!f.tag.isEmpty())
            plans << AudienceQuery::Plan{AudienceQuery::Driver::Tag, {}};
        if (f.createdAfter.isValid() || f.createdBefore.isValid())
            plans << AudienceQuery::Plan{AudienceQuery::Driver::Created, {}};
        auto chosen = query.plan(f);
        QVERIFY(chosen.ok());
        if (expected.isEmpty())
            plans << AudienceQuery::Plan{AudienceQuery::Driver::Nothing, {}};
        else
            QVERIFY(chosen->driver != AudienceQuery::Driver::Nothing);

        for (const AudienceQuery::Plan &plan : std::as_const(plans)) {
            const QByteArray what = QStringLiteral("driver %1 %2").arg(int(plan.driver)).arg(plan.column).toUtf8();
            for (const int cap : {-1, 0, 20, 100}) {
                for (const int sampleSize : {0, 1, 30}) {
                    auto audience = query.previewWith(plan, f, sampleSize, cap);
                    QVERIFY2(audience.ok(), what.constData());
                    const qint64 n = expected.size();
                    QVERIFY2(audience->exact == (cap < 0 || n <= cap), what.constData());
                    QVERIFY2(audience->count == (cap < 0 ? n : std::min<qint64>(n, cap)), what.constData());
                    QList<qint64> sample;
                    for (const Lead &l : audience->sample)
                        sample << l.id;
                    QVERIFY2(sample == expected.mid(0, sampleSize), what.constData());
                }
            }
        }
        auto previewed = query.preview(f, 30, 100);
        QVERIFY(previewed.ok());
        QCOMPARE(previewed->count, std::min<qint64>(expected.size(), 100));
    }

    // On the skewed cache, the filter that walks the fewest leads drives.
    void theFewestLeadsDrive_data()
    {
        QTest::addColumn<QStringList>("filters");
        QTest::addColumn<int>("driver");
        QTest::addColumn<QString>("column");
        const QDateTime base(QDate(2026, 5, 1), QTime(10, 0), Qt::UTC);
        const auto day = [&base](int d) {
            return base.addDays(d).toString(Qt::ISODate);
        };
        using D = AudienceQuery::Driver;
        QTest::newRow("nothing to walk") << QStringList{QStringLiteral("last_message_before=") + day(5)} << int(D::Scan)
                                         << QString();
        QTest::newRow("one equality") << QStringList{QStringLiteral("channel=sms")} << int(D::Equality)
                                      << QStringLiteral("channel");
        QTest::newRow("rare agent") << QStringList{QStringLiteral("status=new"),
                                                   QStringLiteral("assigned_agent=O'Brien")}
                                    << int(D::Equality) << QStringLiteral("assigned_agent");
        QTest::newRow("rare status") << QStringList{QStringLiteral("status=lost"), QStringLiteral("source=web_form")}
                                     << int(D::Equality) << QStringLiteral("status");
        QTest::newRow("rare tag") << QStringList{QStringLiteral("tag=rare"), QStringLiteral("status=new")}
                                  << int(D::Tag) << QString();
        QTest::newRow("narrow range") << QStringList{QStringLiteral("tag=common"), QStringLiteral("status=new"),
                                                     QStringLiteral("created_after=") + day(89)}
                                      << int(D::Created) << QString();
        QTest::newRow("a value nobody has")
            << QStringList{QStringLiteral("status=new"), QStringLiteral("source=nowhere")} << int(D::Nothing)
            << QString();
    }

    void theFewestLeadsDrive()
    {
        QFETCH(QStringList, filters);
        QFETCH(int, driver);
        QFETCH(QString, column);
        QVERIFY(m_skewed); // filled by everyDriverGivesTheSameAnswer
        LeadStore store(*m_skewed);
        LeadFilter f;
        for (const QString &a : filters)
            QVERIFY(f.set(a).ok());
        auto plan = AudienceQuery(store).plan(f);
        QVERIFY(plan.ok());
        QCOMPARE(int(plan->driver), driver);
        QCOMPARE(plan->column, column);
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
