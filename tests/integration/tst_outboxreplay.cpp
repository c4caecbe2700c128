#include "SimFixture.h"
#include "api/ApiClient.h"
#include "domain/LeadCodec.h"
#include "outbox/OutboxReplayer.h"
#include "outbox/OutboxStore.h"
#include "storage/Database.h"
#include "sync/SyncEngine.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace outpost;
using outpost::sim::SimOptions;
using outpost::test::SimFixture;

// The outbox against the reference server: faults on purpose, with and
// without the service's idempotency support; the server's ledger is the
// witness that each queued action acted exactly once, in order per lead.
class TestOutboxReplay : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_caches = 0;

    struct Client
    {
        std::unique_ptr<ApiClient> api;
        std::unique_ptr<OutboxReplayer> replayer;
    };

    static SimOptions simOptions(qint64 leads = 40)
    {
        SimOptions options = SimFixture::defaultOptions(leads);
        options.rateLimit = 0;
        options.timeScale = 0.02; // a slow answer takes 60 ms
        return options;
    }

    static ApiConfig configFor(SimFixture &sim, const QString &key = QString())
    {
        ApiConfig config;
        config.baseUrl = sim.baseUrl();
        config.clientId = sim.clientId();
        config.apiKey = key.isEmpty() ? sim.apiKey() : key;
        config.backoffBaseMs = 20;
        config.backoffCapMs = 200;
        config.maxAttempts = 8;
        return config;
    }

    Client makeClient(SimFixture &sim, const QString &cache, const QString &key = QString())
    {
        auto budget = std::make_shared<RateBudget>(RateBudget::Limit{100000, 60000}, Clock::system());
        Client client;
        client.api = std::make_unique<ApiClient>(configFor(sim, key), budget);
        client.replayer = std::make_unique<OutboxReplayer>(cache, cache + QStringLiteral(".lock"), client.api.get());
        client.replayer->setBackoff(10, 100);
        client.replayer->setMaxTransientFailures(50);
        return client;
    }

    QString newCache(SimFixture &sim)
    {
        const QString path = m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_caches));
        auto budget = std::make_shared<RateBudget>(RateBudget::Limit{100000, 60000}, Clock::system());
        ApiClient api(configFor(sim), budget);
        SyncEngine engine(path, path + QStringLiteral(".sync.lock"), &api);
        QSignalSpy finished(&engine, &SyncEngine::finished);
        SyncOptions options;
        options.details = SyncOptions::Details::None;
        options.snapshots = false;
        engine.start(options);
        if (finished.isEmpty() && !finished.wait(60000))
            qFatal("the cache could not be filled");
        if (finished.first().at(0).value<SyncEngine::Outcome>() != SyncEngine::Outcome::Completed)
            qFatal("sync failed: %s", qPrintable(finished.first().at(1).toString()));
        return path;
    }

    static OutboxReplayer::Outcome replayOnce(OutboxReplayer &replayer, int timeoutMs = 120000)
    {
        QSignalSpy finished(&replayer, &OutboxReplayer::finished);
        replayer.start();
        if (finished.isEmpty() && !finished.wait(timeoutMs))
            return OutboxReplayer::Outcome::Failed;
        return finished.first().at(0).value<OutboxReplayer::Outcome>();
    }

    // Runs again while the service kept failing, as the app does on its next sync.
    static OutboxReplayer::Outcome drain(OutboxReplayer &replayer, int maxRuns = 40)
    {
        OutboxReplayer::Outcome outcome = OutboxReplayer::Outcome::Offline;
        for (int run = 0; run < maxRuns && outcome == OutboxReplayer::Outcome::Offline; ++run)
            outcome = replayOnce(replayer);
        return outcome;
    }

    static QString nextStatus(const QString &status)
    {
        const QList<LeadStatus> &pipeline = LeadStatus::pipeline();
        for (int i = 0; i < pipeline.size(); ++i) {
            if (pipeline.at(i).toString() == status)
                return pipeline.at((i + 1) % pipeline.size()).toString();
        }
        return QStringLiteral("contacted");
    }

    struct Expected
    {
        QList<qint64> rows;
        QHash<qint64, QString> finalStatus;
    };

    // Every kind of action on leads 1..leads, and the three bulk ones.
    static Expected queueMixed(OutboxStore &store, int leads)
    {
        Expected expected;
        const auto add = [&expected](const Result<qint64> &row) {
            if (!row)
                qFatal("queueing failed: %s", qPrintable(row.error().message));
            expected.rows << *row;
        };
        for (qint64 id = 1; id <= leads; ++id) {
            const QString status = nextStatus((*store.leads().lead(id))->status.toString());
            expected.finalStatus.insert(id, status);
            add(store.setStatus(id, status));
            add(store.addNote(id, QStringLiteral("note for %1").arg(id)));
            add(store.editTag(id, OutboxStore::TagAction::Add, QStringLiteral("ob-%1").arg(id)));
            add(store.reply(id, QStringLiteral("reply to %1").arg(id)));
            add(store.bookAppointment(id, QStringLiteral("2026-06-%1 10:30").arg(id % 28 + 1, 2, 10, QLatin1Char('0')),
                                      QStringLiteral("Demo %1").arg(id)));
            add(store.editTag(id, OutboxStore::TagAction::Remove, QStringLiteral("ob-%1").arg(id)));
        }
        add(store.bulkStage({1, 2, 3}, QStringLiteral("closed")));
        for (qint64 id : {1, 2, 3})
            expected.finalStatus.insert(id, QStringLiteral("closed"));
        add(store.bulkTag({4, 5, 6}, OutboxStore::TagAction::Add, QStringLiteral("ob-bulk")));
        add(store.bulkMessage({7, 8}, QStringLiteral("Hi {first_name}, offer inside")));
        return expected;
    }

    static void setFaults(SimFixture &sim, double rate, bool legacy, const QStringList &kinds)
    {
        const QJsonValue answer = sim.admin("POST", QStringLiteral("/__sim/config"),
                                            {{QStringLiteral("fault_rate"), rate},
                                             {QStringLiteral("faults"), QJsonArray::fromStringList(kinds)},
                                             {QStringLiteral("legacy"), legacy}});
        QVERIFY(answer.isObject());
    }

    // Ledger entries that acted (not a replayed answer), by idempotency key.
    static QHash<QString, QList<qint64>> appliedByKey(SimFixture &sim)
    {
        QHash<QString, QList<qint64>> applied;
        for (const QJsonValue &value : sim.ledger(0)) {
            const QJsonObject e = value.toObject();
            const QString key = e.value(QStringLiteral("idempotency_key")).toString();
            if (key.isEmpty() || e.value(QStringLiteral("mutation")).isNull() ||
                e.value(QStringLiteral("replayed")).toBool())
                continue;
            applied[key] << e.value(QStringLiteral("seq")).toInteger();
        }
        return applied;
    }

    static void checkExactlyOnceInOrder(SimFixture &sim, OutboxStore &store, const QList<qint64> &rows)
    {
        const QHash<QString, QList<qint64>> applied = appliedByKey(sim);
        QHash<qint64, qint64> lastSeqOfLead;
        for (qint64 rowId : rows) {
            const auto row = store.row(rowId).value();
            QVERIFY(row);
            QCOMPARE(OutboxRow::stateName(row->state), QStringLiteral("done"));
            const QList<qint64> seqs = applied.value(row->idempotencyKey);
            QVERIFY2(
                seqs.size() == 1,
                qPrintable(
                    QStringLiteral("row %1 (%2) acted %3 times").arg(rowId).arg(row->describe()).arg(seqs.size())));
            for (qint64 lead : row->leadIds) {
                QVERIFY2(seqs.first() > lastSeqOfLead.value(lead, 0),
                         qPrintable(QStringLiteral("row %1 acted out of order on lead %2").arg(rowId).arg(lead)));
                lastSeqOfLead[lead] = seqs.first();
            }
        }
    }

    static QHash<qint64, LeadDetail> serverDetails(SimFixture &sim)
    {
        QHash<qint64, LeadDetail> out;
        const QJsonValue exported = sim.admin("GET", QStringLiteral("/__sim/export"));
        for (const QJsonValue &value : exported.toObject().value(QStringLiteral("leads")).toArray()) {
            auto detail = LeadCodec::detailFromJson(value.toObject());
            if (detail)
                out.insert(detail->lead.id, *detail);
        }
        return out;
    }

    static void checkServerState(SimFixture &sim, const Expected &expected, int leads)
    {
        const QHash<qint64, LeadDetail> server = serverDetails(sim);
        for (qint64 id = 1; id <= leads; ++id) {
            const LeadDetail &d = server.value(id);
            QCOMPARE(d.lead.status.toString(), expected.finalStatus.value(id));
            QVERIFY(!d.lead.tags.contains(QStringLiteral("ob-%1").arg(id)));
            const auto notes = std::count_if(d.notes.begin(), d.notes.end(), [id](const Note &n) {
                return n.text == QStringLiteral("note for %1").arg(id);
            });
            QCOMPARE(notes, 1);
            const auto replies = std::count_if(d.messages.begin(), d.messages.end(), [id](const Message &m) {
                return m.text == QStringLiteral("reply to %1").arg(id);
            });
            QCOMPARE(replies, 1);
            const auto booked = std::count_if(d.appointments.begin(), d.appointments.end(), [id](const Appointment &a) {
                return a.service == QStringLiteral("Demo %1").arg(id);
            });
            QCOMPARE(booked, 1);
        }
        for (qint64 id : {4, 5, 6})
            QVERIFY(server.value(id).lead.tags.contains(QStringLiteral("ob-bulk")));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void exactlyOnceUnderFaults_data()
    {
        QTest::addColumn<bool>("legacy");
        QTest::newRow("idempotency keys honoured") << false;
        QTest::newRow("legacy: keys ignored") << true;
    }

    void exactlyOnceUnderFaults()
    {
        QFETCH(bool, legacy);
        SimFixture sim;
        QVERIFY2(sim.start(simOptions()), qPrintable(sim.errorString()));
        const QString cache = newCache(sim);
        auto db = Database::open(cache);
        QVERIFY(db.ok());
        OutboxStore store(*db);
        const int leads = 8;
        const Expected expected = queueMixed(store, leads);

        setFaults(sim, 0.3, legacy,
                  {QStringLiteral("drop-after-apply"), QStringLiteral("500"), QStringLiteral("slow")});
        Client client = makeClient(sim, cache);
        QCOMPARE(drain(*client.replayer), OutboxReplayer::Outcome::Drained);
        setFaults(sim, 0, false, {});
        QCOMPARE(store.counts()->open(), 0);
        QVERIFY(client.replayer->stats().transientFailures > 0);
        int droppedAfterActing = 0; // the hard case did happen: acted, then no answer
        for (const QJsonValue &e : sim.ledger(0)) {
            const QJsonObject o = e.toObject();
            droppedAfterActing +=
                o.value(QStringLiteral("fault")).toString() == QLatin1StringView("drop-after-apply") &&
                !o.value(QStringLiteral("mutation")).isNull();
        }
        QVERIFY(droppedAfterActing > 0);

        checkExactlyOnceInOrder(sim, store, expected.rows);
        checkServerState(sim, expected, leads);
        // The cache shows the service's copies, no longer the queued ones.
        auto detail = store.leads().detail(1).value();
        QVERIFY(detail);
        for (const Note &note : detail->notes)
            QVERIFY(!note.id.startsWith(QStringLiteral("outbox:")));
    }

    void conflictsAreShownAndResolved()
    {
        SimFixture sim;
        QVERIFY2(sim.start(simOptions()), qPrintable(sim.errorString()));
        const QString cache = newCache(sim);
        auto db = Database::open(cache);
        QVERIFY(db.ok());
        OutboxStore store(*db);
        // Offline here, and another agent there, on the same two leads.
        auto mine = store.setStatus(5, QStringLiteral("qualified"));
        auto theirs = store.setStatus(6, QStringLiteral("qualified"));
        auto tag = store.editTag(7, OutboxStore::TagAction::Add, QStringLiteral("mine"));
        QVERIFY(mine && theirs && tag);
        for (qint64 id : {5, 6})
            QVERIFY(sim.admin("PATCH", QStringLiteral("/__sim/leads/%1").arg(id),
                              {{QStringLiteral("status"), QStringLiteral("lost")}})
                        .isObject());
        QVERIFY(sim.admin("PATCH", QStringLiteral("/__sim/leads/7"),
                          {{QStringLiteral("tags"), QJsonArray{QStringLiteral("theirs")}}})
                    .isObject());
        const qint64 before = sim.ledgerHead();

        Client client = makeClient(sim, cache);
        QCOMPARE(replayOnce(*client.replayer), OutboxReplayer::Outcome::NeedsPerson);
        QCOMPARE(store.counts()->conflicts, 3);
        const auto conflict = store.row(*mine).value();
        QCOMPARE(conflict->state, OutboxRow::State::Conflict);
        const QJsonObject status = conflict->conflict.value(QStringLiteral("status")).toObject();
        QCOMPARE(status.value(QStringLiteral("theirs")).toString(), QStringLiteral("lost"));
        QCOMPARE(status.value(QStringLiteral("mine")).toString(), QStringLiteral("qualified"));
        QVERIFY(!status.value(QStringLiteral("base")).toString().isEmpty());
        for (const QJsonValue &e : sim.ledger(before)) // nothing was sent over their change
            QCOMPARE(e.toObject().value(QStringLiteral("method")).toString(), QStringLiteral("GET"));

        QVERIFY(store.resolveConflict(*mine, OutboxStore::Resolution::Mine).ok());
        QVERIFY(store.resolveConflict(*theirs, OutboxStore::Resolution::Theirs).ok());
        QVERIFY(store.resolveConflict(*tag, OutboxStore::Resolution::Mine).ok());
        QCOMPARE(replayOnce(*client.replayer), OutboxReplayer::Outcome::Drained);
        const QHash<qint64, LeadDetail> server = serverDetails(sim);
        QCOMPARE(server.value(5).lead.status.toString(), QStringLiteral("qualified"));
        QCOMPARE(server.value(6).lead.status.toString(), QStringLiteral("lost"));
        QCOMPARE(server.value(7).lead.tags, (QStringList{QStringLiteral("theirs"), QStringLiteral("mine")}));
        QCOMPARE((*store.leads().lead(6))->status.toString(), QStringLiteral("lost"));
        QCOMPARE((*store.leads().lead(5))->status.toString(), QStringLiteral("qualified"));
    }

    void conflictFromA409()
    {
        SimFixture sim;
        QVERIFY2(sim.start(simOptions()), qPrintable(sim.errorString()));
        const QString cache = newCache(sim);
        auto db = Database::open(cache);
        OutboxStore store(*db);
        const QJsonObject created =
            sim.api("POST", QStringLiteral("/campaigns"),
                    {{QStringLiteral("name"), QStringLiteral("c")},
                     {QStringLiteral("filters"), QJsonObject{{QStringLiteral("status"), QStringLiteral("lost")}}},
                     {QStringLiteral("message"), QStringLiteral("m")}})
                .json.value(QStringLiteral("campaign"))
                .toObject();
        const qint64 id = created.value(QStringLiteral("id")).toInteger();
        QVERIFY(id > 0);
        QCOMPARE(sim.api("POST", QStringLiteral("/campaigns/%1/send").arg(id)).status, 200);
        auto row = store.sendCampaign(id);
        Client client = makeClient(sim, cache);
        QCOMPARE(replayOnce(*client.replayer), OutboxReplayer::Outcome::NeedsPerson);
        QCOMPARE(store.row(*row).value()->state, OutboxRow::State::Conflict);
        QCOMPARE(store.conflicts()->size(), 1);
    }

    // Bulk stage and tags are compared lead by lead: a lead changed on the
    // service since queueing is a conflict for that lead; the rest are sent.
    void bulkConflictsPerLead()
    {
        SimFixture sim;
        QVERIFY2(sim.start(simOptions()), qPrintable(sim.errorString()));
        const QString cache = newCache(sim);
        auto db = Database::open(cache);
        QVERIFY(db.ok());
        OutboxStore store(*db);
        const QHash<qint64, LeadDetail> start = serverDetails(sim);
        QString target;
        for (const LeadStatus &status : LeadStatus::pipeline()) {
            bool used = false;
            for (qint64 id = 11; id <= 15; ++id)
                used = used || start.value(id).lead.status == status;
            if (!used && status.toString() != QLatin1StringView("lost")) {
                target = status.toString();
                break;
            }
        }
        QVERIFY(!target.isEmpty());
        auto stage = store.bulkStage({11, 12, 13, 14, 15}, target);
        auto tags = store.bulkTag({16, 17, 18}, OutboxStore::TagAction::Add, QStringLiteral("bulk-mine"));
        QVERIFY(stage && tags);
        for (qint64 id : {12, 14})
            QVERIFY(sim.admin("PATCH", QStringLiteral("/__sim/leads/%1").arg(id),
                              {{QStringLiteral("status"), QStringLiteral("lost")}})
                        .isObject());
        QVERIFY(sim.admin("PATCH", QStringLiteral("/__sim/leads/17"),
                          {{QStringLiteral("tags"), QJsonArray{QStringLiteral("theirs")}}})
                    .isObject());
        const qint64 before = sim.ledgerHead();

        Client client = makeClient(sim, cache);
        QCOMPARE(replayOnce(*client.replayer), OutboxReplayer::Outcome::NeedsPerson);
        QCOMPARE(store.counts()->conflicts, 2);
        QHash<qint64, LeadDetail> server = serverDetails(sim);
        for (qint64 id : {11, 13, 15})
            QCOMPARE(server.value(id).lead.status.toString(), target);
        for (qint64 id : {12, 14})
            QCOMPARE(server.value(id).lead.status.toString(), QStringLiteral("lost"));
        for (qint64 id : {16, 18})
            QVERIFY(server.value(id).lead.tags.contains(QStringLiteral("bulk-mine")));
        QCOMPARE(server.value(17).lead.tags, QStringList{QStringLiteral("theirs")});
        int posts = 0;
        for (const QJsonValue &e : sim.ledger(before))
            posts += e.toObject().value(QStringLiteral("method")).toString() == QLatin1StringView("POST");
        QCOMPARE(posts, 2); // one request per bulk row, for the leads without a conflict

        // The conflicts name each lead with its three values.
        const auto staged = store.row(*stage).value();
        QCOMPARE(staged->state, OutboxRow::State::Conflict);
        QCOMPARE(staged->leadIds, (QList<qint64>{12, 14}));
        const QJsonObject field = staged->conflict.value(QStringLiteral("status (lead 12)")).toObject();
        QCOMPARE(field.value(QStringLiteral("theirs")).toString(), QStringLiteral("lost"));
        QCOMPARE(field.value(QStringLiteral("mine")).toString(), target);
        QCOMPARE(field.value(QStringLiteral("base")).toString(), start.value(12).lead.status.toString());
        QCOMPARE(store.row(*tags).value()->leadIds, QList<qint64>{17});
        // The cache still shows what the person wants on the leads in conflict.
        QCOMPARE((*store.leads().lead(12))->status.toString(), target);

        QVERIFY(store.resolveConflict(*stage, OutboxStore::Resolution::Mine).ok());
        QVERIFY(store.resolveConflict(*tags, OutboxStore::Resolution::Theirs).ok());
        QCOMPARE(replayOnce(*client.replayer), OutboxReplayer::Outcome::Drained);
        server = serverDetails(sim);
        for (qint64 id : {11, 12, 13, 14, 15})
            QCOMPARE(server.value(id).lead.status.toString(), target);
        QCOMPARE(server.value(17).lead.tags, QStringList{QStringLiteral("theirs")});
        QCOMPARE((*store.leads().lead(17))->tags, QStringList{QStringLiteral("theirs")});
        QCOMPARE(store.counts()->open(), 0);
        // Each part acted once, under its own key.
        const auto applied = appliedByKey(sim);
        QCOMPARE(applied.value(store.row(*stage).value()->idempotencyKey).size(), 1);
    }

    void unauthorizedKeepsEveryRowAndForbiddenIsNotAllowed()
    {
        SimOptions options = simOptions();
        options.plan = sim::SimOptions::Plan::Basic;
        SimFixture sim;
        QVERIFY2(sim.start(options), qPrintable(sim.errorString()));
        const QString cache = newCache(sim);
        auto db = Database::open(cache);
        OutboxStore store(*db);
        auto bulk = store.bulkStage({1, 2}, QStringLiteral("closed"));
        auto note = store.addNote(3, QStringLiteral("kept"));

        Client refused = makeClient(sim, cache, QStringLiteral("lp_00000000000000000000000000000000"));
        QCOMPARE(replayOnce(*refused.replayer), OutboxReplayer::Outcome::AuthNeeded);
        QCOMPARE(store.counts()->pending, 2);
        QCOMPARE(store.rows()->size(), 2);

        Client client = makeClient(sim, cache);
        QCOMPARE(replayOnce(*client.replayer), OutboxReplayer::Outcome::NeedsPerson);
        QCOMPARE(store.row(*bulk).value()->state, OutboxRow::State::NotAllowed);
        QVERIFY(store.row(*bulk).value()->lastError.contains(QStringLiteral("Premium")));
        QCOMPARE(store.row(*note).value()->state, OutboxRow::State::Done);
    }

    // For i = 1, 2, ...: the i-th SQLite write of a replay fails, then a run
    // without the fault; every i ends as a run without faults does.
    void failEveryWriteStep()
    {
#ifdef OUTPOST_TEST_HOOKS
        for (int i = 1;; ++i) {
            SimFixture sim;
            QVERIFY2(sim.start(simOptions(12)), qPrintable(sim.errorString()));
            const QString cache = newCache(sim);
            auto db = Database::open(cache);
            OutboxStore store(*db);
            const Expected expected = queueMixed(store, 2);
            Client client = makeClient(sim, cache);
            Database::failNthWrite(i);
            replayOnce(*client.replayer);
            const bool fired = Database::writesSinceArmed() >= i;
            Database::failNthWrite(0);
            QCOMPARE(drain(*client.replayer), OutboxReplayer::Outcome::Drained);
            checkExactlyOnceInOrder(sim, store, expected.rows);
            checkServerState(sim, expected, 2);
            if (QTest::currentTestFailed() || !fired)
                break;
        }
#else
        QSKIP("needs OUTPOST_TEST_HOOKS");
#endif
    }

    // The same with the i-th answer lost after the server acted.
    void failEveryRequestStep()
    {
#ifdef OUTPOST_TEST_HOOKS
        for (int i = 1;; ++i) {
            SimFixture sim;
            QVERIFY2(sim.start(simOptions(12)), qPrintable(sim.errorString()));
            const QString cache = newCache(sim);
            auto db = Database::open(cache);
            OutboxStore store(*db);
            const Expected expected = queueMixed(store, 2);
            Client client = makeClient(sim, cache);
            client.api->failNthAnswer(i, ApiError::network(QStringLiteral("injected: connection lost"), true));
            replayOnce(*client.replayer);
            const bool fired = client.api->answersSinceArmed() >= i;
            client.api->failNthAnswer(0, {});
            QCOMPARE(drain(*client.replayer), OutboxReplayer::Outcome::Drained);
            checkExactlyOnceInOrder(sim, store, expected.rows);
            checkServerState(sim, expected, 2);
            if (QTest::currentTestFailed() || !fired)
                break;
        }
#else
        QSKIP("needs OUTPOST_TEST_HOOKS");
#endif
    }
};

QTEST_GUILESS_MAIN(TestOutboxReplay)
#include "tst_outboxreplay.moc"
