// outpostctl listen end to end: outpost-sim delivers signed events to the
// real binary, which verifies them with the webhook secret it reads from the
// real keychain and prints each accepted event as a JSON line.
#include "SimFixture.h"
#include "secrets/SecretStore.h"
#include "storage/Database.h"
#include "storage/LeadStore.h"
#include "storage/WebhookEventLog.h"
#include "webhooks/WebhookSignature.h"
#include "workspace/WorkspaceRegistry.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost;
using outpost::test::SimFixture;

class TestListen : public QObject
{
    Q_OBJECT

private:
    SimFixture m_sim;
    QTemporaryDir m_dir;
    QString m_profile;
    int m_counter = 0;

    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    static bool storeInKeychain(const QString &entry, const QByteArray &secret)
    {
        QProcess p;
        p.start(QStringLiteral("secret-tool"),
                {QStringLiteral("store"), QStringLiteral("--label=outpost test"), QStringLiteral("server"),
                 SecretStore::serviceName(), QStringLiteral("user"), entry, QStringLiteral("type"),
                 QStringLiteral("base64")});
        p.write(secret.toBase64());
        p.closeWriteChannel();
        return p.waitForFinished(30000) && p.exitCode() == 0;
    }

    static void clearKeychain(const QString &entry)
    {
        QProcess p;
        p.start(QStringLiteral("secret-tool"), {QStringLiteral("clear"), QStringLiteral("server"),
                                                SecretStore::serviceName(), QStringLiteral("user"), entry});
        p.waitForFinished(30000);
    }

    Workspace addWorkspace()
    {
        WorkspaceRegistry registry{Profile(m_profile)};
        Workspace w{QUuid(), QStringLiteral("Hooks"), m_sim.baseUrl(), m_sim.clientId()};
        return registry.add(w).value();
    }

    void startListener(QProcess &process, quint16 port, int count)
    {
        process.setProgram(qEnvironmentVariable("OUTPOSTCTL"));
        process.setArguments({QStringLiteral("--profile"), m_profile, QStringLiteral("listen"),
                              QStringLiteral("--port"), QString::number(port), QStringLiteral("--count"),
                              QString::number(count)});
        process.start();
        process.closeWriteChannel();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
    }

    void init() { m_profile = m_dir.filePath(QStringLiteral("profile-%1").arg(++m_counter)); }

    void simDeliveriesReachTheListener()
    {
        Workspace workspace = addWorkspace();
        const quint16 port = freePort();
        const QJsonObject webhook =
            m_sim
                .api("POST", QStringLiteral("/webhooks"),
                     {{QStringLiteral("name"), QStringLiteral("outpostctl listen")},
                      {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/hook").arg(port)},
                      {QStringLiteral("events"), QJsonArray{QStringLiteral("test"), QStringLiteral("note_added")}}})
                .json.value(QStringLiteral("webhook"))
                .toObject();
        const QString id = QString::number(webhook.value(QStringLiteral("id")).toInteger());
        const QByteArray secret = webhook.value(QStringLiteral("secret")).toString().toUtf8();
        QVERIFY(!secret.isEmpty());
        const QString entry = SecretStore::webhookSecretName(workspace.id, id);
        QVERIFY(storeInKeychain(entry, secret));
        workspace.webhookSecretIds = {id};
        QVERIFY(WorkspaceRegistry(Profile(m_profile)).update(workspace).ok());

        QProcess listener;
        startListener(listener, port, 2);
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += listener.readAllStandardError()).contains("Listening on"), 30000);

        // A forgery first: refused, and not counted as an event.
        const QByteArray forged = QByteArray("{\"id\":\"evt_forged\",\"event\":\"test\",\"timestamp\":\"") +
                                  QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toLatin1() + "\"}";
        const auto refused = m_sim.request(
            "POST", QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(port)), forged,
            {{"Content-Type", "application/json"}, {"X-Signature", WebhookSignature::sign("guessed", forged)}});
        QCOMPARE(refused.status, 401);

        QCOMPARE(m_sim.api("POST", QStringLiteral("/webhooks/%1/test").arg(id)).status, 200);
        QCOMPARE(
            m_sim.api("POST", QStringLiteral("/lead/3/note"), {{QStringLiteral("text"), QStringLiteral("hi")}}).status,
            200);
        QVERIFY(listener.waitForFinished(30000));
        QCOMPARE(listener.exitCode(), 0);
        const QList<QByteArray> lines = listener.readAllStandardOutput().trimmed().split('\n');
        err += listener.readAllStandardError();
        QCOMPARE(lines.size(), 2);
        QStringList events;
        for (const QByteArray &line : lines)
            events << QJsonDocument::fromJson(line).object().value(QStringLiteral("event")).toString();
        events.sort();
        QCOMPARE(events, (QStringList{QStringLiteral("note_added"), QStringLiteral("test")}));
        QVERIFY2(err.contains("Refused a delivery (BadSignature)"), err.constData());
        QVERIFY(!err.contains(secret) && !lines.join().contains(secret));

        // Applied to the workspace's cache: the lead the note came with, the note, both ids.
        QVERIFY2(err.contains("Notice: Note on"), err.constData());
        {
            auto cache = Database::open(Profile(m_profile).cachePath(workspace.id));
            QVERIFY(cache);
            const auto detail = LeadStore(*cache).detail(3);
            QVERIFY(detail && detail->has_value());
            QCOMPARE((*detail)->notes.size(), 1);
            QCOMPARE((*detail)->notes.first().text, QStringLiteral("hi"));
            QCOMPARE(*WebhookEventLog(*cache).size(), 2);
        }

        QTRY_COMPARE(m_sim.get(QStringLiteral("/webhooks/%1/deliveries").arg(id))
                         .json.value(QStringLiteral("deliveries"))
                         .toArray()
                         .size(),
                     2);
        // The webhook secret never reaches the profile.
        QDirIterator it(m_profile, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(secret) && !bytes.contains(secret.toBase64()), qPrintable(file.fileName()));
        }
        clearKeychain(entry);
        m_sim.api("DELETE", QStringLiteral("/webhooks/%1").arg(id));
    }

    void stopsCleanlyOnSigterm()
    {
        Workspace workspace = addWorkspace();
        const QString entry = SecretStore::webhookSecretName(workspace.id, QStringLiteral("9"));
        QVERIFY(storeInKeychain(entry, "whsec_stop"));
        workspace.webhookSecretIds = {QStringLiteral("9")};
        QVERIFY(WorkspaceRegistry(Profile(m_profile)).update(workspace).ok());
        QProcess listener;
        startListener(listener, 0, 0);
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += listener.readAllStandardError()).contains("Listening on"), 30000);
        listener.terminate();
        QVERIFY(listener.waitForFinished(30000));
        QCOMPARE(listener.exitStatus(), QProcess::NormalExit);
        QCOMPARE(listener.exitCode(), 0);
        err += listener.readAllStandardError();
        QVERIFY2(err.contains("Received 0 events"), err.constData());
        clearKeychain(entry);
    }

    void noSecretIsAClearError()
    {
        addWorkspace();
        QProcess listener;
        startListener(listener, 0, 1);
        QVERIFY(listener.waitForFinished(30000));
        QCOMPARE(listener.exitCode(), 1);
        const QString err = QString::fromUtf8(listener.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("no webhook secret")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestListen)
#include "tst_listen.moc"
