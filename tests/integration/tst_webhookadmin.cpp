#include "SimFixture.h"
#include "admin/WebhookAdmin.h"
#include "api/ApiClient.h"
#include "secrets/KeychainSecretStore.h"
#include "webhooks/WebhookReceiver.h"
#include "workspace/WorkspaceRegistry.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace outpost;
using outpost::sim::SimOptions;
using outpost::test::SimFixture;

// Webhook admin against outpost-sim over loopback, secrets in the real
// keychain: create stores the secret that verifies the sim's signed
// deliveries, delete forgets it, hostile names and URLs are handled.
class TestWebhookAdmin : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SimFixture m_sim;
    KeychainSecretStore m_keychain;
    WorkspaceRegistry *m_registry = nullptr;
    Workspace m_workspace;
    ApiClient *m_client = nullptr;
    WebhookAdmin *m_admin = nullptr;

    std::optional<Result<QString, SecretError>> readKeychain(const QString &entry)
    {
        std::optional<Result<QString, SecretError>> answer;
        m_keychain.read(entry, this, [&answer](Result<QString, SecretError> r) { answer = std::move(r); });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30000))
            qFatal("the keychain did not answer");
        return answer;
    }

    Result<CreatedWebhook, AdminError> create(const QString &name, const QString &url, const QStringList &events)
    {
        std::optional<Result<CreatedWebhook, AdminError>> created;
        m_admin->create(name, url, events, this,
                        [&created](Result<CreatedWebhook, AdminError> r) { created = std::move(r); });
        if (!QTest::qWaitFor([&] { return created.has_value(); }, 30000))
            qFatal("create did not finish");
        return *created;
    }

    Result<void, AdminError> remove(const QString &id)
    {
        std::optional<Result<void, AdminError>> removed;
        m_admin->remove(id, this, [&removed](Result<void, AdminError> r) { removed = std::move(r); });
        if (!QTest::qWaitFor([&] { return removed.has_value(); }, 30000))
            qFatal("delete did not finish");
        return *removed;
    }

    QStringList storedIds() const { return m_registry->find(m_workspace.id)->webhookSecretIds; }

