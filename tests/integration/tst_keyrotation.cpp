#include "SimFixture.h"
#include "admin/KeyAdmin.h"
#include "admin/KeyRotation.h"
#include "api/ApiClient.h"
#include "secrets/KeychainSecretStore.h"
#include "workspace/WorkspaceRegistry.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace outpost;
using outpost::sim::SimOptions;
using outpost::test::SimFixture;

namespace {

// The real keychain, except that writes can be made to fail: the only way to
// make "store the new key" fail on purpose.
class WriteRefusingStore : public SecretStore
{
public:
    explicit WriteRefusingStore(SecretStore &real)
        : m_real(real)
    {}
    bool refuseWrites = false;

    void read(const QString &key, QObject *context, ReadDone done) override { m_real.read(key, context, done); }
    void write(const QString &key, const QString &secret, QObject *context, WriteDone done) override
    {
        if (!refuseWrites)
            return m_real.write(key, secret, context, done);
        QMetaObject::invokeMethod(
            context,
            [done] {
                done(SecretError{SecretError::Kind::Locked, QStringLiteral("the keyring is locked")});
            },
            Qt::QueuedConnection);
    }
    void remove(const QString &key, QObject *context, WriteDone done) override { m_real.remove(key, context, done); }

private:
    SecretStore &m_real;
};

} // namespace

// Rotation without downtime against outpost-sim over loopback, the key in the
// real keychain: the happy path, and a failure injected at each step, each
// leaving the workspace with a key that works.
class TestKeyRotation : public QObject
{
    Q_OBJECT

private:
    struct Finished
    {
        KeyRotation::Outcome outcome = KeyRotation::Outcome::NotStarted;
        KeyRotation::Step step = KeyRotation::Step::ReadCurrentKey;
        QString message;
        QList<KeyRotation::Step> started;
    };

    QTemporaryDir m_dir;
    SimFixture m_sim;
    KeychainSecretStore m_keychain;
    Workspace m_workspace;
    WorkspaceRegistry *m_registry = nullptr;

