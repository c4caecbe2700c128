#include "TestLeads.h"
#include "storage/Database.h"
#include "sync/SyncStore.h"

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
