#include "OutpostCtl.h"
#include "SimFixture.h"
#include "domain/LeadCodec.h"
#include "domain/LeadStatus.h"
#include "outbox/OutboxStore.h"
#include "storage/Database.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace outpost;
using outpost::sim::SimOptions;
using outpost::test::OutpostCtl;
using outpost::test::SimFixture;

// The kill -9 harness: the real outpostctl, killed with SIGKILL at random
// moments while it replays the outbox and while it syncs, restarted each
// time, against outpost-sim with faults on. The server's ledger must hold
// every queued action exactly once (in queue order per lead), no outbox row
// may be lost, SQLite must stay intact, and after a last sync the cache must
// equal the server field by field. CRASH_ROUNDS sets the number of kills
// (20 by default; 100 by hand), CRASH_SEED replays a run.
class TestCrashReplay : public QObject
{
    Q_OBJECT

private:
    using Run = outpost::test::CtlResult;

    static constexpr int kActions = 200;
    static constexpr int kGroups = 4;
    static constexpr int kLeadsPerGroup = 6;
    static constexpr int kSimLeads = 300;

    QTemporaryDir m_dir;
    QString m_profile;
    QRandomGenerator m_random;
    int m_rounds = 20;

    Run ctl(const QStringList &args, const QByteArray &input = {}) const
    {
        return OutpostCtl(m_profile).run(args, input);
    }

    QString cachePath() const
    {
        QDirIterator it(m_profile, {QStringLiteral("cache.sqlite")}, QDir::Files, QDirIterator::Subdirectories);
        return it.hasNext() ? it.next() : QString();
    }

    static void setFaults(SimFixture &sim, double rate)
    {
        const QJsonValue answer =
            sim.admin("POST", QStringLiteral("/__sim/config"),
                      {{QStringLiteral("fault_rate"), rate},
                       {QStringLiteral("faults"), QJsonArray{QStringLiteral("drop-after-apply"), QStringLiteral("500"),
                                                             QStringLiteral("slow")}}});
        QVERIFY(answer.isObject());
    }

    // ---- The 200 actions ----

    static QString statusOtherThan(const QStringList &current, int salt)
    {
        const QList<LeadStatus> &pipeline = LeadStatus::pipeline();
        for (int i = 0; i < pipeline.size(); ++i) {
            const QString candidate = pipeline.at((i + salt) % pipeline.size()).toString();
            if (!current.contains(candidate))
                return candidate;
        }
        qFatal("no status left to move to");
    }

    static QString ids(const QList<qint64> &leads)
    {
        QStringList parts;
        for (qint64 id : leads)
            parts << QString::number(id);
        return parts.join(u',');
    }

    // Every action changes something on the server (a new status, a new tag,
    // a tag that is there), so each one leaves exactly one entry that acted.
    // The groups of leads take turns, so rows of different leads interleave.
    QList<QStringList> plannedCommands(SimFixture &sim)
    {
        QList<QList<QStringList>> groups(kGroups);
        QHash<qint64, QString> status;
        for (int c = 0; c < kGroups; ++c) {
            QList<qint64> leads;
            for (int i = 0; i < kLeadsPerGroup; ++i) {
                const qint64 id = 1 + c * kLeadsPerGroup + i;
                leads << id;
                status.insert(id, sim.get(QStringLiteral("/lead/%1").arg(id))
                                      .json.value(QStringLiteral("lead"))
                                      .toObject()
                                      .value(QStringLiteral("status"))
                                      .toString());
            }
            QList<QStringList> &out = groups[c];
            int step = 0;
            const auto single = [&](qint64 id) {
                const QString lead = QString::number(id);
                const QString tag = QStringLiteral("k%1-%2").arg(id).arg(step);
                switch (step++ % 7) {
                case 0:
                    status[id] = statusOtherThan({status.value(id)}, step);
                    out << QStringList{QStringLiteral("set-status"), lead, status.value(id)};
                    break;
                case 1:
                    out << QStringList{QStringLiteral("note"), lead, QStringLiteral("note %1 on %2").arg(step).arg(id)};
                    break;
                case 2:
                    out << QStringList{QStringLiteral("tag"), lead, QStringLiteral("add"), tag};
                    out << QStringList{QStringLiteral("reply"), lead,
                                       QStringLiteral("reply %1 to %2").arg(step).arg(id)};
                    out << QStringList{QStringLiteral("tag"), lead, QStringLiteral("remove"), tag};
                    break;
                case 3:
                    out << QStringList{QStringLiteral("book"), lead,
                                       QStringLiteral("2027-03-%1 %2:30")
                                           .arg(step % 28 + 1, 2, 10, QLatin1Char('0'))
                                           .arg(8 + step % 10, 2, 10, QLatin1Char('0')),
                                       QStringLiteral("Visit %1").arg(step)};
                    break;
                case 4: {
                    QList<qint64> group;
                    QStringList now;
                    for (int k = 0; k < 3; ++k) {
                        const qint64 other = leads.at((int(id) + k) % leads.size());
                        group << other;
                        now << status.value(other);
                    }
                    const QString to = statusOtherThan(now, step);
                    for (qint64 other : group)
                        status[other] = to;
                    out << QStringList{QStringLiteral("bulk-stage"), QStringLiteral("--ids"), ids(group), to};
                    break;
                }
                case 5:
                    out << QStringList{QStringLiteral("bulk-tag"), QStringLiteral("--ids"), ids(leads.mid(0, 4)),
                                       QStringLiteral("add"), QStringLiteral("bulk-%1-%2").arg(c).arg(step)};
                    break;
                default:
                    out << QStringList{QStringLiteral("bulk-message"), QStringLiteral("--ids"), ids(leads.mid(2, 3)),
                                       QStringLiteral("Hi {first_name}, update %1").arg(step)};
                    break;
                }
            };
            for (int i = 0; out.size() < kActions / kGroups; ++i)
                single(leads.at(i % leads.size()));
            while (out.size() > kActions / kGroups)
                out.removeLast();
        }
        QList<QStringList> commands;
        for (int i = 0; i < kActions / kGroups; ++i) {
            for (const QList<QStringList> &group : std::as_const(groups))
                commands << group.at(i);
        }
        return commands;
    }

