#include "storage/Database.h"
#include "storage/LeadIndexWriter.h"
#include "storage/LeadStore.h"
#include "storage/Migrations.h"
#include "sync/SyncStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost;

namespace {

int userVersion(Database &db)
{
    return Migrations::currentVersion(db).value();
}

// Rows written the way an Outpost of that schema version wrote them.
void seedAtVersion(Database &db, int version)
{
    if (version < 1)
        return;
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral(
        "INSERT INTO leads (id, name, phone, email, status, channel, tags, created_at, updated_at) VALUES "
        "(1, 'Zoë Ångström', '+15550000001', 'zoe@example.com', 'qualified', 'sms', '[\"vip\",\"spring\"]', "
        "1746093600000, 1746093600000), "
        "(2, 'Robert''); DROP TABLE leads;--', '+15550000002', NULL, 'new', 'email', '[]', "
        "1746093700000, 1746093700000)")));
    // From version 2 on, Outpost kept the derived tables along with every write
    // (the search index of those versions is replaced by a later migration).
    if (version >= 2)
        QVERIFY(LeadIndexWriter::rebuildTagsAndCounts(db).ok());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'leads_search'")) && q.next());
    if (q.value(0).toInt() > 0)
        QVERIFY(LeadIndexWriter::rebuildSearch(db).ok());
    q.finish();
    if (version >= 3)
        QVERIFY(q.exec(QStringLiteral("INSERT INTO messages (lead_id, id, direction, text, sent_at) "
                                      "VALUES (1, 'm1', 'in', 'hello', 1746093600000)")));
}

QString audienceIndexDefinition(Database &db)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'leads_audience_by_status'")) || !q.next())
        return QString();
    return q.value(0).toString();
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("m-%1.sqlite").arg(++m_counter)); }

