#include "HostileStrings.h"
#include "OutpostCtl.h"
#include "secrets/SecretStore.h"
#include "workspace/WorkspaceRegistry.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost;
using outpost::test::OutpostCtl;

namespace {

using Run = outpost::test::CtlResult;

// Recognisable keys: if any byte sequence of them lands on disk or in output, the tests find it.
const QString kFirstKey = QStringLiteral("lp_5ec2e7a11c0ffee0ddba11d00dcafe01");
const QString kSecondKey = QStringLiteral("lp_5ec2e7a22c0ffee0ddba11d00dcafe02");

} // namespace

// outpostctl's workspace commands as a person runs them: the real binary,
// a private profile, the real keychain (gnome-keyring in the private session
// of tests/run-headless.sh), checked from outside with secret-tool.
class TestWorkspaceCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_profile;
    int m_counter = 0;

    Run ctl(const QStringList &args, const QByteArray &stdinData = QByteArray(),
            const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        OutpostCtl runner(m_profile);
        runner.setEnvironment(env);
        runner.setTimeout(90000);
        return runner.run(args, stdinData);
    }

    Run add(const QString &name, const QString &key, const QStringList &extra = {})
    {
        return ctl(QStringList{QStringLiteral("workspace"), QStringLiteral("add"), name, QStringLiteral("--url"),
                               QStringLiteral("https://api.example.com"), QStringLiteral("--client-id"),
                               QStringLiteral("acme-1"),
                               // Keychain behaviour only: api.example.com is not a service to check keys with.
                               QStringLiteral("--no-verify")} +
                       extra,
                   key.toUtf8() + '\n');
    }

    QList<Workspace> workspaces() const { return WorkspaceRegistry(Profile(m_profile)).workspaces(); }

    // The secret as the Secret Service holds it, found by its attributes: nullopt when absent.
    static std::optional<QByteArray> keychainEntry(const QString &entry)
    {
        QProcess p;
        p.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"),
                                                SecretStore::serviceName(), QStringLiteral("user"), entry});
        if (!p.waitForFinished(30000) || p.exitCode() != 0)
            return std::nullopt;
        // QtKeychain stores binary-safe, base64-encoded.
        return QByteArray::fromBase64(p.readAllStandardOutput().trimmed());
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

    // Every byte sequence a secret could leave behind: UTF-8, UTF-16 and base64.
    static QList<QByteArray> footprints(const QString &secret)
    {
        const QByteArray utf8 = secret.toUtf8();
        const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
        return {utf8, utf16, utf8.toBase64(), utf8.toBase64(QByteArray::Base64UrlEncoding)};
    }

    // Every file under the profile (settings, caches, SQLite WAL included): none may hold the secret.
    void verifyNowhereInProfile(const QString &secret)
    {
        int files = 0;
        QDirIterator it(m_profile, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray bytes = file.readAll();
            ++files;
            for (const QByteArray &footprint : footprints(secret))
                QVERIFY2(!bytes.contains(footprint), qPrintable(QStringLiteral("the key is in %1").arg(path)));
        }
        QVERIFY2(files > 0, "the profile holds no file at all: nothing was checked");
    }

    static void verifyNotPrinted(const Run &run, const QString &secret)
    {
        QVERIFY2(!run.out.contains(secret) && !run.err.contains(secret), "outpostctl printed the key");
        QVERIFY(!run.out.contains(secret.mid(3, 20)) && !run.err.contains(secret.mid(3, 20)));
    }

    static QProcessEnvironment withoutKeychain()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/outpost-bus"));
        env.insert(QStringLiteral("OUTPOST_KEYCHAIN_TIMEOUT"), QStringLiteral("1"));
        return env;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty(), "secret-tool is needed");
    }

    void init() { m_profile = m_dir.filePath(QStringLiteral("profile-%1").arg(++m_counter)); }

    void addStoresTheKeyInTheKeychainOnly()
    {
        const Run r = add(QStringLiteral("Acme"), kFirstKey,
                          {QStringLiteral("--rate-per-hour"), QStringLiteral("1000"),
                           QStringLiteral("--signature-header"), QStringLiteral("X-Acme-Signature")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        verifyNotPrinted(r, kFirstKey);
        const QList<Workspace> all = workspaces();
        QCOMPARE(all.size(), 1);
        const Workspace &w = all.first();
        QCOMPARE(w.name, QStringLiteral("Acme"));
        QCOMPARE(w.baseUrl, QUrl(QStringLiteral("https://api.example.com")));
        QCOMPARE(w.clientId, QStringLiteral("acme-1"));
        QCOMPARE(w.service.rateLimit, 1000);
        QCOMPARE(w.service.rateWindowSeconds, 3600);
        QCOMPARE(w.service.signatureHeader, QStringLiteral("X-Acme-Signature"));

        QCOMPARE(keychainEntry(SecretStore::apiKeyName(w.id)).value_or(QByteArray()), kFirstKey.toUtf8());
        verifyNowhereInProfile(kFirstKey);
        QVERIFY(ctl({QStringLiteral("workspace"), QStringLiteral("remove"), QStringLiteral("Acme"),
                     QStringLiteral("--yes")})
                    .code == 0);
    }

    void keyIsTrimmedAndWarnedAbout()
    {
        const Run r = add(QStringLiteral("Spaces"), QStringLiteral("  lp_abc def  "));
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("whitespace")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("32 lowercase hex")), qPrintable(r.err));
        verifyNotPrinted(r, QStringLiteral("lp_abc def"));
        const Workspace w = workspaces().value(0);
        QCOMPARE(keychainEntry(SecretStore::apiKeyName(w.id)).value_or(QByteArray()), QByteArray("lp_abc def"));
        QVERIFY(ctl({QStringLiteral("workspace"), QStringLiteral("remove"), QStringLiteral("Spaces"),
                     QStringLiteral("--yes")})
                    .code == 0);
    }

    void listSaysWhetherAKeyIsStoredNeverWhichOne()
    {
        QCOMPARE(add(QStringLiteral("Acme"), kFirstKey).code, 0);
        QCOMPARE(add(QStringLiteral("Beta"), kSecondKey).code, 0);
        const Workspace beta = WorkspaceRegistry(Profile(m_profile)).find(QStringLiteral("Beta")).value();
        // A key deleted behind Outpost's back shows as missing.
        QProcess clear;
        clear.start(QStringLiteral("secret-tool"),
                    {QStringLiteral("clear"), QStringLiteral("server"), SecretStore::serviceName(),
                     QStringLiteral("user"), SecretStore::apiKeyName(beta.id)});
        QVERIFY(clear.waitForFinished(30000));

        Run r = ctl({QStringLiteral("workspace"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        verifyNotPrinted(r, kFirstKey);
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("Acme .* stored\\n"))), qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("Beta .* missing\\n"))), qPrintable(r.out));

        r = ctl({QStringLiteral("workspace"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        verifyNotPrinted(r, kFirstKey);
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Acme"));
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("key")).toString(), QStringLiteral("stored"));
        QCOMPARE(list.at(1).toObject().value(QStringLiteral("key")).toString(), QStringLiteral("missing"));
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("rate_limit")).toInt(), 100);

        for (const char *name : {"Acme", "Beta"})
            QCOMPARE(ctl({QStringLiteral("workspace"), QStringLiteral("remove"), QString::fromLatin1(name),
                          QStringLiteral("--yes")})
                         .code,
                     0);
    }

    void setKeyReplacesTheKey()
    {
        QCOMPARE(add(QStringLiteral("Acme"), kFirstKey).code, 0);
        const Workspace w = workspaces().value(0);
        const Run r = ctl({QStringLiteral("workspace"), QStringLiteral("set-key"), QStringLiteral("Acme"),
                           QStringLiteral("--no-verify")},
                          kSecondKey.toUtf8());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        verifyNotPrinted(r, kSecondKey);
        QCOMPARE(keychainEntry(SecretStore::apiKeyName(w.id)).value_or(QByteArray()), kSecondKey.toUtf8());
        verifyNowhereInProfile(kFirstKey);
        verifyNowhereInProfile(kSecondKey);
        // An empty key changes nothing.
        QCOMPARE(ctl({QStringLiteral("workspace"), QStringLiteral("set-key"), QStringLiteral("Acme")}, "\n").code, 1);
        QCOMPARE(keychainEntry(SecretStore::apiKeyName(w.id)).value_or(QByteArray()), kSecondKey.toUtf8());
        QCOMPARE(ctl({QStringLiteral("workspace"), QStringLiteral("remove"), QStringLiteral("Acme"),
                      QStringLiteral("--yes")})
                     .code,
                 0);
    }

    void removeDeletesEveryKeychainEntry()
    {
        QCOMPARE(add(QStringLiteral("Acme"), kFirstKey).code, 0);
        WorkspaceRegistry registry{Profile(m_profile)};
        Workspace w = registry.workspaces().value(0);
        // A webhook secret the workspace keeps (as `webhooks create` will record it).
        const QString webhookEntry = SecretStore::webhookSecretName(w.id, QStringLiteral("wh_1"));
        QVERIFY(storeInKeychain(webhookEntry, "whsec_5ec2e7"));
        w.webhookSecretIds = {QStringLiteral("wh_1")};
        QVERIFY(registry.update(w).ok());
        QVERIFY(keychainEntry(webhookEntry).has_value());

        // Not on a terminal and no --yes: nothing happens.
        Run r = ctl({QStringLiteral("workspace"), QStringLiteral("remove"), QStringLiteral("Acme")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--yes")), qPrintable(r.err));
        QCOMPARE(workspaces().size(), 1);
        QVERIFY(keychainEntry(SecretStore::apiKeyName(w.id)).has_value());

        r = ctl({QStringLiteral("workspace"), QStringLiteral("remove"), QStringLiteral("Acme"), QStringLiteral("--yes"),
                 QStringLiteral("--delete-cache")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(workspaces().isEmpty());
        QVERIFY(!keychainEntry(SecretStore::apiKeyName(w.id)).has_value());
        QVERIFY(!keychainEntry(webhookEntry).has_value());
        QVERIFY(!QFile::exists(Profile(m_profile).workspaceDirectory(w.id)));
        QCOMPARE(ctl({QStringLiteral("workspace"), QStringLiteral("remove"), QStringLiteral("Acme"),
                      QStringLiteral("--yes")})
                     .code,
                 1);
    }

    void noKeychainMeansNothingIsAdded()
    {
        const Run r = ctl({QStringLiteral("workspace"), QStringLiteral("add"), QStringLiteral("Acme"),
                           QStringLiteral("--url"), QStringLiteral("https://api.example.com"),
                           QStringLiteral("--client-id"), QStringLiteral("acme-1"), QStringLiteral("--no-verify")},
                          kFirstKey.toUtf8(), withoutKeychain());
        QCOMPARE(r.code, 1);
        verifyNotPrinted(r, kFirstKey);
        QVERIFY2(r.err.contains(QStringLiteral("No keychain is reachable")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("Secret Service")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("To fix it")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("was not added")), qPrintable(r.err));
        QVERIFY(workspaces().isEmpty());
        if (QFile::exists(m_profile))
            verifyNowhereInProfile(kFirstKey);
    }

    void listWithoutKeychainStillLists()
    {
        QCOMPARE(add(QStringLiteral("Acme"), kFirstKey).code, 0);
        const Run r =
            ctl({QStringLiteral("workspace"), QStringLiteral("list"), QStringLiteral("--json")}, {}, withoutKeychain());
        QCOMPARE(r.code, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().at(0).toObject().value(QStringLiteral("key")),
                 QJsonValue(QStringLiteral("unknown")));
        QVERIFY2(r.err.contains(QStringLiteral("No keychain is reachable")), qPrintable(r.err));
        QCOMPARE(ctl({QStringLiteral("workspace"), QStringLiteral("remove"), QStringLiteral("Acme"),
                      QStringLiteral("--yes")})
                     .code,
                 0);
    }

    void badInputAddsNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("code");
        const QStringList base{QStringLiteral("--url"), QStringLiteral("https://api.example.com"),
                               QStringLiteral("--client-id"), QStringLiteral("c")};
        auto with = [&](const QStringList &extra) {
            return QStringList{QStringLiteral("W")} + base + extra;
        };
        const QByteArray key = kFirstKey.toUtf8();
        QTest::newRow("no url") << QStringList{QStringLiteral("W"), QStringLiteral("--client-id"), QStringLiteral("c")}
                                << key << 2;
        QTest::newRow("no name") << base << key << 2;
        QTest::newRow("plain http elsewhere")
            << QStringList{QStringLiteral("W"), QStringLiteral("--url"), QStringLiteral("http://api.example.com"),
                           QStringLiteral("--client-id"), QStringLiteral("c")}
            << key << 2;
        QTest::newRow("not a url") << QStringList{QStringLiteral("W"), QStringLiteral("--url"), QStringLiteral("api"),
                                                  QStringLiteral("--client-id"), QStringLiteral("c")}
                                   << key << 2;
        QTest::newRow("client id with slash")
            << QStringList{QStringLiteral("W"), QStringLiteral("--url"), QStringLiteral("https://x.example"),
                           QStringLiteral("--client-id"), QStringLiteral("a/../b")}
            << key << 2;
        QTest::newRow("both rates") << with({QStringLiteral("--rate-per-minute"), QStringLiteral("10"),
                                             QStringLiteral("--rate-per-hour"), QStringLiteral("10")})
                                    << key << 2;
        QTest::newRow("zero rate") << with({QStringLiteral("--rate-per-minute"), QStringLiteral("0")}) << key << 2;
        QTest::newRow("text rate") << with({QStringLiteral("--rate-per-hour"), QStringLiteral("lots")}) << key << 2;
        QTest::newRow("bad header name") << with({QStringLiteral("--signature-header"), QStringLiteral("X Sig:")})
                                         << key << 2;
        QTest::newRow("missing ca file") << with({QStringLiteral("--ca-file"), QStringLiteral("/nonexistent.pem")})
                                         << key << 2;
        QTest::newRow("ca file not pem") << with({QStringLiteral("--ca-file"), QStringLiteral("/etc/hostname")}) << key
                                         << 2;
        QTest::newRow("empty key") << with({}) << QByteArray("\n") << 1;
        QTest::newRow("no stdin at all") << with({}) << QByteArray() << 1;
        QTest::newRow("control character in key") << with({})
                                                  << QByteArray("lp_abc\x01"
                                                                "def")
                                                  << 1;
        QTest::newRow("huge stdin") << with({}) << QByteArray(100 * 1024, 'k') << 1;
        QTest::newRow("name with a line break") << QStringList{QStringLiteral("W\nX")} + base << key << 2;
    }

    void badInputAddsNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, key);
        QFETCH(int, code);
        const Run r = ctl(QStringList{QStringLiteral("workspace"), QStringLiteral("add")} + args, key);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.startsWith(QStringLiteral("outpostctl: ")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        verifyNotPrinted(r, kFirstKey);
        QVERIFY(workspaces().isEmpty());
    }

    void duplicateNameIsRefused()
    {
        QCOMPARE(add(QStringLiteral("Acme"), kFirstKey).code, 0);
        const Workspace first = workspaces().value(0);
        const Run r = add(QStringLiteral("ACME"), kSecondKey);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("exists already")), qPrintable(r.err));
        QCOMPARE(workspaces().size(), 1);
        QCOMPARE(keychainEntry(SecretStore::apiKeyName(first.id)).value_or(QByteArray()), kFirstKey.toUtf8());
        QCOMPARE(ctl({QStringLiteral("workspace"), QStringLiteral("remove"), QStringLiteral("Acme"),
                      QStringLiteral("--yes")})
                     .code,
                 0);
    }

    void useChoosesTheDefault()
    {
        QCOMPARE(add(QStringLiteral("Acme"), kFirstKey).code, 0);
        QCOMPARE(add(QStringLiteral("Beta"), kSecondKey).code, 0);
        Run r = ctl({QStringLiteral("workspace"), QStringLiteral("use"), QStringLiteral("beta")});
        QCOMPARE(r.code, 0);
        QCOMPARE(WorkspaceRegistry(Profile(m_profile)).resolve(QString()).value().name, QStringLiteral("Beta"));
        r = ctl({QStringLiteral("workspace"), QStringLiteral("list")});
        QVERIFY2(r.out.contains(QStringLiteral("* Beta")), qPrintable(r.out));
        QCOMPARE(ctl({QStringLiteral("workspace"), QStringLiteral("use"), QStringLiteral("Gamma")}).code, 1);
        for (const char *name : {"Acme", "Beta"})
            QCOMPARE(ctl({QStringLiteral("workspace"), QStringLiteral("remove"), QString::fromLatin1(name),
                          QStringLiteral("--yes")})
                         .code,
                     0);
    }

    void hostileNamesStayOnTheirLine()
    {
        int added = 0;
        for (const auto &h : test::hostileStrings()) {
            if (!WorkspaceRegistry::validateName(h.text).ok())
                continue;
            QVERIFY2(add(h.text, kFirstKey).code == 0, h.label);
            ++added;
        }
        const Run r = ctl({QStringLiteral("workspace"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.count(u'\n'), added + 1);
        const QJsonArray json =
            QJsonDocument::fromJson(
                ctl({QStringLiteral("workspace"), QStringLiteral("list"), QStringLiteral("--json")}).out.toUtf8())
                .array();
        QCOMPARE(json.size(), added);
        for (const Workspace &w : workspaces())
            QCOMPARE(ctl({QStringLiteral("workspace"), QStringLiteral("remove"), w.name, QStringLiteral("--yes")}).code,
                     0);
    }

    void emptyProfileListsNothing()
    {
        Run r = ctl({QStringLiteral("workspace"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("No workspaces yet")), qPrintable(r.out));
        r = ctl({QStringLiteral("workspace"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 0);
    }

    void unknownSubcommandIsAUsageError()
    {
        QCOMPARE(ctl({QStringLiteral("workspace")}).code, 2);
        QCOMPARE(ctl({QStringLiteral("workspace"), QStringLiteral("frobnicate")}).code, 2);
        const Run help = ctl({QStringLiteral("workspace"), QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        for (const char *sub : {"add", "list", "remove", "set-key", "use"})
            QVERIFY2(help.out.contains(QLatin1StringView(sub)), sub);
        const Run addHelp = ctl({QStringLiteral("workspace"), QStringLiteral("add"), QStringLiteral("--help")});
        QCOMPARE(addHelp.code, 0);
        QVERIFY(addHelp.out.contains(QStringLiteral("--rate-per-hour")));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceCommands)
#include "tst_workspacecommands.moc"