    static QString commandLine(const QStringList &words)
    {
        QStringList quoted;
        for (const QString &word : words)
            quoted << (word.contains(u' ') || word.contains(u'{') ? u'"' + word + u'"' : word);
        return quoted.join(u' ');
    }

    // Queues the commands the way a script does: `outpostctl queue`, one
    // command a line on standard input; returns the rows it printed.
    QList<qint64> queueAll(const QList<QStringList> &commands)
    {
        QByteArray script;
        for (const QStringList &words : commands)
            script += commandLine(words).toUtf8() + '\n';
        const Run run = ctl({QStringLiteral("queue")}, script);
        if (run.code != 0)
            qFatal("queueing failed (%d): %s", run.code, qPrintable(run.err));
        QList<qint64> rows;
        static const QRegularExpression rowNumber(QStringLiteral("row (\\d+)"));
        for (auto it = rowNumber.globalMatch(run.out); it.hasNext();)
            rows << it.next().captured(1).toLongLong();
        return rows;
    }

    // ---- Killing ----

    // Starts outpostctl, kills it with SIGKILL after a random time; true when
    // it was still at work then.
    bool killedAtRandom(const QStringList &args)
    {
        auto p = OutpostCtl(m_profile).start(args);
        const int delayMs = 100 + int(m_random.bounded(1400));
        p->waitForFinished(delayMs);
        if (p->state() == QProcess::NotRunning)
            return false;
        p->kill(); // SIGKILL: no handler runs, nothing is flushed
        p->waitForFinished();
        return true;
    }

    void checkIntegrity()
    {
        auto db = Database::open(cachePath());
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    }

    int openRows()
    {
        auto db = Database::open(cachePath());
        if (!db)
            qFatal("cache: %s", qPrintable(db.error().message));
        OutboxStore store(*db);
        return store.counts().value().open();
    }

    Run untilExitZero(const QStringList &args, int tries = 5)
    {
        Run run;
        for (int i = 0; i < tries; ++i) {
            run = ctl(args);
            if (run.code == 0)
                break;
        }
        return run;
    }

    // ---- What must hold ----

