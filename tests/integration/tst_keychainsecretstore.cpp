#include "secrets/KeychainSecretStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace outpost;

namespace {

constexpr int kWaitMs = 60000;

// The child mode: a process started by the test with a session bus that leads
// nowhere (or nowhere yet). It writes one secret and prints the outcome.
const char *const kChildMode = "OUTPOST_KEYCHAIN_CHILD";

Result<QString, SecretError> readNow(SecretStore &store, const QString &key)
{
    std::optional<Result<QString, SecretError>> answer;
    QObject context;
    store.read(key, &context, [&](Result<QString, SecretError> r) { answer = std::move(r); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, kWaitMs))
        return SecretError{SecretError::Kind::Other, QStringLiteral("test: no answer")};
    return *answer;
}

Result<void, SecretError> writeNow(SecretStore &store, const QString &key, const QString &secret)
{
    std::optional<Result<void, SecretError>> answer;
    QObject context;
    store.write(key, secret, &context, [&](Result<void, SecretError> r) { answer = std::move(r); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, kWaitMs))
        return SecretError{SecretError::Kind::Other, QStringLiteral("test: no answer")};
    return *answer;
}

Result<void, SecretError> removeNow(SecretStore &store, const QString &key)
{
    std::optional<Result<void, SecretError>> answer;
    QObject context;
    store.remove(key, &context, [&](Result<void, SecretError> r) { answer = std::move(r); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, kWaitMs))
        return SecretError{SecretError::Kind::Other, QStringLiteral("test: no answer")};
    return *answer;
}

QString kindName(SecretError::Kind kind)
{
    switch (kind) {
    case SecretError::Kind::NotFound:
        return QStringLiteral("NotFound");
    case SecretError::Kind::Unavailable:
        return QStringLiteral("Unavailable");
    case SecretError::Kind::Locked:
        return QStringLiteral("Locked");
    case SecretError::Kind::Other:
        break;
    }
    return QStringLiteral("Other");
}

// What secret-tool (libsecret's own client) finds under the key: proof that
// the item is in the Secret Service, not somewhere of ours.
struct Lookup
{
    int code = -1;
    QByteArray out;
};

Lookup secretTool(const QString &key)
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"),
                                            SecretStore::serviceName(), QStringLiteral("user"), key});
    if (!p.waitForFinished(30000))
        return {};
    return {p.exitCode(), p.readAllStandardOutput()};
}

int runChild()
{
    KeychainPatience patience;
    patience.budget = std::chrono::milliseconds(qEnvironmentVariableIntValue("OUTPOST_KEYCHAIN_BUDGET_MS"));
    patience.stallNotice = std::chrono::milliseconds(500);
    KeychainSecretStore store(patience);
    int waits = 0;
    QObject::connect(&store, &KeychainSecretStore::waitingForKeychain, [&](const QString &) { ++waits; });
    QTextStream out(stdout);
    const QString key = qEnvironmentVariable("OUTPOST_KEYCHAIN_KEY");
    store.write(key, QStringLiteral("child-secret"), &store, [&](Result<void, SecretError> r) {
        out << (r ? QStringLiteral("ok") : kindName(r.error().kind)) << '\n'
            << QStringLiteral("waits=%1\n").arg(waits) << (r ? QString() : r.error().message) << '\n';
        out.flush();
        QCoreApplication::exit(r ? 0 : 1);
    });
    return QCoreApplication::exec();
}

} // namespace

