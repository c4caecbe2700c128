#include "TestLeads.h"
#include "outbox/OutboxStore.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace outpost;

class TestOutboxStore : public QObject
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

    static qint64 count(Database &db, const QString &sql, const QVariant &bound = {})
    {
        QSqlQuery q(db.connection());
        q.prepare(sql);
        if (bound.isValid())
            q.bindValue(0, bound);
        if (!q.exec() || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    static QString statusOf(OutboxStore &store, qint64 id) { return (*store.leads().lead(id))->status.toString(); }
    static QStringList tagsOf(OutboxStore &store, qint64 id) { return (*store.leads().lead(id))->tags; }

private slots:
    void statusIsQueuedWithItsOptimisticChange()
    {
        Database db = freshDb();
        OutboxStore store(db);
        const QString before = statusOf(store, 3);
        auto row = store.setStatus(3, QStringLiteral("lost"));
        QVERIFY2(row.ok(), qPrintable(row.ok() ? QString() : row.error().message));
        QCOMPARE(statusOf(store, 3), QStringLiteral("lost"));
        const auto saved = store.row(*row).value();
        QVERIFY(saved);
        QCOMPARE(saved->op, OutboxRow::Op::SetStatus);
        QCOMPARE(saved->state, OutboxRow::State::Pending);
        QCOMPARE(saved->leadIds, QList<qint64>{3});
        QCOMPARE(saved->base.value(QStringLiteral("status")).toString(), before);
        QCOMPARE(QUuid::fromString(saved->idempotencyKey).isNull(), false);
        QCOMPARE(store.counts()->pending, 1);
        QCOMPARE(store.pendingLeadIds().value(), QSet<qint64>{3});
        // The status count the pipeline reads moves with it.
        QCOMPARE(store.leads().countsByStatus()->value(QStringLiteral("lost")),
                 count(db, QStringLiteral("SELECT count(*) FROM leads WHERE status = 'lost'")));
    }

    void badInputQueuesNothing()
    {
        Database db = freshDb();
        OutboxStore store(db);
        const QString before = statusOf(store, 2);
        QVERIFY(!store.setStatus(2, QStringLiteral("won")).ok());
        QVERIFY(store.setStatus(2, QStringLiteral("won")).error().message.contains(QStringLiteral("won")));
        QVERIFY(!store.addNote(2, QStringLiteral("   ")).ok());
        QVERIFY(!store.reply(2, QString()).ok());
        QVERIFY(!store.bookAppointment(2, QStringLiteral("2026-13-01 10:00"), QStringLiteral("Demo")).ok());
        QVERIFY(!store.bookAppointment(2, QStringLiteral("tomorrow"), QStringLiteral("Demo")).ok());
        QVERIFY(!store.bookAppointment(2, QStringLiteral("2026-05-01 10:00"), QStringLiteral(" ")).ok());
        QVERIFY(!store.editTag(2, OutboxStore::TagAction::Add, QStringLiteral("")).ok());
        QVERIFY(!store.setStatus(999, QStringLiteral("lost")).ok()); // not cached
        QVERIFY(!store.bulkStage({}, QStringLiteral("lost")).ok());
        QVERIFY(!store.bulkStage({1, 999}, QStringLiteral("lost")).ok());
        QList<qint64> many;
        for (qint64 i = 1; i <= 501; ++i)
            many << i;
        QVERIFY(!store.bulkMessage(many, QStringLiteral("hi")).ok());
        QVERIFY(!store
                     .createCampaign(QStringLiteral("c"), {{QStringLiteral("colour"), QStringLiteral("red")}},
                                     QStringLiteral("hi"))
                     .ok());
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM outbox")), 0);
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM notes")), 0);
        QCOMPARE(statusOf(store, 2), before);
        QCOMPARE(statusOf(store, 1), (*store.leads().lead(1))->status.toString());
    }

    void notesRepliesAndAppointmentsShowAsPending()
    {
        Database db = freshDb();
        OutboxStore store(db);
        QVERIFY(store.addNote(4, QStringLiteral("call back <b>Monday</b>")).ok());
        QVERIFY(store.reply(4, QStringLiteral("Hi!")).ok());
        QVERIFY(store.bookAppointment(4, QStringLiteral("2026-05-15 14:00"), QStringLiteral("Consultation")).ok());
        const auto detail = store.leads().detail(4).value();
        QVERIFY(detail);
        QCOMPARE(detail->notes.size(), 1);
        QVERIFY(detail->notes.first().id.startsWith(QStringLiteral("outbox:")));
        QCOMPARE(detail->notes.first().text, QStringLiteral("call back <b>Monday</b>"));
        QCOMPARE(detail->messages.size(), 1);
        QCOMPARE(detail->messages.first().direction, Message::Direction::Out);
        QCOMPARE(detail->appointments.size(), 1);
        QCOMPARE(detail->appointments.first().dateTime, QStringLiteral("2026-05-15 14:00"));
        QCOMPARE(store.rows()->size(), 3);
    }

    void bulkMessageIsRenderedPerLead()
    {
        Database db = freshDb();
        OutboxStore store(db);
        auto row = store.bulkMessage({5, 6, 5}, QStringLiteral("Hi {first_name}! {unknown}"));
        QVERIFY(row.ok());
        QCOMPARE(store.row(*row).value()->leadIds, (QList<qint64>{5, 6}));
        const auto detail = store.leads().detail(6).value();
        QCOMPARE(detail->messages.first().text, QStringLiteral("Hi Lead! {unknown}"));
    }

    void tagsAndBulkChangesRestoreOnUndo()
    {
        Database db = freshDb();
        OutboxStore store(db);
        const QStringList tags = tagsOf(store, 7);
        auto tag = store.editTag(7, OutboxStore::TagAction::Add, QStringLiteral("hot"));
        QVERIFY(tag.ok());
        QVERIFY(tagsOf(store, 7).contains(QStringLiteral("hot")));
        QVERIFY(store.undo(*tag).ok());
        QCOMPARE(tagsOf(store, 7), tags);

        const QString s8 = statusOf(store, 8), s9 = statusOf(store, 9);
        auto bulk = store.bulkStage({8, 9}, QStringLiteral("closed"));
        QVERIFY(bulk.ok());
        QCOMPARE(statusOf(store, 8), QStringLiteral("closed"));
        QVERIFY(store.undo(*bulk).ok());
        QCOMPARE(statusOf(store, 8), s8);
        QCOMPARE(statusOf(store, 9), s9);
        QCOMPARE(store.counts()->open(), 0);

        auto note = store.addNote(8, QStringLiteral("x"));
        QVERIFY(store.undo(*note).ok());
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM notes")), 0);
    }

    void undoKeepsOrderAndRefusesWhatLeft()
    {
        Database db = freshDb();
        OutboxStore store(db);
        auto first = store.setStatus(10, QStringLiteral("lost"));
        auto second = store.setStatus(10, QStringLiteral("closed"));
        QVERIFY(!store.undo(*first).ok()); // a later change to the lead is queued
        QVERIFY(store.undo(*second).ok());
        QCOMPARE(statusOf(store, 10), QStringLiteral("lost"));
        QVERIFY(store.markSending(*first, std::nullopt).ok());
        QVERIFY(!store.undo(*first).ok());
        QVERIFY(!store.discard(*first).ok()); // being sent
    }

    void nextSendableKeepsPerLeadOrder()
    {
        Database db = freshDb();
        OutboxStore store(db);
        auto a = store.setStatus(1, QStringLiteral("lost"));
        auto b = store.addNote(1, QStringLiteral("after a"));
        auto c = store.addNote(2, QStringLiteral("other lead"));
        auto bulk = store.bulkStage({2, 3}, QStringLiteral("booked"));
        QCOMPARE(store.nextSendable()->value().id, *a);
        // A conflict on lead 1 holds back lead 1's later rows only.
        QVERIFY(store.markState(*a, OutboxRow::State::Conflict, QStringLiteral("c")).ok());
        QCOMPARE(store.nextSendable()->value().id, *c);
        QCOMPARE(store.nextSendable(QSet<qint64>{*c})->has_value(), false); // bulk waits behind c on lead 2
        QVERIFY(store.markDone(*c, {}, {}).ok());
        QCOMPARE(store.nextSendable()->value().id, *bulk);
        QCOMPARE(store.counts()->conflicts, 1);
        QCOMPARE(store.conflicts()->size(), 1);
        Q_UNUSED(b);
    }

    void aRefusedRowHoldsBackItsLeadUntilDecided()
    {
        Database db = freshDb();
        OutboxStore store(db);
        auto refused = store.setStatus(1, QStringLiteral("qualified"));
        auto later = store.setStatus(1, QStringLiteral("booked"));
        auto other = store.addNote(2, QStringLiteral("other lead"));
        // The later row's base is the refused row's change.
        QCOMPARE(store.row(*later).value()->base.value(QStringLiteral("status")).toString(),
                 QStringLiteral("qualified"));
        QVERIFY(store.markState(*refused, OutboxRow::State::Failed, QStringLiteral("400")).ok());
        QCOMPARE(store.nextSendable()->value().id, *other);
        QCOMPARE(store.nextSendable(QSet<qint64>{*other})->has_value(), false);
        QVERIFY(store.markState(*refused, OutboxRow::State::NotAllowed, QStringLiteral("403")).ok());
        QCOMPARE(store.nextSendable(QSet<qint64>{*other})->has_value(), false);
        // Once the person discards it, the later row goes.
        QVERIFY(store.discard(*refused).ok());
        QCOMPARE(store.nextSendable(QSet<qint64>{*other})->value().id, *later);
    }

    void oldDoneRowsAreForgotten()
    {
        Database db = freshDb();
        OutboxStore store(db);
        auto done = store.addNote(1, QStringLiteral("sent"));
        auto open = store.addNote(2, QStringLiteral("still queued"));
        auto refused = store.addNote(3, QStringLiteral("refused"));
        QVERIFY(store.markDone(*done, {}, {}).ok());
        QVERIFY(store.markState(*refused, OutboxRow::State::Failed, QStringLiteral("400")).ok());
        const qint64 later = QDateTime::currentMSecsSinceEpoch() + 1000;
        QCOMPARE(store.pruneDone(later - 3600 * 1000).value(), 0); // done too recently
        QCOMPARE(store.pruneDone(later).value(), 1);
        QVERIFY(!store.row(*done).value().has_value());
        QVERIFY(store.row(*open).value().has_value());
        QVERIFY(store.row(*refused).value().has_value());
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM outbox_targets WHERE lead_id = 1")), 0);
    }

    void conflictResolutions()
    {
        Database db = freshDb();
        OutboxStore store(db);
        auto row = store.setStatus(11, QStringLiteral("lost"));
        const QString base = store.row(*row).value()->base.value(QStringLiteral("status")).toString();
        const QJsonObject conflict{
            {QStringLiteral("status"), QJsonObject{{QStringLiteral("base"), base},
                                                   {QStringLiteral("theirs"), QStringLiteral("booked")},
                                                   {QStringLiteral("mine"), QStringLiteral("lost")}}}};
        QVERIFY(store.markState(*row, OutboxRow::State::Conflict, QStringLiteral("c"), conflict).ok());
        QVERIFY(store.resolveConflict(*row, OutboxStore::Resolution::Theirs).ok());
        QCOMPARE(statusOf(store, 11), QStringLiteral("booked"));
        QCOMPARE(store.row(*row).value()->state, OutboxRow::State::Done);

        auto mine = store.setStatus(12, QStringLiteral("lost"));
        QVERIFY(store.markState(*mine, OutboxRow::State::Conflict, QStringLiteral("c"), conflict).ok());
        QVERIFY(store.resolveConflict(*mine, OutboxStore::Resolution::Mine).ok());
        const auto resolved = store.row(*mine).value();
        QCOMPARE(resolved->state, OutboxRow::State::Pending);
        QCOMPARE(resolved->base.value(QStringLiteral("status")).toString(), QStringLiteral("booked"));
        QCOMPARE(statusOf(store, 12), QStringLiteral("lost"));
    }

    void retryDiscardAndReview()
    {
        Database db = freshDb();
        OutboxStore store(db);
        auto note = store.addNote(13, QStringLiteral("n"));
        QVERIFY(!store.retry(*note).ok()); // pending: nothing to retry
        QVERIFY(store.markState(*note, OutboxRow::State::Failed, QStringLiteral("400")).ok());
        QCOMPARE(store.counts()->failed, 1);
        QVERIFY(store.retry(*note).ok());
        QCOMPARE(store.row(*note).value()->state, OutboxRow::State::Pending);
        QVERIFY(store.markSending(*note, 2).ok());
        QVERIFY(store.markState(*note, OutboxRow::State::NeedsReview, QStringLiteral("?")).ok());
        QCOMPARE(store.counts()->needsReview, 1);
        QVERIFY(store.resolveReview(*note, OutboxStore::Review::SendAgain).ok());
        QCOMPARE(store.row(*note).value()->probe.has_value(), false);
        QVERIFY(store.markState(*note, OutboxRow::State::NotAllowed, QStringLiteral("403")).ok());
        QVERIFY(store.discard(*note).ok());
        QVERIFY(!store.row(*note).value().has_value());
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM notes")), 0);
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM outbox_targets")), 0);
    }

    void aFailedWriteQueuesNothing()
    {
#ifdef OUTPOST_TEST_HOOKS
        Database db = freshDb();
        OutboxStore store(db);
        const QString before = statusOf(store, 14);
        for (int i = 1; i <= 3; ++i) {
            Database::failNthWrite(i);
            auto row = store.setStatus(14, QStringLiteral("lost"));
            Database::failNthWrite(0);
            QVERIFY(!row.ok());
            QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM outbox")), 0);
            QCOMPARE(statusOf(store, 14), before);
        }
#else
        QSKIP("needs OUTPOST_TEST_HOOKS");
#endif
    }

    void campaignsQueueInOrder()
    {
        Database db = freshDb();
        OutboxStore store(db);
        auto create =
            store.createCampaign(QStringLiteral("April"), {{QStringLiteral("status"), QStringLiteral("qualified")}},
                                 QStringLiteral("Hi {name}"));
        QVERIFY(create.ok());
        auto send = store.sendQueuedCampaign(*create);
        QVERIFY(send.ok());
        QCOMPARE(store.row(*send).value()->payload.value(QStringLiteral("create_row")).toInteger(), *create);
        QCOMPARE(store.nextSendable()->value().id, *create);
        QCOMPARE(store.nextSendable(QSet<qint64>{*create})->has_value(), false);
        QVERIFY(!store.sendQueuedCampaign(*send).ok());
    }
};

QTEST_GUILESS_MAIN(TestOutboxStore)
#include "tst_outboxstore.moc"
