#include "TestLeads.h"
#include "storage/Database.h"
#include "sync/SyncStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace outpost;

class TestSyncStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    Database freshDb()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_files)));
        if (!db)
            qFatal("%s", qPrintable(db.error().message));
        return std::move(db).value();
    }

    static LeadsPage page(const QList<Lead> &leads, QString next = {}, QList<qint64> deleted = {})
    {
        LeadsPage p;
        p.leads = leads;
        p.nextCursor = std::move(next);
        p.deleted = std::move(deleted);
        return p;
    }

    // The ids a search finds, newest first, with its count.
    static QList<qint64> found(SyncStore &store, const QString &text)
    {
        LeadFilter f;
        f.search = text;
        auto window = store.leads().window({f, {}, 1000, 0, {}});
        if (!window)
            qFatal("%s", qPrintable(window.error().message));
        QList<qint64> ids;
        for (const Lead &lead : *window)
            ids << lead.id;
        if (store.leads().count(f).value() != ids.size())
            qFatal("search count and window disagree for %s", qPrintable(text));
        return ids;
    }

    static bool indexExists(Database &db, const QString &name)
    {
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?"));
        q.addBindValue(name);
        return q.exec() && q.next();
    }

    static LeadDetail detailOf(const Lead &lead)
    {
        LeadDetail d;
        d.lead = lead;
        Message m;
        m.id = QStringLiteral("m1");
        m.direction = Message::Direction::In;
        m.text = QStringLiteral("hello");
        m.sentAt = lead.updatedAt;
        d.messages << m;
        return d;
    }

    // The indexes a first fill leaves out until the end (LeadSortIndexes).
    static QStringList suspendedIndexes()
    {
        return {QStringLiteral("leads_by_status_id"),
                QStringLiteral("leads_by_updated"),
                QStringLiteral("leads_by_name"),
                QStringLiteral("leads_by_created"),
                QStringLiteral("leads_by_last_message"),
                QStringLiteral("leads_audience_by_status"),
                QStringLiteral("leads_audience_by_channel"),
                QStringLiteral("leads_audience_by_source"),
                QStringLiteral("leads_audience_by_agent")};
    }