// The product's SecretStore against the real Secret Service: gnome-keyring in
// the private session of tests/run-headless.sh.
class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private:
    static QString uniqueKey() { return SecretStore::apiKeyName(QUuid::createUuid()); }

    struct ChildRun
    {
        int code = -1;
        QStringList lines;
    };

    static QProcess *startChild(const QProcessEnvironment &env)
    {
        auto *p = new QProcess;
        p->setProcessEnvironment(env);
        p->setProgram(QCoreApplication::applicationFilePath());
        p->start();
        return p;
    }

    static ChildRun finishChild(QProcess *p)
    {
        ChildRun run;
        if (p->waitForFinished(kWaitMs) && p->exitStatus() == QProcess::NormalExit) {
            run.code = p->exitCode();
            run.lines = QString::fromUtf8(p->readAllStandardOutput()).split(u'\n');
        }
        delete p;
        return run;
    }

    static QProcessEnvironment childEnvironment(const QString &key, int budgetMs)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kChildMode), QStringLiteral("1"));
        env.insert(QStringLiteral("OUTPOST_KEYCHAIN_KEY"), key);
        env.insert(QStringLiteral("OUTPOST_KEYCHAIN_BUDGET_MS"), QString::number(budgetMs));
        return env;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty(),
                 "secret-tool (libsecret-tools) is needed to check the keychain from outside");
    }

    void writesReadsOverwritesAndRemoves()
    {
        KeychainSecretStore store;
        const QString key = uniqueKey();

        auto missing = readNow(store, key);
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, SecretError::Kind::NotFound);

        QVERIFY(writeNow(store, key, QStringLiteral("lp_first")));
        auto first = readNow(store, key);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QCOMPARE(*first, QStringLiteral("lp_first"));
        QCOMPARE(secretTool(key).code, 0);

        QVERIFY(writeNow(store, key, QStringLiteral("lp_second")));
        QCOMPARE(readNow(store, key).value(), QStringLiteral("lp_second"));

        QVERIFY(removeNow(store, key));
        auto gone = readNow(store, key);
        QVERIFY(!gone);
        QCOMPARE(gone.error().kind, SecretError::Kind::NotFound);
        QCOMPARE(secretTool(key).code, 1);
        // Removing what is not there is not an error: remove is what a person wants done.
        QVERIFY(removeNow(store, key));
    }

    void itemIsInTheSecretServiceUnderTheOutpostService()
    {
        KeychainSecretStore store;
        const QString key = uniqueKey();
        const QString secret = QStringLiteral("lp_0123456789abcdef0123456789abcdef");
        QVERIFY(writeNow(store, key, secret));
        const Lookup found = secretTool(key);
        QCOMPARE(found.code, 0);
        // Stored base64-encoded (binary mode, so a NUL survives).
        QCOMPARE(QByteArray::fromBase64(found.out.trimmed()), secret.toUtf8());
        QVERIFY(removeNow(store, key));
    }

    void workspacesAreIsolated()
    {
        KeychainSecretStore store;
        const QUuid a = QUuid::createUuid();
        const QUuid b = QUuid::createUuid();
        QVERIFY(writeNow(store, SecretStore::apiKeyName(a), QStringLiteral("key-of-a")));
        QVERIFY(writeNow(store, SecretStore::apiKeyName(b), QStringLiteral("key-of-b")));
        QVERIFY(writeNow(store, SecretStore::webhookSecretName(a, QStringLiteral("7")), QStringLiteral("whsec_a7")));

        QCOMPARE(readNow(store, SecretStore::apiKeyName(a)).value(), QStringLiteral("key-of-a"));
        QCOMPARE(readNow(store, SecretStore::apiKeyName(b)).value(), QStringLiteral("key-of-b"));
        QCOMPARE(readNow(store, SecretStore::webhookSecretName(a, QStringLiteral("7"))).value(),
                 QStringLiteral("whsec_a7"));
        QCOMPARE(readNow(store, SecretStore::webhookSecretName(b, QStringLiteral("7"))).error().kind,
                 SecretError::Kind::NotFound);

        QVERIFY(removeNow(store, SecretStore::apiKeyName(a)));
        QCOMPARE(readNow(store, SecretStore::apiKeyName(a)).error().kind, SecretError::Kind::NotFound);
        QCOMPARE(readNow(store, SecretStore::apiKeyName(b)).value(), QStringLiteral("key-of-b"));
        QVERIFY(removeNow(store, SecretStore::apiKeyName(b)));
        QVERIFY(removeNow(store, SecretStore::webhookSecretName(a, QStringLiteral("7"))));
    }

    void awkwardSecretsRoundTrip_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::newRow("unicode") << QStringLiteral("clé-ключ-鍵-🔑");
        QTest::newRow("nul inside") << (QStringLiteral("before") + QChar(0) + QStringLiteral("after"));
        QTest::newRow("leading nul") << (QString(QChar(0)) + QStringLiteral("x"));
        QTest::newRow("newlines and quotes") << QStringLiteral("a\nb\r\n\"c\"\t'd'");
        QTest::newRow("empty") << QString();
        QString big;
        big.reserve(1024 * 1024);
        for (int i = 0; big.size() < 1024 * 1024; ++i)
            big += QChar(u'a' + i % 26);
        QTest::newRow("1 MB") << big;
    }

    void awkwardSecretsRoundTrip()
    {
        QFETCH(QString, secret);
        KeychainSecretStore store;
        const QString key = uniqueKey();
        auto written = writeNow(store, key, secret);
        QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
        auto back = readNow(store, key);
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back->size(), secret.size());
        QCOMPARE(*back, secret);
        QVERIFY(removeNow(store, key));
    }

    void noAnswerAfterTheContextIsGone()
    {
        KeychainSecretStore store;
        const QString key = uniqueKey();
        bool called = false;
        auto *context = new QObject;
        store.write(key, QStringLiteral("x"), context, [&](Result<void, SecretError>) { called = true; });
        delete context;
        // A second request queued behind the first proves the first has ended.
        QVERIFY(removeNow(store, key));
        QVERIFY(!called);
    }

    void noSecretServiceGivesAClearError()
    {
        QProcessEnvironment env = childEnvironment(uniqueKey(), 1500);
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/outpost-bus"));
        const ChildRun run = finishChild(startChild(env));
        QCOMPARE(run.code, 1);
        QCOMPARE(run.lines.value(0), QStringLiteral("Unavailable"));
        const QString message = run.lines.value(2);
        QVERIFY2(message.contains(QStringLiteral("No keychain is reachable")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("Secret Service")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("Nothing was stored")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("To fix it")), qPrintable(message));
        // It waited (retried) before giving up, and said so once.
        QCOMPARE(run.lines.value(1), QStringLiteral("waits=1"));
    }

    // A keyring that is not up yet when the client starts (the plague of Qt
    // clients on Linux): the store waits and retries, says so once, and the
    // write lands as soon as the Secret Service appears. The child's bus
    // address leads nowhere until a private bus with an unlocked keyring is
    // linked into place.
    void keyringThatComesUpLateIsWaitedFor()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString home = dir.filePath(QStringLiteral("home"));
        const QString runtime = dir.filePath(QStringLiteral("runtime"));
        QVERIFY(QDir().mkpath(home) && QDir().mkpath(runtime));
        QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QString bus = dir.filePath(QStringLiteral("bus"));
        const QString realBus = dir.filePath(QStringLiteral("real-bus"));

        // A keyring of its own: not the one of the surrounding session.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
        env.remove(QStringLiteral("GNOME_KEYRING_CONTROL"));

        QProcessEnvironment childEnv = env;
        const QProcessEnvironment base = childEnvironment(uniqueKey(), 30000);
        for (const QString &name : base.keys()) {
            if (name.startsWith(QStringLiteral("OUTPOST_KEYCHAIN")))
                childEnv.insert(name, base.value(name));
        }
        const QString key = base.value(QStringLiteral("OUTPOST_KEYCHAIN_KEY"));
        childEnv.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + bus);
        QProcess *child = startChild(childEnv);

        QProcess daemon;
        daemon.setProcessEnvironment(env);
        daemon.start(QStringLiteral("dbus-daemon"),
                     {QStringLiteral("--session"), QStringLiteral("--nofork"),
                      QStringLiteral("--address=unix:path=") + realBus, QStringLiteral("--print-address=1")});
        QVERIFY(daemon.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(realBus), 10000);
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + realBus);

        QProcess keyring;
        keyring.setProcessEnvironment(env);
        keyring.start(QStringLiteral("gnome-keyring-daemon"),
                      {QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
        keyring.write("late-password");
        keyring.closeWriteChannel();
        QVERIFY(keyring.waitForFinished(20000));
        QCOMPARE(keyring.exitCode(), 0);
        // Long enough that the child has failed and retried at least once.
        QTest::qWait(1500);
        QVERIFY(QFile::link(realBus, bus));

        const ChildRun run = finishChild(child);
        QCOMPARE(run.lines.value(0), QStringLiteral("ok"));
        QCOMPARE(run.code, 0);
        QCOMPARE(run.lines.value(1), QStringLiteral("waits=1"));

        QProcess lookup;
        lookup.setProcessEnvironment(env);
        lookup.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"),
                                                     SecretStore::serviceName(), QStringLiteral("user"), key});
        QVERIFY(lookup.waitForFinished(20000));
        QCOMPARE(QByteArray::fromBase64(lookup.readAllStandardOutput().trimmed()), QByteArray("child-secret"));

        // The keyring daemon leaves with its bus.
        daemon.terminate();
        QVERIFY(daemon.waitForFinished(10000));
    }

    // A keyring that exists but is locked and would prompt (here: no login
    // keyring yet, so it asks to create one, on a display nobody sees): the
    // store gives up after its budget with a Locked error that says so,
    // instead of hanging for ever.
    void lockedKeyringIsNotWaitedForForever()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString home = dir.filePath(QStringLiteral("home"));
        const QString runtime = dir.filePath(QStringLiteral("runtime"));
        QVERIFY(QDir().mkpath(home) && QDir().mkpath(runtime));
        QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QString bus = dir.filePath(QStringLiteral("bus"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + bus);
        env.remove(QStringLiteral("GNOME_KEYRING_CONTROL"));

        QProcess daemon;
        daemon.setProcessEnvironment(env);
        daemon.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--session"), QStringLiteral("--nofork"),
                                                     QStringLiteral("--address=unix:path=") + bus});
        QVERIFY(daemon.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(bus), 10000);
        QProcess keyring;
        keyring.setProcessEnvironment(env);
        keyring.start(QStringLiteral("gnome-keyring-daemon"),
                      {QStringLiteral("--foreground"), QStringLiteral("--components=secrets")});
        QVERIFY(keyring.waitForStarted());

        QProcessEnvironment childEnv = env;
        const QProcessEnvironment base = childEnvironment(uniqueKey(), 2000);
        for (const QString &name : base.keys()) {
            if (name.startsWith(QStringLiteral("OUTPOST_KEYCHAIN")))
                childEnv.insert(name, base.value(name));
        }
        QElapsedTimer elapsed;
        elapsed.start();
        const ChildRun run = finishChild(startChild(childEnv));
        QCOMPARE(run.code, 1);
        QCOMPARE(run.lines.value(0), QStringLiteral("Locked"));
        QVERIFY2(run.lines.value(2).contains(QStringLiteral("did not answer within 2 seconds")),
                 qPrintable(run.lines.value(2)));
        QVERIFY2(run.lines.value(2).contains(QStringLiteral("Unlock it")), qPrintable(run.lines.value(2)));
        QVERIFY2(elapsed.elapsed() < 20000, "the budget was not kept");

        keyring.terminate();
        QVERIFY(keyring.waitForFinished(10000));
        daemon.terminate();
        QVERIFY(daemon.waitForFinished(10000));
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(kChildMode))
        return runChild();
    TestKeychainSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychainsecretstore.moc"
