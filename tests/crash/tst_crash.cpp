#include "SimFixture.h"
#include "domain/LeadCodec.h"
#include "outbox/OutboxStore.h"
#include "storage/Database.h"
#include "workspace/WorkspaceRegistry.h"

#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace outpost;
using outpost::test::SimFixture;

// The outbox and the sync survive SIGKILL at any moment: outpostctl replay and
// outpostctl sync are killed again and again, restarted, and at the end every
// queued action acted exactly once, no row is lost, the cache file is sound
// and equals the server after a final sync.
class TestCrash : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int code = -1;
        QString err;
    };

    QTemporaryDir m_dir;
    QString m_profile;
    SimFixture m_sim;
    QString m_cache;
    int m_rounds = 20;
    QRandomGenerator m_random{20261123};

    Run ctl(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        p.setProgram(qEnvironmentVariable("OUTPOSTCTL"));
        p.setArguments(QStringList{QStringLiteral("--profile"), m_profile} + args);
        p.start();
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(240000)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardError())};
    }

    // Starts the command, SIGKILLs it after a random moment; true when it was
    // still running then (a real kill), false when it had ended by itself.
    bool killMidway(const QStringList &args, int maxDelayMs)
    {
        QProcess p;
        p.setProgram(qEnvironmentVariable("OUTPOSTCTL"));
        p.setArguments(QStringList{QStringLiteral("--profile"), m_profile} + args);
        p.start();
        if (!p.waitForStarted(10000))
            qFatal("outpostctl did not start");
        const int delay = 20 + int(m_random.bounded(maxDelayMs));
        if (p.waitForFinished(delay))
            return false;
        ::kill(pid_t(p.processId()), SIGKILL);
        p.waitForFinished(10000);
        return true;
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

    // 200 mixed actions over the first 40 leads, queued as the app does.
    QList<qint64> queueActions(int batch)
    {
        auto db = Database::open(m_cache);
        if (!db)
            qFatal("%s", qPrintable(db.error().message));
        OutboxStore store(*db);
        QList<qint64> rows;
        for (int i = 0; i < 200; ++i) {
            const qint64 lead = 1 + (i * 7 + batch) % 40;
            const QString text = QStringLiteral("b%1 a%2").arg(batch).arg(i);
            Result<qint64> row = makeError(QString());
            switch (i % 8) {
            case 0:
                row = store.setStatus(lead, nextStatus((*store.leads().lead(lead))->status.toString()));
                break;
            case 1:
                row = store.addNote(lead, text);
                break;
            case 2:
                row = store.reply(lead, text);
                break;
            case 3:
                row = store.bookAppointment(lead, QStringLiteral("2026-07-01 09:00"), text);
                break;
            case 4:
                row = store.editTag(lead, OutboxStore::TagAction::Add, text);
                break;
            case 5:
                row = store.editTag(lead, OutboxStore::TagAction::Remove, text);
                break;
            case 6:
                row = store.bulkStage({lead, lead % 40 + 1}, QStringLiteral("contacted"));
                break;
            default:
                row = store.bulkMessage({lead, lead % 40 + 1}, QStringLiteral("Hi {first_name} ") + text);
                break;
            }
            if (!row)
                qFatal("queueing failed: %s", qPrintable(row.error().message));
            rows << *row;
        }
        return rows;
    }

    QHash<QString, int> appliedByKey()
    {
        QHash<QString, int> applied;
        for (const QJsonValue &value : m_sim.ledger(0)) {
            const QJsonObject e = value.toObject();
            const QString key = e.value(QStringLiteral("idempotency_key")).toString();
            if (!key.isEmpty() && !e.value(QStringLiteral("mutation")).isNull() &&
                !e.value(QStringLiteral("replayed")).toBool())
                applied[key]++;
        }
        return applied;
    }

    void checkCacheFile()
    {
        auto db = Database::open(m_cache);
        QVERIFY(db.ok());
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    }

    void checkCacheEqualsServer()
    {
        const QJsonValue exported = m_sim.admin("GET", QStringLiteral("/__sim/export"));
        const QJsonArray leads = exported.toObject().value(QStringLiteral("leads")).toArray();
        auto db = Database::open(m_cache);
        QVERIFY(db.ok());
        LeadStore store(*db);
        QCOMPARE(store.totalCount().value(), qint64(leads.size()));
        for (const QJsonValue &value : leads) {
            auto server = LeadCodec::detailFromJson(value.toObject());
            QVERIFY(server.ok());
            auto cached = store.detail(server->lead.id);
            QVERIFY(cached.ok() && cached->has_value());
            QCOMPARE(LeadCodec::detailToJson(**cached), LeadCodec::detailToJson(*server));
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_rounds = qEnvironmentVariableIntValue("CRASH_ROUNDS") > 0 ? qEnvironmentVariableIntValue("CRASH_ROUNDS") : 20;
        sim::SimOptions options = SimFixture::defaultOptions(400);
        options.rateLimit = 0;
        QVERIFY2(m_sim.start(options), qPrintable(m_sim.errorString()));
        m_profile = m_dir.filePath(QStringLiteral("profile"));
        Run run = ctl({QStringLiteral("workspace"), QStringLiteral("add"), QStringLiteral("demo"),
                       QStringLiteral("--url"), m_sim.baseUrl().toString(), QStringLiteral("--client-id"),
                       m_sim.clientId(), QStringLiteral("--rate-per-minute"), QStringLiteral("100000")},
                      m_sim.apiKey().toUtf8() + '\n');
        QVERIFY2(run.code == 0, qPrintable(run.err));
        WorkspaceRegistry registry{Profile(m_profile)};
        auto workspace = registry.resolve(QStringLiteral("demo"));
        QVERIFY(workspace.ok());
        m_cache = registry.profile().cachePath(workspace->id);
    }

    void syncSurvivesKills()
    {
        int kills = 0;
        for (int round = 0; round < m_rounds; ++round)
            kills += killMidway({QStringLiteral("sync"), QStringLiteral("--full"), QStringLiteral("--details"),
                                 QStringLiteral("all")},
                                1500);
        qInfo() << kills << "of" << m_rounds << "syncs killed mid-run";
        QVERIFY(kills > 0);
        const Run run = ctl({QStringLiteral("sync"), QStringLiteral("--details"), QStringLiteral("all")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        checkCacheFile();
        checkCacheEqualsServer();
    }

    void replaySurvivesKills()
    {
        QList<qint64> rows = queueActions(0);
        int kills = 0, batch = 0;
        for (int round = 0; round < m_rounds; ++round) {
            if (killMidway({QStringLiteral("replay")}, 800))
                ++kills;
            else if (round + 1 < m_rounds)
                rows += queueActions(++batch); // drained: more work for the next kills
        }
        qInfo() << kills << "of" << m_rounds << "replays killed," << rows.size() << "actions queued";
        QVERIFY(kills > 0);
        Run run = ctl({QStringLiteral("replay")});
        QVERIFY2(run.code == 0, qPrintable(run.err));

        auto db = Database::open(m_cache);
        QVERIFY(db.ok());
        OutboxStore store(*db);
        const QHash<QString, int> applied = appliedByKey();
        for (qint64 id : std::as_const(rows)) {
            const auto row = store.row(id).value();
            QVERIFY2(row.has_value(), qPrintable(QStringLiteral("row %1 was lost").arg(id)));
            QVERIFY2(row->state == OutboxRow::State::Done,
                     qPrintable(QStringLiteral("row %1 is %2").arg(id).arg(OutboxRow::stateName(row->state))));
            QVERIFY2(applied.value(row->idempotencyKey) == 1,
                     qPrintable(QStringLiteral("row %1 (%2) acted %3 times")
                                    .arg(id)
                                    .arg(row->describe())
                                    .arg(applied.value(row->idempotencyKey))));
        }
        checkCacheFile();
        run = ctl({QStringLiteral("sync"), QStringLiteral("--details"), QStringLiteral("all")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        checkCacheFile();
        checkCacheEqualsServer();
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