private slots:
    void pageAndCheckpointTogether()
    {
        Database db = freshDb();
        SyncStore store(db);
        SyncStore::PageContext context;
        context.nextCursor = QStringLiteral("c2");
        auto applied = store.applyPage(page(test::makeLeads(1, 10)), context);
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
        QCOMPARE(applied->changed.size(), 10);
        QCOMPARE(store.value(QStringLiteral("sync.cursor")).value(), QStringLiteral("c2"));
        QCOMPARE(store.leads().totalCount().value(), 10);

        // Applied again, nothing changed.
        applied = store.applyPage(page(test::makeLeads(1, 10)), context);
        QVERIFY(applied.ok());
        QCOMPARE(applied->changed.size(), 0);

#ifdef OUTPOST_TEST_HOOKS
        // A failure half-way through leaves neither the page nor the checkpoint.
        context.nextCursor = QStringLiteral("c3");
        Database::failNthWrite(4);
        applied = store.applyPage(page(test::makeLeads(100, 10)), context);
        Database::failNthWrite(0);
        QVERIFY(!applied.ok());
        QCOMPARE(store.leads().totalCount().value(), 10);
        QCOMPARE(store.value(QStringLiteral("sync.cursor")).value(), QStringLiteral("c2"));
#endif
    }

    void changedLeadsAndDeletedIds()
    {
        Database db = freshDb();
        SyncStore store(db);
        QList<Lead> leads = test::makeLeads(1, 5);
        QVERIFY(store.applyPage(page(leads), {}).ok());
        leads[1].updatedAt = leads[1].updatedAt.addSecs(60);
        leads[1].status = LeadStatus::fromString(QStringLiteral("booked"));
        leads[2].lastMessageAt = leads[2].updatedAt.addSecs(5);
        auto applied = store.applyPage(page(leads, {}, {5}), {});
        QVERIFY(applied.ok());
        QCOMPARE(applied->changed, (QList<qint64>{2, 3}));
        QCOMPARE(applied->removed, (QList<qint64>{5}));
        QCOMPARE(applied->newest, std::max_element(leads.begin(), leads.end(), [](const Lead &a, const Lead &b) {
                                      return a.updatedAt < b.updatedAt;
                                  })->updatedAt);
        QVERIFY(!store.leads().lead(5).value().has_value());
        QCOMPARE(store.leads().lead(2).value()->status, LeadStatus::fromString(QStringLiteral("booked")));
    }

    void completeScanRemovesWhatItDidNotSee()
    {
        Database db = freshDb();
        SyncStore store(db);
        QVERIFY(store.applyPage(page(test::makeLeads(1, 10)), {}).ok());
        SyncStore::PageContext scan;
        scan.scanning = true;
        QVERIFY(store.applyPage(page(test::makeLeads(1, 4)), scan).ok());
        QVERIFY(store.applyPage(page(test::makeLeads(7, 2)), scan).ok());
        auto gone = store.removeUnseen();
        QVERIFY(gone.ok());
        std::sort(gone->begin(), gone->end());
        QCOMPARE(*gone, (QList<qint64>{5, 6, 9, 10}));
        QCOMPARE(store.leads().totalCount().value(), 6);
        // The scan is forgotten: a new one starts from nothing.
        QVERIFY(store.applyPage(page(test::makeLeads(1, 1)), scan).ok());
        QCOMPARE(store.removeUnseen()->size(), 5);
    }

    void aScanThatStartsEmptyHasNothingToRemove()
    {
        Database db = freshDb();
        SyncStore store(db);
        SyncStore::PageContext scan;
        scan.scanning = true;
        QVERIFY(store.startScan().ok());
        QVERIFY(store.applyPage(page(test::makeLeads(1, 6)), scan).ok());
        QVERIFY(store.applyPage(page(test::makeLeads(7, 4)), scan).ok());
        // Every lead came from this scan: none is written down as seen.
        QSqlQuery seen(db.connection());
        QVERIFY(seen.exec(QStringLiteral("SELECT count(*) FROM scan_seen")) && seen.next());
        QCOMPARE(seen.value(0).toInt(), 0);
        auto gone = store.removeUnseen();
        QVERIFY(gone.ok());
        QVERIFY(gone->isEmpty());
        QCOMPARE(store.leads().totalCount().value(), 10);

        // The next scan starts with leads cached: it finds the vanished ones again.
        QVERIFY(store.startScan().ok());
        QVERIFY(store.applyPage(page(test::makeLeads(1, 4)), scan).ok());
        gone = store.removeUnseen();
        QVERIFY(gone.ok());
        std::sort(gone->begin(), gone->end());
        QCOMPARE(*gone, (QList<qint64>{5, 6, 7, 8, 9, 10}));

        // An abandoned scan that started empty does not pass that on to the next one.
        Database other = freshDb();
        SyncStore second(other);
        QVERIFY(second.startScan().ok());
        QVERIFY(second.applyPage(page(test::makeLeads(1, 3)), scan).ok());
        QVERIFY(second.clearScan().ok());
        QVERIFY(second.applyPage(page(test::makeLeads(1, 1)), scan).ok());
        QCOMPARE(second.removeUnseen()->size(), 2);
    }

    void fullScanIntoEmptyCacheBuildsSearchOnceAtTheEnd()
    {
        Database db = freshDb();
        SyncStore store(db);
        SyncStore::PageContext scan;
        scan.scanning = true;
        scan.nextCursor = QStringLiteral("c2");
        QVERIFY(store.applyPage(page(test::makeLeads(1, 300)), scan).ok());
        QVERIFY(store.searchDeferred().value());
        scan.nextCursor.clear();
        QVERIFY(store.applyPage(page(test::makeLeads(301, 300)), scan).ok());
        // Tags and counts are kept while the search index waits.
        QCOMPARE(store.leads().countsByStatus().value().value(LeadStatus::pipeline().at(1).toString()), 100);
        LeadFilter vip;
        vip.tag = QStringLiteral("vip");
        QCOMPARE(store.leads().count(vip).value(), 300);
        QVERIFY(found(store, QStringLiteral("lead577@")).isEmpty());

        QVERIFY(store.buildDeferredSearch().ok());
        QVERIFY(!store.searchDeferred().value());
        QCOMPARE(found(store, QStringLiteral("lead577@")), QList<qint64>{577});
        QCOMPARE(found(store, QStringLiteral("Lead 12")).size(), 11); // 12, 120-129
        QCOMPARE(found(store, QStringLiteral("spring-promo")).size(), 300);
        // Word prefixes come from the other index, built the same way.
        QCOMPARE(found(store, QStringLiteral("le")).size(), 600);
        // Later pages keep the index up to date again.
        Lead renamed = test::makeLead(5, QStringLiteral("Zebulon Quartz"));
        renamed.updatedAt = renamed.updatedAt.addSecs(60);
        QVERIFY(store.applyPage(page({renamed}), {}).ok());
        QCOMPARE(found(store, QStringLiteral("Zebulon")), QList<qint64>{5});
        QVERIFY(!found(store, QStringLiteral("Lead 5")).contains(5));
    }

    void editsWhileDeferredAreInTheBuiltIndex()
    {
        Database db = freshDb();
        SyncStore store(db);
        SyncStore::PageContext scan;
        scan.scanning = true;
        QVERIFY(store.applyPage(page(test::makeLeads(1, 50)), scan).ok());
        QVERIFY(store.searchDeferred().value());
        Lead edited = test::makeLead(7, QStringLiteral("Quillon Marsh"));
        edited.updatedAt = edited.updatedAt.addSecs(60);
        QVERIFY(store.leads().upsert({edited}).ok());
        QVERIFY(store.leads().remove({8}).ok());
        QVERIFY(store.buildDeferredSearch().ok());
        QCOMPARE(found(store, QStringLiteral("Quillon")), QList<qint64>{7});
        QVERIFY(found(store, QStringLiteral("lead8@")).isEmpty());
        QCOMPARE(found(store, QStringLiteral("lead9@")), QList<qint64>{9});
        QCOMPARE(found(store, QStringLiteral("example")).size(), 49);
    }

    void scanIntoFullCacheKeepsTheIndexUpToDate()
    {
        Database db = freshDb();
        SyncStore store(db);
        QVERIFY(store.applyPage(page(test::makeLeads(1, 1000)), {}).ok());
        SyncStore::PageContext scan;
        scan.scanning = true;
        QVERIFY(store.applyPage(page(test::makeLeads(1001, 10)), scan).ok());
        QVERIFY(!store.searchDeferred().value());
        QCOMPARE(found(store, QStringLiteral("lead1005@")), QList<qint64>{1005});
    }

    void deferredBuildGoesInStepsThatOthersCanWriteBetween()
    {
        Database db = freshDb();
        SyncStore store(db);
        SyncStore::PageContext scan;
        scan.scanning = true;
        QVERIFY(store.applyPage(page(test::makeLeads(1, 300)), scan).ok());
        // The first fill also leaves out the optional sort indexes until the end.
        QVERIFY(!indexExists(db, QStringLiteral("leads_by_name")));
        QVERIFY(!indexExists(db, QStringLiteral("leads_by_updated")));
        // The pipeline's own index stays: its columns read by status during the fill.
        QVERIFY(indexExists(db, QStringLiteral("leads_by_status")));
        auto state = store.searchBuild();
        QVERIFY(state.ok());
        QVERIFY(state->building);
        QCOMPARE(state->done, 0);
        QCOMPARE(state->total, 300);

        // Sort indexes first, one per step, then search 100 leads per step.
        const QStringList suspended = suspendedIndexes();
        for (const QString &name : suspended)
            QVERIFY2(!indexExists(db, name), qPrintable(name));
        for (qsizetype i = 0; i < suspended.size(); ++i)
            QVERIFY(store.buildDeferredSearchStep(100).ok());
        for (const QString &name : suspended)
            QVERIFY2(indexExists(db, name), qPrintable(name));
        state = store.buildDeferredSearchStep(100);
        QVERIFY(state.ok());
        QVERIFY(state->building);
        QCOMPARE(state->done, 100);
        // Search finds what the build reached, and only that.
        QCOMPARE(found(store, QStringLiteral("lead50@")), QList<qint64>{50});
        QVERIFY(found(store, QStringLiteral("lead250@")).isEmpty());

        // Between two steps the write lock is free: another connection (the
        // GUI thread's) writes at once, before and after the build's mark.
        auto other = Database::open(db.path());
        QVERIFY(other.ok());
        LeadStore gui(*other);
        Lead early = test::makeLead(50, QStringLiteral("Orsolya Brightwater"));
        early.updatedAt = early.updatedAt.addSecs(60);
        Lead late = test::makeLead(250, QStringLiteral("Tamsin Coldharbour"));
        late.updatedAt = late.updatedAt.addSecs(60);
        QVERIFY(gui.upsert({early, late}).ok());
        QVERIFY(gui.remove({60, 260}).ok());
        // Indexed at once: lead 50 is behind the build's mark.
        QCOMPARE(found(store, QStringLiteral("Orsolya")), QList<qint64>{50});

        do {
            state = store.buildDeferredSearchStep(100);
            QVERIFY(state.ok());
        } while (state->building);
        QVERIFY(!store.searchDeferred().value());
        QCOMPARE(found(store, QStringLiteral("Orsolya")), QList<qint64>{50});
        QCOMPARE(found(store, QStringLiteral("Tamsin")), QList<qint64>{250});
        QVERIFY(found(store, QStringLiteral("lead60@")).isEmpty());
        QVERIFY(found(store, QStringLiteral("lead260@")).isEmpty());
        QVERIFY(!found(store, QStringLiteral("Lead 5")).contains(50));
        QCOMPARE(found(store, QStringLiteral("lead299@")), QList<qint64>{299});
        // Every lead once: none indexed twice by the steps.
        QCOMPARE(found(store, QStringLiteral("spring-promo")).size(), 148);
    }

    void stoppedBuildResumesWhereItStopped()
    {
        Database db = freshDb();
        {
            SyncStore store(db);
            SyncStore::PageContext scan;
            scan.scanning = true;
            QVERIFY(store.applyPage(page(test::makeLeads(1, 250)), scan).ok());
            // One step per suspended index, then two of search.
            for (qsizetype i = 0; i < suspendedIndexes().size() + 2; ++i)
                QVERIFY(store.buildDeferredSearchStep(50).ok());
            QCOMPARE(store.searchBuild()->done, 100);
        }
        // A new store on a new connection (the next run) goes on from there.
        auto reopened = Database::open(db.path());
        QVERIFY(reopened.ok());
        SyncStore store(*reopened);
        QCOMPARE(store.searchBuild()->done, 100);
        auto state = store.buildDeferredSearchStep(50);
        QVERIFY(state.ok());
        QCOMPARE(state->done, 150);
        QVERIFY(store.buildDeferredSearch().ok());
        QVERIFY(!store.searchBuild()->building);
        QCOMPARE(found(store, QStringLiteral("example")).size(), 250);
        QCOMPARE(found(store, QStringLiteral("lead77@")), QList<qint64>{77});
        QCOMPARE(found(store, QStringLiteral("lead177@")), QList<qint64>{177});
    }