    void checkLedgerExactlyOnce(SimFixture &sim, const QList<qint64> &rows)
    {
        QHash<QString, QList<qint64>> applied;
        for (const QJsonValue &value : sim.ledger(0)) {
            const QJsonObject e = value.toObject();
            const QString key = e.value(QStringLiteral("idempotency_key")).toString();
            if (key.isEmpty() || e.value(QStringLiteral("mutation")).toString().isEmpty() ||
                e.value(QStringLiteral("replayed")).toBool())
                continue;
            applied[key] << e.value(QStringLiteral("seq")).toInteger();
        }
        auto db = Database::open(cachePath());
        QVERIFY(db.ok());
        OutboxStore store(*db);
        QCOMPARE(store.rows(true).value().size(), rows.size()); // no row lost, none made up
        QHash<qint64, qint64> lastSeqOfLead;
        for (qint64 rowId : rows) {
            const auto row = store.row(rowId).value();
            QVERIFY2(row, qPrintable(QStringLiteral("outbox row %1 was lost").arg(rowId)));
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

    void checkCacheEqualsServer(SimFixture &sim)
    {
        QMap<qint64, QJsonObject> server;
        const QJsonValue exported = sim.admin("GET", QStringLiteral("/__sim/export"));
        for (const QJsonValue &value : exported.toObject().value(QStringLiteral("leads")).toArray()) {
            auto detail = LeadCodec::detailFromJson(value.toObject());
            QVERIFY2(detail.ok(), detail.ok() ? "" : qPrintable(detail.error().message));
            server.insert(detail->lead.id, LeadCodec::detailToJson(*detail));
        }
        QVERIFY(server.size() > kSimLeads / 2);
        auto db = Database::open(cachePath());
        QVERIFY(db.ok());
        LeadStore leads(*db);
        QCOMPARE(leads.totalCount().value(), qint64(server.size()));
        for (auto it = server.cbegin(); it != server.cend(); ++it) {
            auto detail = leads.detail(it.key());
            QVERIFY2(detail.ok() && detail->has_value(), qPrintable(QStringLiteral("lead %1").arg(it.key())));
            QCOMPARE(LeadCodec::detailToJson(**detail), it.value());
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo(qEnvironmentVariable("OUTPOSTCTL")).isExecutable(),
                 "OUTPOSTCTL must name the outpostctl binary");
        bool ok = false;
        const int rounds = qEnvironmentVariableIntValue("CRASH_ROUNDS", &ok);
        if (ok && rounds > 0)
            m_rounds = rounds;
        const quint32 seed = qEnvironmentVariableIsSet("CRASH_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("CRASH_SEED"))
                                 : QRandomGenerator::global()->generate();
        m_random.seed(seed);
        qInfo("crash harness: %d rounds, CRASH_SEED=%u", m_rounds, seed);
    }

    void killedReplayAndSyncLoseNothing()
    {
        SimOptions options = SimFixture::defaultOptions(kSimLeads);
        options.rateLimit = 0;
        options.timeScale = 0.02; // a slow answer takes 60 ms
        SimFixture sim;
        QVERIFY2(sim.start(options), qPrintable(sim.errorString()));
        m_profile = m_dir.filePath(QStringLiteral("profile"));
        Run run =
            OutpostCtl(m_profile).addWorkspace(QStringLiteral("crash"), sim.baseUrl(), sim.clientId(), sim.apiKey(),
                                               {QStringLiteral("--rate-per-minute"), QStringLiteral("100000")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        run = ctl({QStringLiteral("sync"), QStringLiteral("--details"), QStringLiteral("none")});
        QVERIFY2(run.code == 0, qPrintable(run.err));

        QElapsedTimer clock;
        clock.start();
        const QList<qint64> rows = queueAll(plannedCommands(sim));
        QCOMPARE(rows.size(), kActions);
        QCOMPARE(openRows(), kActions);
        qInfo("queued %d actions in %lld ms", kActions, clock.restart());

        // Replay, killed at random moments, with faults on.
        setFaults(sim, 0.2);
        int round = 0;
        int killedAtWork = 0;
        for (; round < m_rounds && openRows() > 0; ++round) {
            killedAtWork += killedAtRandom({QStringLiteral("replay")}) ? 1 : 0;
            checkIntegrity();
            if (QTest::currentTestFailed())
                return;
        }
        const int replayRounds = round;
        qInfo("replay: %d rounds, %d kills at work, %d rows still open, %lld ms", replayRounds, killedAtWork,
              openRows(), clock.restart());
        QVERIFY(killedAtWork > 0);
        setFaults(sim, 0);
        run = untilExitZero({QStringLiteral("replay")});
        QVERIFY2(run.code == 0, qPrintable(run.err + ctl({QStringLiteral("outbox")}).out));
        QCOMPARE(openRows(), 0);
        checkLedgerExactlyOnce(sim, rows);
        if (QTest::currentTestFailed())
            return;
        qInfo("drained in %lld ms", clock.restart());

        // Sync, killed mid-run as the server keeps changing.
        setFaults(sim, 0.2);
        int syncKills = 0;
        for (round = 0; round < std::max(3, m_rounds / 2); ++round) {
            QVERIFY(sim.admin("POST", QStringLiteral("/__sim/activity"), {{QStringLiteral("events"), 15}}).isObject());
            syncKills += killedAtRandom({QStringLiteral("sync"), QStringLiteral("--full"), QStringLiteral("--details"),
                                         QStringLiteral("all")})
                             ? 1
                             : 0;
            checkIntegrity();
            if (QTest::currentTestFailed())
                return;
        }
        qInfo("sync: %d rounds, %d kills at work, %lld ms", round, syncKills, clock.restart());
        QVERIFY(syncKills > 0);
        setFaults(sim, 0);
        run = untilExitZero(
            {QStringLiteral("sync"), QStringLiteral("--full"), QStringLiteral("--details"), QStringLiteral("all")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        qInfo("last sync in %lld ms", clock.restart());
        checkIntegrity();
        checkCacheEqualsServer(sim);
        checkLedgerExactlyOnce(sim, rows); // the syncs sent nothing again
    }
};

QTEST_GUILESS_MAIN(TestCrashReplay)
#include "tst_crashreplay.moc"