    QString readKeychain(const QString &entry)
    {
        std::optional<Result<QString, SecretError>> answer;
        m_keychain.read(entry, this, [&answer](Result<QString, SecretError> r) { answer = std::move(r); });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30000))
            return QStringLiteral("<no answer>");
        return answer->ok() ? answer->value() : QString();
    }

    bool writeKeychain(const QString &entry, const QString &secret)
    {
        std::optional<bool> ok;
        m_keychain.write(entry, secret, this, [&ok](Result<void, SecretError> r) { ok = r.ok(); });
        return QTest::qWaitFor([&] { return ok.has_value(); }, 30000) && *ok;
    }

    QString storedKey() { return readKeychain(SecretStore::apiKeyName(m_workspace.id)); }

    int statusWith(const QString &key) { return m_sim.api("GET", QStringLiteral("/overview"), {}, {}, key).status; }

    // A fresh key for each test, made through the sim's admin door and put in the keychain.
    QString freshKey()
    {
        const QString secret =
            m_sim.admin("POST", QStringLiteral("/__sim/keys"), {{QStringLiteral("name"), QStringLiteral("start")}})
                .toObject()
                .value(QStringLiteral("key"))
                .toObject()
                .value(QStringLiteral("secret"))
                .toString();
        if (!writeKeychain(SecretStore::apiKeyName(m_workspace.id), secret))
            qFatal("the keychain did not take the key");
        return secret;
    }

    Finished rotate(SecretStore &store, const std::function<void(KeyRotation &, KeyRotation::Step)> &onStep = {})
    {
        KeyRotation rotation(m_workspace, store, {});
        Finished result;
        bool done = false;
        connect(&rotation, &KeyRotation::stepStarted, this, [&](KeyRotation::Step step) {
            result.started.append(step);
            if (onStep)
                onStep(rotation, step);
        });
        connect(&rotation, &KeyRotation::finished, this,
                [&](KeyRotation::Outcome outcome, KeyRotation::Step step, const QString &message, const AdminError &) {
                    result.outcome = outcome;
                    result.step = step;
                    result.message = message;
                    done = true;
                });
        rotation.start();
        if (!QTest::qWaitFor([&] { return done; }, 120000))
            qFatal("the rotation did not finish");
        return result;
    }

    Finished rotate(const std::function<void(KeyRotation &, KeyRotation::Step)> &onStep = {})
    {
        return rotate(m_keychain, onStep);
    }

    QJsonArray listedKeys() { return m_sim.get(QStringLiteral("/keys")).json.value(QStringLiteral("keys")).toArray(); }

    bool listed(const QString &id)
    {
        for (const QJsonValue &v : listedKeys()) {
            if (ApiKeyInfo::idFrom(v.toObject().value(QStringLiteral("id"))) == id)
                return true;
        }
        return false;
    }

    void simDown()
    {
        m_sim.admin("POST", QStringLiteral("/__sim/down"), {{QStringLiteral("mode"), QStringLiteral("503")}});
    }
    void simUp() { m_sim.admin("POST", QStringLiteral("/__sim/up")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SimOptions options = SimFixture::defaultOptions(20);
        options.rateLimit = 0;
        QVERIFY2(m_sim.start(options), qPrintable(m_sim.errorString()));
        m_registry = new WorkspaceRegistry(Profile(m_dir.filePath(QStringLiteral("profile"))));
        QVERIFY(m_registry->profile().ensureExists());
        Workspace w{QUuid::createUuid(), QStringLiteral("demo"), m_sim.baseUrl(), m_sim.clientId()};
        w.service.rateLimit = 100000;
        auto added = m_registry->add(w);
        QVERIFY2(added, added ? "" : qPrintable(added.error().message));
        m_workspace = *added;
    }

    void cleanup() { simUp(); }

    void cleanupTestCase()
    {
        std::optional<bool> removed;
        m_keychain.remove(SecretStore::apiKeyName(m_workspace.id), this,
                          [&removed](Result<void, SecretError> r) { removed = r.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 30000);
        delete m_registry;
    }

    void happyPathSwitchesKeysWithoutDowntime()
    {
        const QString old = freshKey();
        QCOMPARE(statusWith(old), 200);
        const Finished done = rotate();
        QVERIFY2(done.outcome == KeyRotation::Outcome::Rotated, qPrintable(done.message));
        QCOMPARE(done.started,
                 (QList<KeyRotation::Step>{KeyRotation::Step::ReadCurrentKey, KeyRotation::Step::FindCurrentKey,
                                           KeyRotation::Step::CreateKey, KeyRotation::Step::StoreKey,
                                           KeyRotation::Step::VerifyKey, KeyRotation::Step::RevokeOldKey}));
        const QString now = storedKey();
        QVERIFY(!now.isEmpty());
        QVERIFY(now != old);
        QCOMPARE(statusWith(old), 401);
        QCOMPARE(statusWith(now), 200);
        QVERIFY2(!done.message.contains(now) && !done.message.contains(old), "the outcome names a secret");

        // Nothing of either key in the profile.
        QDirIterator it(m_registry->profile().directory(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            ++files;
            QVERIFY(!bytes.contains(now.toUtf8()) && !bytes.contains(old.toUtf8()));
        }
        QVERIFY(files > 0);
    }

    void serviceDownBeforeTheStartChangesNothing()
    {
        const QString old = freshKey();
        simDown();
        const Finished done = rotate();
        QCOMPARE(done.outcome, KeyRotation::Outcome::NotStarted);
        QCOMPARE(done.step, KeyRotation::Step::FindCurrentKey);
        simUp();
        QCOMPARE(storedKey(), old);
        QCOMPARE(statusWith(old), 200);
    }

    void createFailingKeepsTheOldKey()
    {
        const QString old = freshKey();
        const int before = listedKeys().size();
        const Finished done = rotate([this](KeyRotation &, KeyRotation::Step step) {
            if (step == KeyRotation::Step::CreateKey)
                simDown();
        });
        QCOMPARE(done.outcome, KeyRotation::Outcome::NotStarted);
        QCOMPARE(done.step, KeyRotation::Step::CreateKey);
        simUp();
        QCOMPARE(storedKey(), old);
        QCOMPARE(statusWith(old), 200);
        QCOMPARE(listedKeys().size(), before);
    }

    void storeFailingRevokesTheNewKey()
    {
        const QString old = freshKey();
        WriteRefusingStore store(m_keychain);
        store.refuseWrites = true;
        QString newId;
        const Finished done = rotate(store, [&newId](KeyRotation &rotation, KeyRotation::Step step) {
            if (step == KeyRotation::Step::RollBack)
                newId = rotation.newKey().id;
        });
        QVERIFY2(done.outcome == KeyRotation::Outcome::RolledBack, qPrintable(done.message));
        QCOMPARE(done.step, KeyRotation::Step::StoreKey);
        QVERIFY(!newId.isEmpty());
        QVERIFY(!listed(newId));
        QCOMPARE(storedKey(), old);
        QCOMPARE(statusWith(old), 200);
    }

    void verifyFailingRestoresTheOldKey()
    {
        const QString old = freshKey();
        QString newId;
        const Finished done = rotate([this, &newId](KeyRotation &rotation, KeyRotation::Step step) {
            if (step != KeyRotation::Step::VerifyKey)
                return;
            // Someone revokes the new key the moment it is stored.
            newId = rotation.newKey().id;
            m_sim.admin("POST", QStringLiteral("/__sim/keys/revoke"), {{QStringLiteral("id"), newId.toLongLong()}});
        });
        QVERIFY2(done.outcome == KeyRotation::Outcome::RolledBack, qPrintable(done.message));
        QCOMPARE(done.step, KeyRotation::Step::VerifyKey);
        QCOMPARE(storedKey(), old);
        QCOMPARE(statusWith(old), 200);
        QVERIFY(!listed(newId));
    }

    void serviceDownAtVerifyLeavesTheOldKeyAndNamesTheNewOne()
    {
        const QString old = freshKey();
        QString newId;
        const Finished done = rotate([this, &newId](KeyRotation &rotation, KeyRotation::Step step) {
            if (step == KeyRotation::Step::VerifyKey) {
                newId = rotation.newKey().id;
                simDown();
            }
        });
        QCOMPARE(done.outcome, KeyRotation::Outcome::RolledBackNewKeyLeft);
        QCOMPARE(done.step, KeyRotation::Step::VerifyKey);
        QVERIFY2(done.message.contains(newId), qPrintable(done.message));
        simUp();
        QCOMPARE(storedKey(), old);
        QCOMPARE(statusWith(old), 200);
    }

    void revokeFailingKeepsTheNewKey()
    {
        const QString old = freshKey();
        const Finished done = rotate([this](KeyRotation &, KeyRotation::Step step) {
            if (step == KeyRotation::Step::RevokeOldKey)
                simDown();
        });
        QCOMPARE(done.outcome, KeyRotation::Outcome::OldKeyStillValid);
        QCOMPARE(done.step, KeyRotation::Step::RevokeOldKey);
        simUp();
        const QString now = storedKey();
        QVERIFY(now != old && !now.isEmpty());
        QCOMPARE(statusWith(now), 200);
        // Said so: the old key is still valid and named for revoking by hand.
        QCOMPARE(statusWith(old), 200);
        QVERIFY(done.message.contains(QStringLiteral("revoke")));
    }

    void revokedCurrentKeyStopsBeforeAnythingChanges()
    {
        const QString old = freshKey();
        m_sim.admin("POST", QStringLiteral("/__sim/keys/revoke"), {{QStringLiteral("secret"), old}});
        const int before = listedKeys().size();
        const Finished done = rotate();
        QCOMPARE(done.outcome, KeyRotation::Outcome::NotStarted);
        QCOMPARE(listedKeys().size(), before);
        QCOMPARE(storedKey(), old);
    }

    void basicPlanStillRotates()
    {
        m_sim.admin("POST", QStringLiteral("/__sim/config"), {{QStringLiteral("plan"), QStringLiteral("basic")}});
        const QString old = freshKey();
        const Finished done = rotate();
        m_sim.admin("POST", QStringLiteral("/__sim/config"), {{QStringLiteral("plan"), QStringLiteral("premium")}});
        QVERIFY2(done.outcome == KeyRotation::Outcome::Rotated, qPrintable(done.message));
        QCOMPARE(statusWith(storedKey()), 200);
        QCOMPARE(statusWith(old), 401);
    }

    void keysListNeverCarriesSecrets()
    {
        const QString old = freshKey();
        ApiClient client(ApiConfig::forWorkspace(m_workspace, old),
                         RateBudget::forWorkspace(m_workspace.idText(), {100000, 60000}));
        std::optional<Result<QList<ApiKeyInfo>, AdminError>> keys;
        KeyAdmin(client).list(this, [&keys](Result<QList<ApiKeyInfo>, AdminError> r) { keys = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(keys.has_value(), 30000);
        QVERIFY(keys->ok());
        QVERIFY(keys->value().size() >= 2);
        QJsonArray array;
        for (const ApiKeyInfo &key : keys->value())
            array.append(key.toJson());
        const QByteArray text = QJsonDocument(array).toJson();
        QVERIFY(!text.contains("secret"));
        QVERIFY(!text.contains(old.toUtf8()));
        const std::optional<ApiKeyInfo> mine = KeyAdmin::keyOf(old, keys->value());
        QVERIFY(mine.has_value());
        QVERIFY(old.startsWith(mine->prefix));
    }

    void currentKeyIsFoundByPrefixThenByLastUse()
    {
        const QList<ApiKeyInfo> keys{
            {QStringLiteral("1"),
             QStringLiteral("a"),
             QStringLiteral("lp_ab12"),
             {},
             QStringLiteral("2026-01-01T00:00:00.000Z"),
             {}},
            {QStringLiteral("2"),
             QStringLiteral("b"),
             QStringLiteral("lp_ab12"),
             {},
             QStringLiteral("2026-03-01T00:00:00.000Z"),
             {}},
            {QStringLiteral("3"),
             QStringLiteral("c"),
             QStringLiteral("lp_ff00"),
             {},
             QStringLiteral("2026-05-01T00:00:00.000Z"),
             {}},
            {QStringLiteral("4"), QStringLiteral("d"), QString(), {}, QStringLiteral("2026-06-01T00:00:00.000Z"), {}}};
        QCOMPARE(KeyAdmin::keyOf(QStringLiteral("lp_ab12ffffffffffffffffffffffffffff"), keys)->id, QStringLiteral("2"));
        QCOMPARE(KeyAdmin::keyOf(QStringLiteral("lp_ff00ffffffffffffffffffffffffffff"), keys)->id, QStringLiteral("3"));
        QVERIFY(!KeyAdmin::keyOf(QStringLiteral("lp_9999ffffffffffffffffffffffffffff"), keys).has_value());
        QVERIFY(!KeyAdmin::keyOf(QString(), keys).has_value());
    }

    void hostileKeyNamesAndIdsAreRefusedOrKept()
    {
        QVERIFY(!KeyAdmin::validateName(QString()));
        QVERIFY(!KeyAdmin::validateName(QStringLiteral("a\nb")));
        QVERIFY(!KeyAdmin::validateName(QStringLiteral("\u202Eevil")));
        QVERIFY(!KeyAdmin::validateName(QString(201, u'x')));
        QVERIFY(KeyAdmin::validateName(QStringLiteral("Ключ 🔑 ' OR 1=1 --")));
        QVERIFY(!KeyAdmin::validateId(QStringLiteral("../keys")));
        QVERIFY(!KeyAdmin::validateId(QStringLiteral("1?x=2")));
        QVERIFY(KeyAdmin::validateId(QStringLiteral("42")));

        const QString old = freshKey();
        ApiClient client(ApiConfig::forWorkspace(m_workspace, old),
                         RateBudget::forWorkspace(m_workspace.idText(), {100000, 60000}));
        const QString name = QStringLiteral("Ключ 🔑 <script>' OR 1=1 --");
        std::optional<Result<CreatedApiKey, AdminError>> created;
        KeyAdmin(client).create(name, {}, this,
                                [&created](Result<CreatedApiKey, AdminError> r) { created = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 30000);
        QVERIFY2(created->ok(), created->ok() ? "" : qPrintable(created->error().message));
        QCOMPARE(created->value().info.name, name);
        QCOMPARE(statusWith(created->value().secret), 200);
    }
};

QTEST_GUILESS_MAIN(TestKeyRotation)
#include "tst_keyrotation.moc"
