#include "SessionSyncStatus.h"
#include "SimFixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace outpost;
using outpost::test::SimFixture;

// What the desktop app wires: a SyncSession on its thread, its status, and
// edits queued on this (the GUI) thread that the session sends.
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
    void editsReachTheServiceAndAreCounted()
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
        SessionSyncStatus status(&session, syncOptions, QDateTime());
        QSignalSpy finished(&session, &SyncSession::finished);
        status.syncNow();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).value<SyncEngine::Outcome>(), SyncEngine::Outcome::Completed);
        QVERIFY(status.canQueueEdits());
        LeadEdits *edits = status.edits();
        QVERIFY(edits);

        const QString target =
            serverStatus(sim, 3) == QLatin1StringView("lost") ? QStringLiteral("closed") : QStringLiteral("lost");
        QSignalSpy replayed(&session, &SyncSession::outboxReplayed);
        auto row = edits->setStatus(3, LeadStatus::fromString(target));
        QVERIFY(row.ok());
        QVERIFY(edits->isPending(3));
        QCOMPARE(status.pendingOutboxCount(), 1);
        QVERIFY(replayed.wait(30000)); // sent at once: online
        QTRY_COMPARE(status.pendingOutboxCount(), 0);
        QCOMPARE(serverStatus(sim, 3), target);
        QVERIFY(!edits->isPending(3));

        // Offline: queued and shown, sent by the next sync.
        status.setWorkingOffline(true);
        QVERIFY(edits->addNote(4, QStringLiteral("written offline")).ok());
        QCOMPARE(status.pendingOutboxCount(), 1);
        QVERIFY(edits->isPending(4));
        QTest::qWait(200);
        QCOMPARE(status.pendingOutboxCount(), 1);
        finished.clear();
        status.setWorkingOffline(false);
        QVERIFY(finished.wait(60000));
        QTRY_COMPARE(status.pendingOutboxCount(), 0);
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
