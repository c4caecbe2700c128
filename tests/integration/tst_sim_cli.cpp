// The outpost-sim executable: help, bad flags, standalone start on a random
// port, the key file and the ledger dump.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TstSimCli : public QObject
{
    Q_OBJECT

private:
    QString m_binary;
    QTemporaryDir m_dir;

    QString readLine(QProcess &process)
    {
        QElapsedTimer timer;
        timer.start();
        while (!process.canReadLine() && timer.elapsed() < 60000)
            process.waitForReadyRead(1000);
        return QString::fromUtf8(process.readLine()).trimmed();
    }
    int get(const QUrl &url, const QString &key)
    {
        QNetworkAccessManager network;
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + key.toUtf8());
        QNetworkReply *reply = network.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(10000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        delete reply;
        return status;
    }

private slots:
    void initTestCase()
    {
        m_binary = qEnvironmentVariable("OUTPOST_SIM");
        QVERIFY2(QFile::exists(m_binary), "OUTPOST_SIM must name the outpost-sim binary");
        QVERIFY(m_dir.isValid());
    }

    void helpNamesTheFlagsAndTheAdminEndpoints()
    {
        QProcess p;
        p.start(m_binary, {QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 0);
        const QString help = QString::fromUtf8(p.readAllStandardOutput());
        for (const char *flag : {"--port",
                                 "--db",
                                 "--leads",
                                 "--seed",
                                 "--plan",
                                 "--rate",
                                 "--rate-window",
                                 "--legacy",
                                 "--fault-rate",
                                 "--faults",
                                 "--activity",
                                 "--agents",
                                 "--signature-header",
                                 "--time-scale",
                                 "--client-id",
                                 "--key",
                                 "--key-out",
                                 "--print-port",
                                 "--dump-ledger",
                                 "/__sim/"})
            QVERIFY2(help.contains(QLatin1StringView(flag)), flag);
    }

    void badValuesAreRefusedClearly_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("plan") << QStringList{QStringLiteral("--plan"), QStringLiteral("gold")}
                              << QStringLiteral("--plan");
        QTest::newRow("rate") << QStringList{QStringLiteral("--rate"), QStringLiteral("many")}
                              << QStringLiteral("--rate");
        QTest::newRow("fault") << QStringList{QStringLiteral("--faults"), QStringLiteral("500,meteor")}
                               << QStringLiteral("meteor");
        QTest::newRow("agents") << QStringList{QStringLiteral("--agents"), QStringLiteral("11")}
                                << QStringLiteral("--agents");
        QTest::newRow("fault rate") << QStringList{QStringLiteral("--fault-rate"), QStringLiteral("2")}
                                    << QStringLiteral("--fault-rate");
    }
    void badValuesAreRefusedClearly()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        QProcess p;
        p.start(m_binary, args);
        QVERIFY(p.waitForFinished(20000));
        QVERIFY(p.exitCode() != 0);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(mentions));
    }

    void standaloneRunWritesTheKeyFileAndTheLedger()
    {
        const QString keyFile = m_dir.filePath(QStringLiteral("key"));
        const QString db = m_dir.filePath(QStringLiteral("sim.sqlite"));
        QProcess p;
        p.start(m_binary, {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--print-port"),
                           QStringLiteral("--leads"), QStringLiteral("50"), QStringLiteral("--key-out"), keyFile,
                           QStringLiteral("--db"), db, QStringLiteral("--client-id"), QStringLiteral("acme")});
        QVERIFY(p.waitForStarted());
        const QUrl base(readLine(p));
        QCOMPARE(base.scheme(), QStringLiteral("http"));
        QCOMPARE(base.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(base.port() > 0);
        QCOMPARE(readLine(p).toInt(), base.port());
        QVERIFY(QFile::exists(keyFile)); // written before the URL is printed
        QCOMPARE(QFile::permissions(keyFile) &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        QFile file(keyFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString key = QString::fromUtf8(file.readAll()).trimmed();
        QVERIFY(key.startsWith(QStringLiteral("lp_")));

        QUrl leads = base;
        leads.setPath(QStringLiteral("/crm/acme/leads"));
        QCOMPARE(get(leads, key), 200);
        QCOMPARE(get(leads, QStringLiteral("lp_wrong")), 401);
        p.terminate();
        QVERIFY(p.waitForFinished(10000));
        QVERIFY(!p.readAllStandardOutput().contains(key.toUtf8())); // the key went to the file only

        QProcess dump;
        dump.start(m_binary, {QStringLiteral("--dump-ledger"), QStringLiteral("--db"), db});
        QVERIFY(dump.waitForFinished(20000));
        QCOMPARE(dump.exitCode(), 0);
        const QList<QByteArray> lines = dump.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(QJsonDocument::fromJson(lines.at(0)).object().value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(QJsonDocument::fromJson(lines.at(1)).object().value(QStringLiteral("status")).toInt(), 401);
        QCOMPARE(QJsonDocument::fromJson(lines.at(0)).object().value(QStringLiteral("path")).toString(),
                 QStringLiteral("/crm/acme/leads"));
    }

    void printKeyPutsTheKeyOnStdout()
    {
        QProcess p;
        p.start(m_binary, {QStringLiteral("--leads"), QStringLiteral("5"), QStringLiteral("--print-key"),
                           QStringLiteral("--key"), QStringLiteral("lp_given")});
        QVERIFY(p.waitForStarted());
        QVERIFY(readLine(p).startsWith(QStringLiteral("http://127.0.0.1:")));
        QCOMPARE(readLine(p), QStringLiteral("lp_given"));
        p.terminate();
        QVERIFY(p.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(TstSimCli)
#include "tst_sim_cli.moc"
