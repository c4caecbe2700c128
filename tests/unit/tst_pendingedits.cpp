#include "TestLeads.h"
#include "domain/LeadCodec.h"
#include "outbox/OutboxStore.h"
#include "storage/Database.h"
#include "sync/SyncStore.h"
#include "webhooks/WebhookEventApplier.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace outpost;

// A pull (sync page, a lead's details, a webhook event) stores the service's
// copy, and the person's queued edits stay visible over it until their rows
// are done, discarded or resolved.
class TestPendingEdits : public QObject
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
        if (!LeadStore(db.value()).upsert(test::makeLeads(1, 20)).ok())
            qFatal("cannot seed the cache");
        return std::move(db).value();
    }

    // The service's newer copy of a lead: another status and other tags.
    static Lead serverCopy(qint64 id, const QString &status, const QStringList &tags, int minutesLater = 10)
    {
        Lead lead = test::makeLead(id);
        lead.status = LeadStatus::fromString(status);
        lead.tags = tags;
        lead.updatedAt = lead.updatedAt.addSecs(60 * minutesLater);
        return lead;
    }

    static SyncStore::Applied applyPage(SyncStore &sync, const QList<Lead> &leads)
    {
        LeadsPage page;
        page.leads = leads;
        auto applied = sync.applyPage(page, {});
        if (!applied)
            qFatal("%s", qPrintable(applied.error().message));
        return *applied;
    }

    static Lead cached(Database &db, qint64 id) { return LeadStore(db).lead(id).value().value(); }

    static QStringList itemIds(const LeadDetail &detail)
    {
        QStringList ids;
        for (const Message &m : detail.messages)
            ids << m.id;
        for (const Note &n : detail.notes)
            ids << n.id;
        for (const Appointment &a : detail.appointments)
            ids << a.id;
        return ids;
    }

    static int outboxItems(const QStringList &ids)
    {
        return int(std::count_if(ids.begin(), ids.end(),
                                 [](const QString &id) { return id.startsWith(QStringLiteral("outbox:")); }));
    }

    static void markDone(OutboxStore &store, qint64 row) { QVERIFY(store.markDone(row, {}, {}).ok()); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void syncPageKeepsQueuedStatusAndTags()
    {
        Database db = freshDb();
        OutboxStore store(db);
        SyncStore sync(db);
        const qint64 status = store.setStatus(3, QStringLiteral("qualified")).value();
        const qint64 tag = store.editTag(3, OutboxStore::TagAction::Add, QStringLiteral("mine")).value();
        const qint64 bulk = store.bulkStage({4, 5}, QStringLiteral("lost")).value();

        applyPage(sync, {serverCopy(3, QStringLiteral("contacted"), {QStringLiteral("theirs")}),
                         serverCopy(4, QStringLiteral("new"), {}), serverCopy(5, QStringLiteral("new"), {}),
                         serverCopy(6, QStringLiteral("new"), {QStringLiteral("theirs")})});
        QCOMPARE(cached(db, 3).status.toString(), QStringLiteral("qualified"));
        QCOMPARE(cached(db, 3).tags, (QStringList{QStringLiteral("theirs"), QStringLiteral("mine")}));
        QCOMPARE(cached(db, 4).status.toString(), QStringLiteral("lost"));
        QCOMPARE(cached(db, 5).status.toString(), QStringLiteral("lost"));
        // Leads without open rows take the service's copy as it is.
        QCOMPARE(cached(db, 6).status.toString(), QStringLiteral("new"));
        // The service's version stays underneath: the next copy still replaces it.
        QCOMPARE(cached(db, 3).updatedAt, serverCopy(3, QStringLiteral("new"), {}).updatedAt);

        // A conflict is open too: the person still sees mine until they decide.
        QVERIFY(store.markState(status, OutboxRow::State::Conflict, QStringLiteral("changed there too")).ok());
        applyPage(sync, {serverCopy(3, QStringLiteral("contacted"), {}, 20)});
        QCOMPARE(cached(db, 3).status.toString(), QStringLiteral("qualified"));
        QCOMPARE(cached(db, 3).tags, QStringList{QStringLiteral("mine")});

        // Once the rows are done, the service's copy shows alone.
        markDone(store, tag);
        markDone(store, bulk);
        QVERIFY(store.resolveConflict(status, OutboxStore::Resolution::Theirs).ok());
        applyPage(sync,
                  {serverCopy(3, QStringLiteral("contacted"), {}, 30), serverCopy(4, QStringLiteral("new"), {}, 30)});
        QCOMPARE(cached(db, 3).status.toString(), QStringLiteral("contacted"));
        QCOMPARE(cached(db, 3).tags, QStringList());
        QCOMPARE(cached(db, 4).status.toString(), QStringLiteral("new"));
    }

    void detailsKeepQueuedItems()
    {
        Database db = freshDb();
        OutboxStore store(db);
        SyncStore sync(db);
        const qint64 note = store.addNote(7, QStringLiteral("queued note")).value();
        QVERIFY(store.reply(7, QStringLiteral("queued reply")).ok());
        QVERIFY(store.bookAppointment(7, QStringLiteral("2027-01-02 10:00"), QStringLiteral("Demo")).ok());
        QVERIFY(store.bulkMessage({7, 8}, QStringLiteral("Hello {first_name}")).ok());
        QVERIFY(store.setStatus(7, QStringLiteral("won")).ok() == false); // not a status: nothing queued
        QCOMPARE(outboxItems(itemIds(LeadStore(db).detail(7).value().value())), 4);

        LeadDetail server;
        server.lead = serverCopy(7, QStringLiteral("contacted"), {});
        Message theirs;
        theirs.id = QStringLiteral("m-server");
        theirs.direction = Message::Direction::In;
        theirs.text = QStringLiteral("from the service");
        theirs.sentAt = server.lead.updatedAt;
        server.messages << theirs;
        QVERIFY(sync.saveDetail(server).ok());
        const QStringList ids = itemIds(LeadStore(db).detail(7).value().value());
        QVERIFY(ids.contains(QStringLiteral("m-server")));
        QCOMPARE(outboxItems(ids), 4);

        // A discarded note is gone for good, and the next details keep it gone.
        QVERIFY(store.discard(note).ok());
        QVERIFY(sync.saveDetail(server).ok());
        QCOMPARE(outboxItems(itemIds(LeadStore(db).detail(7).value().value())), 3);
    }

    void discardedStatusIsFetchedAgain()
    {
        Database db = freshDb();
        OutboxStore store(db);
        SyncStore sync(db);
        const qint64 row = store.setStatus(9, QStringLiteral("qualified")).value();
        applyPage(sync, {serverCopy(9, QStringLiteral("contacted"), {})});
        QCOMPARE(cached(db, 9).status.toString(), QStringLiteral("qualified"));
        QVERIFY(store.discard(row).ok());
        // The base predates the service's newer copy: the lead's details are due again.
        QVERIFY(sync.detailsDue(10).value().contains(9));
    }

    void webhookEventKeepsQueuedStatus()
    {
        Database db = freshDb();
        OutboxStore store(db);
        QVERIFY(store.setStatus(11, QStringLiteral("qualified")).ok());
        QVERIFY(store.editTag(11, OutboxStore::TagAction::Remove, QStringLiteral("vip")).ok());
        WebhookEventApplier applier(db, nullptr);
        const Lead theirs = serverCopy(11, QStringLiteral("lost"), {QStringLiteral("vip"), QStringLiteral("hot")});
        applier.apply({{QStringLiteral("id"), QStringLiteral("evt-1")},
                       {QStringLiteral("event"), QStringLiteral("lead_status_changed")},
                       {QStringLiteral("data"), QJsonObject{{QStringLiteral("lead"), LeadCodec::leadToJson(theirs)},
                                                            {QStringLiteral("lead_id"), 11}}}});
        QCOMPARE(applier.appliedCount(), 1);
        QCOMPARE(cached(db, 11).status.toString(), QStringLiteral("qualified"));
        QCOMPARE(cached(db, 11).tags, QStringList{QStringLiteral("hot")});
        QCOMPARE(cached(db, 11).updatedAt, theirs.updatedAt);
    }
};

QTEST_GUILESS_MAIN(TestPendingEdits)
#include "tst_pendingedits.moc"
