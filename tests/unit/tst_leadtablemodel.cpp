#include "CacheTask.h"
#include "HostileStrings.h"
#include "LeadGenerator.h"
#include "LeadTableModel.h"
#include "TestLeads.h"
#include "WorkspaceCache.h"
#include "storage/LeadSql.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <random>

using namespace outpost;

namespace {

// What SQLite's NOCASE does: ASCII letters folded, nothing else.
QString asciiFolded(const QString &s)
{
    QString out = s;
    for (QChar &c : out) {
        if (c.unicode() < 128)
            c = c.toLower();
    }
    return out;
}

int compareKeys(const Lead &a, const Lead &b, LeadSort::Key key)
{
    const QVariant va = LeadSql::sortValue(a, key), vb = LeadSql::sortValue(b, key);
    if (key == LeadSort::Key::Name || key == LeadSort::Key::Status) {
        // SQLite compares UTF-8 bytes, which orders like code points.
        const QByteArray x = asciiFolded(va.toString()).toUtf8(), y = asciiFolded(vb.toString()).toUtf8();
        return x < y ? -1 : (y < x ? 1 : 0);
    }
    return va.toLongLong() < vb.toLongLong() ? -1 : (vb.toLongLong() < va.toLongLong() ? 1 : 0);
}

// The brute-force reference: every lead in memory, filtered and sorted in C++.
QList<qint64> reference(const QList<Lead> &leads, const std::function<bool(const Lead &)> &keep, LeadSort sort)
{
    QList<Lead> kept;
    for (const Lead &l : leads) {
        if (keep(l))
            kept << l;
    }
    std::sort(kept.begin(), kept.end(), [&](const Lead &a, const Lead &b) {
        int c = compareKeys(a, b, sort.key);
        if (c == 0)
            c = a.id < b.id ? -1 : (a.id > b.id ? 1 : 0);
        return sort.order == Qt::AscendingOrder ? c < 0 : c > 0;
    });
    QList<qint64> ids;
    for (const Lead &l : kept)
        ids << l.id;
    return ids;
}

QList<qint64> modelIds(const LeadTableModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(LeadTableModel::LeadIdRole).toLongLong();
    return ids;
}

bool containsText(const Lead &l, const QString &needle)
{
    const QString hay = (l.name + QLatin1Char('\n') + l.phone + QLatin1Char('\n') + l.email + QLatin1Char('\n') +
                         l.tags.join(QLatin1Char('\n')))
                            .toLower();
    return hay.contains(needle.toLower());
}

} // namespace

class TestLeadTableModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    // A fresh cache file per test function: tests never depend on their order.
    void openFresh(WorkspaceCache &cache, const QList<Lead> &leads)
    {
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("model-%1.sqlite").arg(++m_counter))).ok());
        for (qsizetype i = 0; i < leads.size(); i += 1000)
            QVERIFY(cache.store().upsert(leads.mid(i, 1000)).ok());
    }

    static QList<Lead> generated(int n)
    {
        const sim::LeadGenerator gen(11, n, QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC));
        QList<Lead> leads;
        leads.reserve(n);
        for (qint64 id = 1; id <= n; ++id)
            leads << gen.lead(id);
        return leads;
    }