#ifdef OUTPOST_TEST_HOOKS
    void interruptedBuildIsDoneAgain()
    {
        Database db = freshDb();
        SyncStore store(db);
        SyncStore::PageContext scan;
        scan.scanning = true;
        QVERIFY(store.applyPage(page(test::makeLeads(1, 40)), scan).ok());
        // Fails after the old index was cleared and half of the new one written.
        Database::failNthWrite(4);
        QVERIFY(!store.buildDeferredSearch().ok());
        Database::failNthWrite(0);
        QVERIFY(store.searchDeferred().value());
        QVERIFY(store.buildDeferredSearch().ok());
        QVERIFY(!store.searchDeferred().value());
        QCOMPARE(found(store, QStringLiteral("example")).size(), 40);
        QCOMPARE(found(store, QStringLiteral("lead33@")), QList<qint64>{33});
        // Built twice over the same rows would find them twice or fail: it did neither.
        QVERIFY(store.buildDeferredSearch().ok());
        QCOMPARE(found(store, QStringLiteral("lead33@")), QList<qint64>{33});
    }
#endif

    void detailsQueueMineFirstThenNewest()
    {
        Database db = freshDb();
        SyncStore store(db);
        QList<Lead> leads = test::makeLeads(1, 6);
        for (int i = 0; i < leads.size(); ++i) {
            leads[i].assignedAgent = i % 2 ? QStringLiteral("Maria") : QStringLiteral("Ali");
            leads[i].updatedAt = QDateTime(QDate(2026, 5, 1), QTime(10, i), Qt::UTC);
            leads[i].lastMessageAt = leads[i].updatedAt;
        }
        SyncStore::PageContext context;
        context.detailsForChanged = true;
        context.agent = QStringLiteral("Maria");
        QVERIFY(store.applyPage(page(leads), context).ok());
        QCOMPARE(store.detailsDueCount().value(), 6);
        QCOMPARE(store.detailsDue(10).value(), (QList<qint64>{6, 4, 2, 5, 3, 1}));

        QVERIFY(store.saveDetail(detailOf(leads[5])).ok());
        QCOMPARE(store.detailsDue(2).value(), (QList<qint64>{4, 2}));
        QCOMPARE(store.leads().detail(6).value()->messages.size(), 1);

        // Stale details come back on the queue even when the run does not ask for new leads.
        leads[5].updatedAt = leads[5].updatedAt.addSecs(3600);
        context.detailsForChanged = false;
        QVERIFY(store.applyPage(page({leads[5]}), context).ok());
        QCOMPARE(store.detailsDue(1).value(), (QList<qint64>{6}));

        QVERIFY(store.dropLead(4).ok());
        QVERIFY(!store.detailsDue(10).value().contains(4));
    }

    void queueAllStale()
    {
        Database db = freshDb();
        SyncStore store(db);
        const QList<Lead> leads = test::makeLeads(1, 20);
        QVERIFY(store.applyPage(page(leads), {}).ok());
        QCOMPARE(store.detailsDueCount().value(), 0);
        QVERIFY(store.saveDetail(detailOf(leads[0])).ok());
        QCOMPARE(store.queueAllStaleDetails(QString()).value(), 19);
        QVERIFY(!store.detailsDue(100).value().contains(1));
    }

    void snapshotsKeepTheirTime()
    {
        Database db = freshDb();
        SyncStore store(db);
        QVERIFY(!store.snapshot(QStringLiteral("sla")).value().has_value());
        const QDateTime at(QDate(2026, 5, 2), QTime(8, 0), Qt::UTC);
        QVERIFY(store.saveSnapshot(QStringLiteral("sla"), {{QStringLiteral("ok"), true}}, at).ok());
        auto snapshot = store.snapshot(QStringLiteral("sla")).value();
        QVERIFY(snapshot.has_value());
        QCOMPARE(snapshot->fetchedAt, at);
        QCOMPARE(snapshot->body.value(QStringLiteral("ok")).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestSyncStore)
#include "tst_syncstore.moc"
