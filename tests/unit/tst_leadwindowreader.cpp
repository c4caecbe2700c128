#include "HostileStrings.h"
#include "TestLeads.h"
#include "storage/Database.h"
#include "storage/LeadSql.h"
#include "storage/LeadStore.h"
#include "storage/LeadWindowReader.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace outpost;

// The lead list reads its windows through LeadWindowReader (raw sqlite3):
// every row must come back exactly as LeadStore::window reads it.
class TestLeadWindowReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Database> m_db;
    std::unique_ptr<LeadStore> m_store;

    static void compareLeads(const QList<Lead> &ours, const QList<Lead> &store)
    {
        QCOMPARE(ours.size(), store.size());
        for (qsizetype i = 0; i < ours.size(); ++i) {
            const Lead &a = ours.at(i);
            const Lead &b = store.at(i);
            QVERIFY2(a == b, qPrintable(QStringLiteral("lead %1 differs").arg(b.id)));
            // Absent and empty text are different things to the rest of the app.
            QCOMPARE(a.name.isNull(), b.name.isNull());
            QCOMPARE(a.email.isNull(), b.email.isNull());
            QCOMPARE(a.phone.isNull(), b.phone.isNull());
            QCOMPARE(a.assignedAgent.isNull(), b.assignedAgent.isNull());
            QCOMPARE(a.source.isNull(), b.source.isNull());
            QCOMPARE(a.lastMessageAt.isValid(), b.lastMessageAt.isValid());
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto db = Database::open(m_dir.filePath(QStringLiteral("cache.db")));
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        m_db.emplace(std::move(db).value());
        m_store = std::make_unique<LeadStore>(*m_db);
        QList<Lead> leads = test::makeLeads(1, 300);
        qint64 id = 1000;
        for (const test::HostileString &hostile : test::hostileStrings()) {
            Lead l = test::makeLead(++id, hostile.text);
            l.tags = {hostile.text, QStringLiteral("vip")};
            l.assignedAgent = hostile.text;
            leads << l;
        }
        // Absent fields: no email, score, rating, agent or message yet; and an empty phone.
        Lead sparse = test::makeLead(++id, QStringLiteral("Sparse"));
        sparse.email = QString();
        sparse.phone = QStringLiteral("");
        sparse.score.reset();
        sparse.rating.reset();
        sparse.assignedAgent = QString();
        sparse.lastMessageAt = QDateTime();
        sparse.tags.clear();
        leads << sparse;
        // Long runs of one sort key: a name in two cases (collated as one), no message yet.
        for (int i = 0; i < 60; ++i) {
            Lead tied = test::makeLead(++id, i % 2 ? QStringLiteral("Tied Name") : QStringLiteral("tied name"));
            tied.lastMessageAt = QDateTime();
            leads << tied;
        }
        QVERIFY(m_store->upsert(leads).ok());
    }

    void cleanupTestCase()
    {
        m_store.reset();
        m_db.reset();
    }

    void readsTheRowsLeadStoreReads_data()
    {
        QTest::addColumn<LeadQuery>("query");
        const LeadSort::Key keys[] = {LeadSort::Key::Newest, LeadSort::Key::UpdatedAt,     LeadSort::Key::CreatedAt,
                                      LeadSort::Key::Name,   LeadSort::Key::LastMessageAt, LeadSort::Key::Status};
        for (LeadSort::Key key : keys) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                const LeadSort sort{key, order};
                const QByteArray name = QByteArray::number(int(key)) + (order == Qt::AscendingOrder ? " asc" : " desc");
                QTest::newRow(QByteArray(name + " first").constData()) << LeadQuery{{}, sort, 100, 0, std::nullopt};
                QTest::newRow(QByteArray(name + " offset").constData()) << LeadQuery{{}, sort, 100, 250, std::nullopt};
                LeadFilter vip;
                vip.tag = QStringLiteral("vip");
                QTest::newRow(QByteArray(name + " tag").constData()) << LeadQuery{vip, sort, 50, 0, std::nullopt};
            }
        }
        LeadFilter search;
        search.search = QStringLiteral("Spa");
        QTest::newRow("search") << LeadQuery{search, {}, 100, 0, std::nullopt};
        for (const test::HostileString &hostile : test::hostileStrings()) {
            LeadFilter f;
            f.search = hostile.text;
            QTest::newRow(hostile.label) << LeadQuery{f, {}, 100, 0, std::nullopt};
        }
    }

    void readsTheRowsLeadStoreReads()
    {
        QFETCH(LeadQuery, query);
        LeadWindowReader reader(*m_db);
        auto expected = m_store->window(query);
        QVERIFY(expected.ok());
        auto ours = reader.window(query);
        QVERIFY2(ours.ok(), qPrintable(ours.ok() ? QString() : ours.error().message));
        compareLeads(*ours, *expected);
        // Prepared once, read again: the same rows, not a statement left mid-way.
        auto again = reader.window(query);
        QVERIFY(again.ok());
        compareLeads(*again, *expected);
    }

    void continuesFromACursorAsTheStoreDoes()
    {
        LeadWindowReader reader(*m_db);
        for (LeadSort::Key key : {LeadSort::Key::Name, LeadSort::Key::LastMessageAt, LeadSort::Key::UpdatedAt}) {
            const LeadSort sort{key, Qt::DescendingOrder};
            auto first = reader.window(LeadQuery{{}, sort, 60, 0, std::nullopt});
            QVERIFY(first.ok());
            QCOMPARE(first->size(), 60);
            const Lead &last = first->last();
            const LeadQuery next{{}, sort, 60, 0, LeadCursor{LeadSql::sortValue(last, key), last.id}};
            auto ours = reader.window(next);
            auto expected = m_store->window(next);
            QVERIFY(ours.ok() && expected.ok());
            QVERIFY(!ours->isEmpty());
            compareLeads(*ours, *expected);
            QVERIFY(!ours->contains(last));
        }
    }

    // After a cursor anywhere, inside long runs of one key too, and with rows
    // skipped after it: the rows that follow it in the whole list read at once.
    void continuesFromACursorAsTheWholeListDoes()
    {
        LeadWindowReader reader(*m_db);
        for (LeadSort::Key key :
             {LeadSort::Key::Name, LeadSort::Key::LastMessageAt, LeadSort::Key::Status, LeadSort::Key::Newest}) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                const LeadSort sort{key, order};
                auto all = reader.window(LeadQuery{{}, sort, -1, 0, std::nullopt});
                QVERIFY(all.ok());
                QVERIFY(all->size() > 360);
                for (qsizetype at : {qsizetype(0), qsizetype(9), all->size() / 2, all->size() - 40}) {
                    for (qint64 skip : {0, 7, 45}) {
                        const Lead &before = all->at(at);
                        const LeadQuery next{
                            {}, sort, 20, skip, LeadCursor{LeadSql::sortValue(before, key), before.id}};
                        const QList<Lead> expected = all->mid(at + 1 + skip, 20);
                        auto ours = reader.window(next);
                        QVERIFY(ours.ok());
                        compareLeads(*ours, expected);
                        auto store = m_store->window(next);
                        QVERIFY(store.ok());
                        compareLeads(*store, expected);
                    }
                }
            }
        }
    }

    // The two parts of a window after a tied key read one state of the file,
    // in a read transaction of their own that ends with them; inside the
    // caller's transaction they neither open another nor end the caller's.
    void readsBothPartsOfAWindowInOneTransaction()
    {
        const LeadSort sort{LeadSort::Key::Name, Qt::AscendingOrder};
        auto all = m_store->window(LeadQuery{{}, sort, -1, 0, std::nullopt});
        QVERIFY(all.ok());
        const Lead &tied = *std::find_if(all->cbegin(), all->cend(), [](const Lead &l) {
            return l.name.compare(QStringLiteral("tied name"), Qt::CaseInsensitive) == 0;
        });
        const LeadQuery next{{}, sort, 100, 0, LeadCursor{LeadSql::sortValue(tied, sort.key), tied.id}};
        QVERIFY(LeadSql::window(next).parts.size() > 1);
        sqlite3 *handle = m_db->handle();
        QVERIFY(handle);
        LeadWindowReader reader(*m_db);
        auto outside = reader.window(next);
        QVERIFY(outside.ok());
        QVERIFY(outside->size() > 20);
        QVERIFY(m_store->window(next).ok());
        QVERIFY(sqlite3_get_autocommit(handle));

        QVERIFY(m_db->begin().ok());
        auto ours = reader.window(next);
        auto store = m_store->window(next);
        QVERIFY(ours.ok() && store.ok());
        compareLeads(*ours, *outside);
        compareLeads(*store, *outside);
        QVERIFY2(!sqlite3_get_autocommit(handle), "the caller's transaction was ended");
        QVERIFY(m_db->commit().ok());
        QVERIFY(sqlite3_get_autocommit(handle));
    }

    // A search's first page: the first window and the count capped as the
    // store counts it, whether the window holds every match or not.
    void firstPageIsTheWindowAndTheCappedCount_data()
    {
        QTest::addColumn<LeadFilter>("filter");
        QTest::addColumn<qint64>("cap");
        auto add = [](const char *name, const QString &search, qint64 cap, const QString &tag = QString()) {
            LeadFilter f;
            f.search = search;
            f.tag = tag;
            QTest::newRow(name) << f << cap;
        };
        add("everyone, capped", QString(), 120);
        add("everyone, under the cap", QString(), 5000);
        add("a common term, capped", QStringLiteral("Lead"), 150);
        add("a common term, uncapped", QStringLiteral("Lead"), 5000);
        add("fewer matches than a window", QStringLiteral("Spa"), 1000);
        add("no match", QStringLiteral("zqxjkvw"), 1000);
        add("a tag", QString(), 1000, QStringLiteral("vip"));
        add("exactly the cap", QString(), 299);
        for (const test::HostileString &hostile : test::hostileStrings()) {
            LeadFilter f;
            f.search = hostile.text;
            QTest::newRow(hostile.label) << f << qint64(1000);
        }
    }

    void firstPageIsTheWindowAndTheCappedCount()
    {
        QFETCH(LeadFilter, filter);
        QFETCH(qint64, cap);
        LeadWindowReader reader(*m_db);
        for (const LeadSort sort : {LeadSort{}, LeadSort{LeadSort::Key::Name, Qt::AscendingOrder}}) {
            const LeadQuery query{filter, sort, 100, 0, std::nullopt};
            auto expectedRows = m_store->window(query);
            auto expectedCount = m_store->count(filter, cap + 1);
            QVERIFY(expectedRows.ok() && expectedCount.ok());
            auto page = reader.firstPage(query, cap);
            QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
            QCOMPARE(page->matches, *expectedCount);
            compareLeads(page->rows, *expectedRows);
        }
    }
};

Q_DECLARE_METATYPE(outpost::LeadQuery)
Q_DECLARE_METATYPE(outpost::LeadFilter)

QTEST_GUILESS_MAIN(TestLeadWindowReader)
#include "tst_leadwindowreader.moc"