private slots:
    void migratesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 0; v < Migrations::latestVersion(); ++v)
            QTest::addRow("from version %d", v) << v;
    }

    void migratesFromEveryEarlierVersion()
    {
        QFETCH(int, from);
        const QString path = freshPath();
        {
            auto raw = Database::openRaw(path);
            QVERIFY(raw.ok());
            QVERIFY(Migrations::migrate(raw.value(), from).ok());
            QCOMPARE(userVersion(raw.value()), from);
            seedAtVersion(raw.value(), from);
        }

        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        QCOMPARE(userVersion(db.value()), Migrations::latestVersion());

        LeadStore store(db.value());
        const qint64 expected = from >= 1 ? 2 : 0;
        QCOMPARE(store.totalCount().value(), expected);
        if (from < 1)
            return;
        // What the old file held is found through the structures added later.
        LeadFilter byTag;
        byTag.tag = QStringLiteral("vip");
        QCOMPARE(store.count(byTag).value(), 1);
        LeadFilter bySearch;
        bySearch.search = QStringLiteral("ångs");
        QCOMPARE(store.count(bySearch).value(), 1);
        bySearch.search = QStringLiteral("DROP TABLE");
        QCOMPARE(store.count(bySearch).value(), 1);
        bySearch.search = QStringLiteral("zo");
        QCOMPARE(store.count(bySearch).value(), 1);
        bySearch.search = QStringLiteral("a"); // a word start, diacritics ignored
        QCOMPARE(store.count(bySearch).value(), 1);
        QCOMPARE(store.countsByStatus().value().value(QStringLiteral("qualified")), 1);
        auto detail = store.detail(1);
        QVERIFY(detail.ok() && detail->has_value());
        QCOMPARE((*detail)->messages.size(), from >= 3 ? 1 : 0);
    }

    void aFailedMigrationLeavesTheFileAtAWholeVersion()
    {
#ifdef OUTPOST_TEST_HOOKS
        const QString path = freshPath();
        {
            auto raw = Database::openRaw(path);
            QVERIFY(Migrations::migrate(raw.value(), 1).ok());
            seedAtVersion(raw.value(), 1);
            // The backfill of migration 2 writes rows: fail its first one.
            Database::failNthWrite(1);
            auto r = Migrations::migrate(raw.value());
            Database::failNthWrite(0);
            QVERIFY(!r.ok());
            QVERIFY2(r.error().message.contains(QStringLiteral("migration 2")), qPrintable(r.error().message));
            QCOMPARE(userVersion(raw.value()), 1);
            QSqlQuery q(raw->connection());
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'lead_tags'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QCOMPARE(LeadStore(db.value()).totalCount().value(), 2);
#else
        QSKIP("built without OUTPOST_TEST_HOOKS");
#endif
    }

    void aBigCacheBuildsItsNewSearchIndexInChunks()
    {
        // The schema version that brought leads_search, found rather than assumed.
        int searchVersion = 0;
        {
            auto raw = Database::openRaw(freshPath());
            QVERIFY(raw.ok());
            for (int v = 1; v <= Migrations::latestVersion() && !searchVersion; ++v) {
                QVERIFY(Migrations::migrate(raw.value(), v).ok());
                QSqlQuery q(raw->connection());
                QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'leads_search'")));
                QVERIFY(q.next());
                if (q.value(0).toInt() > 0)
                    searchVersion = v;
            }
        }
        QVERIFY(searchVersion > 0);

        const QString path = freshPath();
        constexpr int kLeads = 50001; // above what the migration indexes at once
        {
            auto raw = Database::openRaw(path);
            QVERIFY(raw.ok());
            QVERIFY(Migrations::migrate(raw.value(), searchVersion - 1).ok());
            QSqlQuery q(raw->connection());
            QVERIFY(
                q.prepare(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                                         "INSERT INTO leads (id, name, phone, status, tags, created_at, updated_at) "
                                         "SELECT i, 'Lead ' || i, '+1555' || i, 'new', '[]', i, i FROM n")));
            q.bindValue(0, kLeads);
            QVERIFY(q.exec());
            QVERIFY(LeadIndexWriter::rebuildTagsAndCounts(raw.value()).ok());
        }

        auto db = Database::open(path);
        QVERIFY(db.ok());
        SyncStore sync(db.value());
        auto build = sync.searchBuild();
        QVERIFY(build.ok());
        QVERIFY(build->building);
        QCOMPARE(build->total, qint64(kLeads));
        // Indexes a migration redefines are left to the same build, not the opening.
        QCOMPARE(audienceIndexDefinition(db.value()), QString());
        LeadStore store(db.value());
        LeadFilter f;
        f.search = QStringLiteral("Lead 4999");
        QCOMPARE(store.count(f).value(), 0);
        QVERIFY(sync.buildDeferredSearch().ok());
        QVERIFY(!sync.searchBuild()->building);
        QVERIFY(audienceIndexDefinition(db.value()).contains(QStringLiteral("assigned_agent, created_at")));
        qint64 expected = 0;
        for (int i = 1; i <= kLeads; ++i)
            expected += QString::number(i).contains(QStringLiteral("4999")) ? 1 : 0;
        QCOMPARE(store.count(f).value(), expected);
        f.search = QStringLiteral("l 50001");
        QCOMPARE(store.count(f).value(), 1);
    }

    void aSmallCacheGetsRedefinedIndexesAtOnce()
    {
        auto db = Database::open(freshPath());
        QVERIFY(db.ok());
        // The covering definition: every other filter column after the id.
        QCOMPARE(audienceIndexDefinition(db.value()),
                 QStringLiteral("CREATE INDEX leads_audience_by_status ON leads(status, id, channel, source, "
                                "assigned_agent, created_at, last_message_at)"));
        QVERIFY(!SyncStore(db.value()).searchBuild()->building);
    }

    void migratingTwiceChangesNothing()
    {
        const QString path = freshPath();
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QVERIFY(Migrations::migrate(db.value()).ok());
        QCOMPARE(userVersion(db.value()), Migrations::latestVersion());
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
