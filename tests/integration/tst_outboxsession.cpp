#include "SimFixture.h"
#include "outbox/OutboxStore.h"
#include "storage/Database.h"
#include "sync/SyncSession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace outpost;
using outpost::test::SimFixture;

// What the desktop app wires: a SyncSession on its thread, and edits queued
// on this (the GUI) thread's own connection that the session sends.
class TestOutboxSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QString serverStatus(SimFixture &sim, qint64 id)
    {
        return sim.get(QStringLiteral("/lead/%1").arg(id))
            .json.value(QStringLiteral("lead"))
            .toObject()
            .value(QStringLiteral("status"))
            .toString();
    }

private slots:
    void sessionSendsQueuedEditsAndDrainsBeforeItPulls()
    {
        sim::SimOptions options = SimFixture::defaultOptions(30);
        options.rateLimit = 0;
        SimFixture sim;
        QVERIFY(sim.start(options));
        ApiConfig config;
        config.baseUrl = sim.baseUrl();
        config.clientId = sim.clientId();
        config.apiKey = sim.apiKey();
        const QString cache = m_dir.filePath(QStringLiteral("cache.sqlite"));
        SyncSession session(config, std::make_shared<RateBudget>(RateBudget::Limit{100000, 60000}, Clock::system()),
                            cache, m_dir.filePath(QStringLiteral("sync.lock")));
        SyncOptions syncOptions;
        syncOptions.details = SyncOptions::Details::None;
        syncOptions.snapshots = false;
        QSignalSpy finished(&session, &SyncSession::finished);
        session.start(syncOptions);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).value<SyncEngine::Outcome>(), SyncEngine::Outcome::Completed);

        auto db = Database::open(cache);
        QVERIFY(db.ok());
        OutboxStore store(*db);
        const QString target =
            serverStatus(sim, 3) == QLatin1StringView("lost") ? QStringLiteral("closed") : QStringLiteral("lost");
        QSignalSpy replayed(&session, &SyncSession::outboxReplayed);
        QSignalSpy counts(&session, &SyncSession::outboxCountsChanged);
        QVERIFY(store.setStatus(3, target).ok());
        QCOMPARE(store.counts()->pending, 1);
        session.replayOutbox();
        QVERIFY(replayed.wait(30000));
        QCOMPARE(replayed.first().at(0).value<OutboxReplayer::Outcome>(), OutboxReplayer::Outcome::Drained);
        QVERIFY(!counts.isEmpty());
        QCOMPARE(counts.last().at(0).toInt(), 0);
        QCOMPARE(serverStatus(sim, 3), target);

        // A sync run sends what is queued before it pulls.
        QVERIFY(store.addNote(4, QStringLiteral("written offline")).ok());
        replayed.clear();
        finished.clear();
        session.start(syncOptions);
        QVERIFY(finished.wait(60000));
        QCOMPARE(replayed.size(), 1);
        QCOMPARE(store.counts()->open(), 0);
        const QJsonArray notes = sim.get(QStringLiteral("/lead/4"))
                                     .json.value(QStringLiteral("lead"))
                                     .toObject()
                                     .value(QStringLiteral("notes"))
                                     .toArray();
        QCOMPARE(notes.last().toObject().value(QStringLiteral("text")).toString(), QStringLiteral("written offline"));
    }
};

QTEST_GUILESS_MAIN(TestOutboxSession)
#include "tst_outboxsession.moc"