private slots:
    void passesTheModelTester()
    {
        WorkspaceCache cache;
        openFresh(cache, test::makeLeads(1, 450));
        LeadTableModel model(&cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 450);
        LeadFilter f;
        f.search = QStringLiteral("lead");
        model.setFilter(f);
        model.sort(LeadTableModel::NameColumn, Qt::AscendingOrder);
        QVERIFY(cache.store().upsert(test::makeLeads(1000, 3)).ok());
        cache.notifyLeadsChanged({1000, 1001, 1002});
        QCOMPARE(model.rowCount(), 453);
    }

    void showsEveryFieldOfALead()
    {
        WorkspaceCache cache;
        Lead l = test::makeLead(7, QStringLiteral("Ada Lovelace"));
        l.tags = {QStringLiteral("vip"), QStringLiteral("spring")};
        l.escalated = true;
        openFresh(cache, {l});
        LeadTableModel model(&cache);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, LeadTableModel::NameColumn).data().toString(), l.name);
        QCOMPARE(model.index(0, LeadTableModel::PhoneColumn).data().toString(), l.phone);
        QCOMPARE(model.index(0, LeadTableModel::EmailColumn).data().toString(), l.email);
        QCOMPARE(model.index(0, LeadTableModel::TagsColumn).data().toString(), QStringLiteral("vip, spring"));
        QCOMPARE(model.index(0, LeadTableModel::StatusColumn).data(LeadTableModel::StatusRole).toString(),
                 l.status.toString());
        QCOMPARE(model.index(0, 0).data(LeadTableModel::EscalatedRole).toBool(), true);
        QCOMPARE(model.index(0, LeadTableModel::ScoreColumn).data().toInt(), *l.score);
        QCOMPARE(model.leadAt(0).value(), l);
    }

    void windowsStayCorrectWhenScrollingFarAndBack_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("order");
        QTest::newRow("newest") << int(LeadSort::Key::Newest) << int(Qt::DescendingOrder);
        QTest::newRow("name ascending") << int(LeadSort::Key::Name) << int(Qt::AscendingOrder);
        QTest::newRow("last message descending") << int(LeadSort::Key::LastMessageAt) << int(Qt::DescendingOrder);
        QTest::newRow("status ascending") << int(LeadSort::Key::Status) << int(Qt::AscendingOrder);
    }

    void windowsStayCorrectWhenScrollingFarAndBack()
    {
        QFETCH(int, key);
        QFETCH(int, order);
        const QList<Lead> leads = generated(6000);
        WorkspaceCache cache;
        openFresh(cache, leads);
        LeadTableModel model(&cache);
        const LeadSort sort{LeadSort::Key(key), Qt::SortOrder(order)};
        model.setLeadSort(sort);
        const QList<qint64> expected = reference(
            leads, [](const Lead &) { return true; }, sort);
        QCOMPARE(model.rowCount(), expected.size());

        // Jumps a scroll bar makes: the end first, the middle, back and forth,
        // then rows next to blocks already read (keyset from either side).
        std::mt19937 rng(3);
        QList<int> rows = {5999, 0, 3000, 2999, 3100, 5899, 5900, 1234, 4321, 99, 100};
        for (int i = 0; i < 300; ++i)
            rows << static_cast<int>(rng() % 6000);
        for (int row : std::as_const(rows))
            QCOMPARE(model.idAt(row), expected.at(row));
        QVERIFY(model.loadedBlockCount() <= LeadTableModel::kMaxBlocks);

        // Walking the whole list backwards from its end, as a view scrolled to the bottom does.
        for (int row = 5999; row >= 0; row -= 37)
            QCOMPARE(model.idAt(row), expected.at(row));
        QVERIFY(model.loadedBlockCount() <= LeadTableModel::kMaxBlocks);

        // With the background position index, a fresh model jumps straight in.
        LeadTableModel jumper(&cache);
        jumper.setLeadSort(sort);
        QVERIFY(!jumper.hasPositionIndex());
        jumper.buildPositionIndex();
        QTRY_VERIFY(jumper.hasPositionIndex());
        for (int row : std::as_const(rows))
            QCOMPARE(jumper.idAt(row), expected.at(row));
    }

    void filtersAndSortsAgreeWithABruteForceReference_data()
    {
        QTest::addColumn<QString>("assignment");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        for (const char *a : {"status=qualified", "channel=sms", "tag=vip", "assigned_agent=Maria", "escalated=true",
                              "escalated=false", "search=joh", "search=555"}) {
            QTest::addRow("%s by name", a)
                << QString::fromLatin1(a) << int(LeadTableModel::NameColumn) << int(Qt::AscendingOrder);
            QTest::addRow("%s by last message", a)
                << QString::fromLatin1(a) << int(LeadTableModel::LastMessageColumn) << int(Qt::DescendingOrder);
        }
    }

    void filtersAndSortsAgreeWithABruteForceReference()
    {
        QFETCH(QString, assignment);
        QFETCH(int, column);
        QFETCH(int, order);
        QList<Lead> leads = generated(1500);
        for (int i = 0; i < leads.size(); i += 3)
            leads[i].assignedAgent = QStringLiteral("Maria");
        WorkspaceCache cache;
        openFresh(cache, leads);
        LeadFilter f;
        QVERIFY(f.set(assignment).ok());
        LeadTableModel model(&cache);
        model.setFilter(f);
        model.sort(column, Qt::SortOrder(order));

        const auto keep = [&f](const Lead &l) {
            return (f.status.isEmpty() || l.status.toString() == f.status) &&
                   (f.channel.isEmpty() || l.channel == f.channel) && (f.tag.isEmpty() || l.tags.contains(f.tag)) &&
                   (f.assignedAgent.isEmpty() || l.assignedAgent == f.assignedAgent) &&
                   (!f.escalated || l.escalated == *f.escalated) && (f.search.isEmpty() || containsText(l, f.search));
        };
        const QList<qint64> expected =
            reference(leads, keep, LeadSort{*LeadTableModel::sortKeyOf(column), Qt::SortOrder(order)});
        QVERIFY2(expected.size() > 5, "the data set exercises this filter");
        QTRY_VERIFY(model.isCountExact());
        QCOMPARE(model.matchCount(), expected.size());
        QCOMPARE(modelIds(model), expected);
    }

    void hostileSearchesMatchLiterally_data()
    {
        QTest::addColumn<QString>("text");
        for (const auto &h : test::hostileStrings()) {
            if (!h.text.trimmed().isEmpty())
                QTest::newRow(h.label) << h.text;
        }
        QTest::newRow("like wildcards") << QStringLiteral("100%_sure");
        QTest::newRow("fts syntax") << QStringLiteral("NEAR(\"a\" b)*");
    }

    void hostileSearchesMatchLiterally()
    {
        QFETCH(QString, text);
        QList<Lead> leads = test::makeLeads(1, 40);
        leads[17].name = text;
        WorkspaceCache cache;
        openFresh(cache, leads);
        LeadTableModel model(&cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        LeadFilter f;
        f.search = text;
        model.setFilter(f);
        QVERIFY2(model.errorText().isEmpty(), qPrintable(model.errorText()));
        QCOMPARE(modelIds(model), QList<qint64>{18});
        QCOMPARE(model.index(0, 0).data().toString(), text);
        QCOMPARE(cache.store().totalCount().value(), 40); // nothing was dropped
    }

    void aBigMatchCountStartsAsALowerBoundAndBecomesExact()
    {
        const QList<Lead> leads = test::makeLeads(1, 3500);
        WorkspaceCache cache;
        openFresh(cache, leads);
        LeadTableModel model(&cache);
        QSignalSpy counted(&model, &LeadTableModel::countChanged);
        LeadFilter f;
        f.search = QStringLiteral("lead"); // every lead's name and email
        model.setFilter(f);
        QVERIFY(!model.isCountExact());
        QCOMPARE(model.matchCount(), LeadTableModel::kCountCap + 1);
        QCOMPARE(model.countText(), QStringLiteral("%1+").arg(QLocale().toString(LeadTableModel::kCountCap)));
        QTRY_VERIFY(model.isCountExact());
        QCOMPARE(model.matchCount(), 3500);
        QCOMPARE(model.rowCount(), 3500);
        QCOMPARE(model.countText(), QLocale().toString(3500));
        QCOMPARE(model.idAt(3499), 1);
    }

    void fetchMoreGrowsALowerBound()
    {
        WorkspaceCache cache;
        openFresh(cache, test::makeLeads(1, 2500));
        LeadTableModel model(&cache);
        LeadFilter f;
        f.search = QStringLiteral("example");
        model.setFilter(f);
        QVERIFY(model.canFetchMore(QModelIndex()));
        model.fetchMore(QModelIndex()); // before the background count lands
        QCOMPARE(model.rowCount(), 2500);
        QVERIFY(model.isCountExact());
        QVERIFY(!model.canFetchMore(QModelIndex()));
        QCOMPARE(model.idAt(2499), 1);
    }

    void aPageOfChangesUpdatesInPlaceWithoutAReset()
    {
        WorkspaceCache cache;
        openFresh(cache, test::makeLeads(1, 300));
        LeadTableModel model(&cache);
        QCOMPARE(model.idAt(0), 300);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        Lead renamed = test::makeLead(299, QStringLiteral("Renamed by sync"));
        renamed.updatedAt = renamed.updatedAt.addSecs(10);
        QList<Lead> page = test::makeLeads(301, 2);
        page << renamed;
        QVERIFY(cache.store().upsert(page).ok());
        cache.notifyLeadsChanged({301, 302, 299});

        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QVERIFY(changed.size() >= 1);
        QCOMPARE(model.rowCount(), 302);
        QCOMPARE(model.idAt(0), 302);
        QCOMPARE(model.index(3, 0).data().toString(), QStringLiteral("Renamed by sync"));
    }

    void aClosedCacheShowsNothing()
    {
        WorkspaceCache cache;
        openFresh(cache, test::makeLeads(1, 10));
        LeadTableModel model(&cache);
        QCOMPARE(model.rowCount(), 10);
        cache.close();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.index(0, 0).isValid());
    }

    void aCancelledBackgroundReadStopsAndDeliversNothing()
    {
        WorkspaceCache cache;
        openFresh(cache, test::makeLeads(1, 3000));
        LeadFilter f;
        f.search = QStringLiteral("lead 1"); // a literal scan: thousands of SQLite steps per count
        bool cancelledDelivered = false, wantedDelivered = false;

        // Counts forever unless SQLite is interrupted: only the cancel ends it.
        const CacheTask::Cancel cancel = CacheTask::makeCancel();
        std::atomic_bool started = false;
        CacheTask::run<qint64>(
            cache.path(), this, cancel,
            [f, &started](LeadStore &store) -> Result<qint64> {
                started = true;
                for (;;) {
                    auto n = store.count(f);
                    if (!n)
                        return n;
                }
            },
            [&cancelledDelivered](const Result<qint64> &) { cancelledDelivered = true; });
        QTRY_VERIFY(started.load());
        cancel->store(true);
        QVERIFY(CacheTask::pool()->waitForDone(60000));

        // Cancelled before it starts: it never runs.
        const CacheTask::Cancel early = CacheTask::makeCancel();
        early->store(true);
        CacheTask::run<qint64>(
            cache.path(), this, early, [f](LeadStore &store) { return store.count(f); },
            [&cancelledDelivered](const Result<qint64> &) { cancelledDelivered = true; });
        CacheTask::run<qint64>(
            cache.path(), this, CacheTask::makeCancel(), [f](LeadStore &store) { return store.count(f); },
            [&wantedDelivered](const Result<qint64> &n) { wantedDelivered = n && *n > 0; });
        QTRY_VERIFY(wantedDelivered);
        QVERIFY(CacheTask::pool()->waitForDone(60000));
        QCoreApplication::processEvents();
        QVERIFY(!cancelledDelivered);
    }

    void aWindowAnywhereIsRightWithThePositionIndex()
    {
        // Every block's last row is indexed: a window anywhere, the last one
        // included, is a keyset seek from the block before it.
        const QList<Lead> leads = generated(4321);
        WorkspaceCache cache;
        openFresh(cache, leads);
        const LeadSort sort{LeadSort::Key::Name, Qt::AscendingOrder};
        const QList<qint64> expected = reference(
            leads, [](const Lead &) { return true; }, sort);
        LeadTableModel model(&cache);
        model.setLeadSort(sort);
        model.buildPositionIndex();
        QTRY_VERIFY(model.hasPositionIndex());
        for (int row : {4320, 4300, 4299, 2222, 0, 3999, 4000, 100, 99})
            QCOMPARE(model.idAt(row), expected.at(row));
    }

    void aJumpToTheEndOrTheMiddleIsAKeysetRead_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("order");
        QTest::newRow("newest") << int(LeadSort::Key::Newest) << int(Qt::DescendingOrder);
        QTest::newRow("name ascending") << int(LeadSort::Key::Name) << int(Qt::AscendingOrder);
        QTest::newRow("name descending") << int(LeadSort::Key::Name) << int(Qt::DescendingOrder);
        QTest::newRow("updated descending") << int(LeadSort::Key::UpdatedAt) << int(Qt::DescendingOrder);
        QTest::newRow("last message ascending") << int(LeadSort::Key::LastMessageAt) << int(Qt::AscendingOrder);
        QTest::newRow("status descending") << int(LeadSort::Key::Status) << int(Qt::DescendingOrder);
    }

    void aJumpToTheEndOrTheMiddleIsAKeysetRead()
    {
        QFETCH(int, key);
        QFETCH(int, order);
        const QList<Lead> leads = generated(5050);
        WorkspaceCache cache;
        openFresh(cache, leads);
        const LeadSort sort{LeadSort::Key(key), Qt::SortOrder(order)};
        const QList<qint64> expected = reference(
            leads, [](const Lead &) { return true; }, sort);
        LeadTableModel model(&cache);
        model.setLeadSort(sort);
        model.buildPositionIndex();
        QTRY_VERIFY(model.hasPositionIndex());
        // Each row below starts a block nobody read: with the index it is one
        // keyset seek, no OFFSET, the last (short) block included.
        for (int row : {5049, 5000, 2500, 2550, 4999, 0, 1234}) {
            QCOMPARE(model.idAt(row), expected.at(row));
            QCOMPARE(model.lastReadSkip(), 0);
        }
    }

    void aJumpAfterChangesIsRightWithoutANewPass_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("status");
        QTest::newRow("updated, all") << int(LeadSort::Key::UpdatedAt) << int(Qt::DescendingOrder) << QString();
        QTest::newRow("name, all") << int(LeadSort::Key::Name) << int(Qt::AscendingOrder) << QString();
        QTest::newRow("newest, all") << int(LeadSort::Key::Newest) << int(Qt::DescendingOrder) << QString();
        QTest::newRow("updated, one status")
            << int(LeadSort::Key::UpdatedAt) << int(Qt::AscendingOrder) << QStringLiteral("new");
        QTest::newRow("last message, one status")
            << int(LeadSort::Key::LastMessageAt) << int(Qt::DescendingOrder) << QStringLiteral("new");
    }

    void aJumpAfterChangesIsRightWithoutANewPass()
    {
        QFETCH(int, key);
        QFETCH(int, order);
        QFETCH(QString, status);
        QList<Lead> leads = generated(8000);
        // Most leads new, so a list of one status is long enough to be indexed.
        for (qsizetype i = 0; i < leads.size(); ++i) {
            if (i % 3 != 0)
                leads[i].status = LeadStatus(LeadStatus::New);
        }
        WorkspaceCache cache;
        openFresh(cache, leads);
        const LeadSort sort{LeadSort::Key(key), Qt::SortOrder(order)};
        LeadFilter filter;
        filter.status = status;
        const auto keep = [&status](const Lead &l) {
            return status.isEmpty() || l.status.toString() == status;
        };
        LeadTableModel model(&cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter(filter);
        model.setLeadSort(sort);
        QVERIFY2(model.rowCount() > LeadTableModel::kIndexAbove, "the list is long enough to be indexed");
        model.buildPositionIndex();
        QTRY_VERIFY(model.hasPositionIndex());
        QCOMPARE(model.positionIndexBuilds(), 1);
        QItemSelectionModel selection(&model);
        selection.select(model.index(10, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        // A page of sync: renames and touched leads move, some change status
        // (into and out of the filter), new leads arrive, a few are deleted.
        std::mt19937 rng(17);
        QList<Lead> page;
        QList<qint64> ids;
        const QDateTime later = QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
        for (int i = 0; i < 120; ++i) {
            Lead &l = leads[static_cast<qsizetype>(rng() % leads.size())];
            l.updatedAt = later.addSecs(i);
            if (i % 3 == 0)
                l.name = QStringLiteral("Zz moved %1").arg(i);
            if (i % 4 == 0)
                l.lastMessageAt = later.addSecs(-i);
            if (i % 5 == 0)
                l.status = LeadStatus::fromString(i % 10 == 0 ? QStringLiteral("new") : QStringLiteral("lost"));
            page << l;
            ids << l.id;
        }
        const sim::LeadGenerator gen(11, 9000, QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC));
        for (qint64 id = 8001; id <= 8040; ++id) {
            Lead l = gen.lead(id);
            leads << l;
            page << l;
            ids << id;
        }
        QList<qint64> gone;
        for (int i = 0; i < 15; ++i)
            gone << leads.at(static_cast<qsizetype>(rng() % 8000)).id;
        QVERIFY(cache.store().upsert(page).ok());
        QVERIFY(cache.store().remove(gone).ok());
        leads.erase(std::remove_if(leads.begin(), leads.end(), [&gone](const Lead &l) { return gone.contains(l.id); }),
                    leads.end());
        cache.notifyLeadsChanged(ids + gone);

        QCOMPARE(resets.size(), 0);
        QVERIFY(selection.isRowSelected(10, QModelIndex()));
        QVERIFY(model.hasPositionIndex());
        QCOMPARE(model.positionIndexBuilds(), 1);
        const QList<qint64> expected = reference(leads, keep, sort);
        QTRY_VERIFY(model.isCountExact());
        QCOMPARE(model.rowCount(), expected.size());
        // Anywhere, the end included: right rows, and a read of at most about
        // one block more than the rows it keeps.
        QList<int> rows = {static_cast<int>(expected.size()) - 1, static_cast<int>(expected.size()) / 2, 0, 4321};
        for (int i = 0; i < 60; ++i)
            rows << static_cast<int>(rng() % expected.size());
        for (int row : std::as_const(rows)) {
            QCOMPARE(model.idAt(row), expected.at(row));
            QVERIFY2(model.lastReadSkip() <= LeadTableModel::kBlockRows,
                     qPrintable(QStringLiteral("skipped %1").arg(model.lastReadSkip())));
        }
        QCOMPARE(modelIds(model), expected);
    }
};

QTEST_GUILESS_MAIN(TestLeadTableModel)
#include "tst_leadtablemodel.moc"