private slots:
    void initTestCase()
    {
        SimOptions options = SimFixture::defaultOptions(20);
        options.rateLimit = 0;
        QVERIFY2(m_sim.start(options), qPrintable(m_sim.errorString()));
        m_registry = new WorkspaceRegistry(Profile(m_dir.filePath(QStringLiteral("profile"))));
        QVERIFY(m_registry->profile().ensureExists());
        Workspace w{QUuid::createUuid(), QStringLiteral("demo"), m_sim.baseUrl(), m_sim.clientId()};
        w.service.rateLimit = 100000;
        auto added = m_registry->add(w);
        QVERIFY(added);
        m_workspace = *added;
        m_client = new ApiClient(ApiConfig::forWorkspace(m_workspace, m_sim.apiKey()),
                                 RateBudget::forWorkspace(m_workspace.idText(), {100000, 60000}), this);
        m_admin = new WebhookAdmin(*m_client, m_keychain, *m_registry, m_workspace.id);
    }

    void cleanupTestCase()
    {
        delete m_admin;
        delete m_registry;
    }

    void createdSecretVerifiesASignedDeliveryAndDeleteForgetsIt()
    {
        WebhookReceiver receiver(WebhookSignature({QByteArrayLiteral("placeholder")}));
        QVERIFY(receiver.listen().ok());
        const QString url = QStringLiteral("http://127.0.0.1:%1/hooks").arg(receiver.port());
        auto created = create(QStringLiteral("Local receiver"), url, {QStringLiteral("test")});
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
        const QString id = created->info.id;
        QVERIFY(created->secret.startsWith(QStringLiteral("whsec_")));
        QVERIFY(storedIds().contains(id));

        // The receiver knows only what the keychain holds.
        const auto stored = readKeychain(SecretStore::webhookSecretName(m_workspace.id, id));
        QVERIFY(stored->ok());
        QCOMPARE(stored->value(), created->secret);
        receiver.setSignature(WebhookSignature({stored->value().toUtf8()}));
        QSignalSpy received(&receiver, &WebhookReceiver::eventReceived);

        std::optional<bool> sent;
        m_admin->sendTest(id, this, [&sent](Result<void, AdminError> r) { sent = r.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(sent.has_value(), 30000);
        QVERIFY(*sent);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 20000);
        QCOMPARE(received.at(0).first().toJsonObject().value(QStringLiteral("event")).toString(),
                 QStringLiteral("test"));
        QCOMPARE(receiver.rejectedCount(), 0);

        std::optional<Result<QJsonArray, AdminError>> log;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                log.reset();
                m_admin->deliveries(id, this, [&log](Result<QJsonArray, AdminError> r) { log = std::move(r); });
                return QTest::qWaitFor([&] { return log.has_value(); }, 10000) && log->ok() && !log->value().isEmpty();
            }(),
            20000);
        QCOMPARE(log->value().first().toObject().value(QStringLiteral("ok")).toBool(), true);

        // The list never carries the secret.
        std::optional<Result<QList<WebhookInfo>, AdminError>> listed;
        m_admin->list(this, [&listed](Result<QList<WebhookInfo>, AdminError> r) { listed = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 30000);
        QVERIFY(listed->ok());
        bool found = false;
        for (const WebhookInfo &hook : listed->value()) {
            found = found || hook.id == id;
            QVERIFY(!QJsonDocument(hook.toJson()).toJson().contains(created->secret.toUtf8()));
        }
        QVERIFY(found);

        QVERIFY(remove(id).ok());
        const auto gone = readKeychain(SecretStore::webhookSecretName(m_workspace.id, id));
        QVERIFY(!gone->ok());
        QCOMPARE(gone->error().kind, SecretError::Kind::NotFound);
        QVERIFY(!storedIds().contains(id));
        QCOMPARE(m_sim.api("POST", QStringLiteral("/webhooks/%1/test").arg(id)).status, 404);
    }

    void deletingAWebhookAlreadyGoneStillForgetsItsSecret()
    {
        auto created =
            create(QStringLiteral("gone"), QStringLiteral("https://hooks.example.com/x"), {QStringLiteral("new_lead")});
        QVERIFY(created.ok());
        const QString id = created->info.id;
        QCOMPARE(m_sim.api("DELETE", QStringLiteral("/webhooks/%1").arg(id)).status, 200);
        const auto result = remove(id);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().api.kind, ApiError::Kind::NotFound);
        QCOMPARE(readKeychain(SecretStore::webhookSecretName(m_workspace.id, id))->error().kind,
                 SecretError::Kind::NotFound);
        QVERIFY(!storedIds().contains(id));
    }

    void hostileUrlsAreRefusedBeforeAnyRequest_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("plain http") << QStringLiteral("http://hooks.example.com/x");
        QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)");
        QTest::newRow("javascript https look") << QStringLiteral("javascript://https://x.example/%0Aalert(1)");
        QTest::newRow("data") << QStringLiteral("data:text/html,<script>alert(1)</script>");
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd");
        QTest::newRow("ftp") << QStringLiteral("ftp://example.com/");
        QTest::newRow("no host") << QStringLiteral("https://");
        QTest::newRow("relative") << QStringLiteral("/hooks");
        QTest::newRow("empty") << QString();
        QTest::newRow("space") << QStringLiteral("https://exa mple.com/");
        QTest::newRow("newline") << QStringLiteral("https://example.com/\r\nX-Evil: 1");
        QTest::newRow("bidi override") << QStringLiteral("https://example.com/\u202Egpj.exe");
        QTest::newRow("very long") << QStringLiteral("https://example.com/") + QString(5000, u'a');
        QTest::newRow("http look-alike loopback") << QStringLiteral("http://127.0.0.1.evil.example/");
        QTest::newRow("http localhost subdomain") << QStringLiteral("http://localhost.evil.example/");
    }

    void hostileUrlsAreRefusedBeforeAnyRequest()
    {
        QFETCH(QString, url);
        const qint64 head = m_sim.ledgerHead();
        auto created = create(QStringLiteral("hostile"), url, {QStringLiteral("test")});
        QVERIFY(!created.ok());
        QCOMPARE(created.error().kind, AdminError::Kind::Invalid);
        QVERIFY(created.error().message.size() < 600);
        QCOMPARE(m_sim.ledgerHead(), head);
    }

    void acceptableUrls()
    {
        QVERIFY(WebhookAdmin::validateUrl(QStringLiteral("https://hooks.example.com/outpost?x=1")));
        QVERIFY(WebhookAdmin::validateUrl(QStringLiteral("HTTPS://пример.рф/хук")));
        QVERIFY(WebhookAdmin::validateUrl(QStringLiteral("http://localhost:8080/x")));
        QVERIFY(WebhookAdmin::validateUrl(QStringLiteral("http://127.0.0.1/x")));
        QVERIFY(WebhookAdmin::validateUrl(QStringLiteral("http://[::1]:9/x")));
        QVERIFY(!WebhookAdmin::validateEvents({}));
        QVERIFY(!WebhookAdmin::validateEvents({QStringLiteral("new_lead"), QStringLiteral("drop_table")}));
    }

    void hostileNamesRoundTripOrAreRefused()
    {
        QVERIFY(!WebhookAdmin::validateName(QStringLiteral("line\nbreak")));
        QVERIFY(!WebhookAdmin::validateName(QString(300, u'n')));
        const QString name = QStringLiteral("Webhook 🔔 «日本» '; DROP TABLE webhooks; -- <b>");
        auto created = create(name, QStringLiteral("https://hooks.example.com/u"),
                              {QStringLiteral("new_lead"), QStringLiteral("note_added")});
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
        QCOMPARE(created->info.name, name);
        QCOMPARE(created->info.events, (QStringList{QStringLiteral("new_lead"), QStringLiteral("note_added")}));
        QVERIFY(remove(created->info.id).ok());
    }

    void refusedKeyIsReportedAsUnauthorized()
    {
        ApiClient client(ApiConfig::forWorkspace(m_workspace, QStringLiteral("lp_00000000000000000000000000000000")),
                         RateBudget::forWorkspace(m_workspace.idText(), {100000, 60000}));
        WebhookAdmin admin(client, m_keychain, *m_registry, m_workspace.id);
        std::optional<Result<QList<WebhookInfo>, AdminError>> listed;
        admin.list(this, [&listed](Result<QList<WebhookInfo>, AdminError> r) { listed = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 30000);
        QVERIFY(!listed->ok());
        QVERIFY(listed->error().unauthorized());
    }
};

QTEST_GUILESS_MAIN(TestWebhookAdmin)
#include "tst_webhookadmin.moc"
