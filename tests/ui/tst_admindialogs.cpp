// The settings page and the workspace, API keys and webhooks dialogs against
// outpost-sim, the real keychain and a real profile, offscreen: the main
// paths of each, what a person is told when something fails, and screenshots
// in light and dark palettes.
#include "ApiKeysDialog.h"
#include "DesktopNotifier.h"
#include "InMemorySecretStore.h"
#include "SettingsPage.h"
#include "SimFixture.h"
#include "WebhooksDialog.h"
#include "WorkspaceDialog.h"
#include "api/ApiKeyVerifier.h"
#include "secrets/KeychainSecretStore.h"
#include "storage/Database.h"
#include "storage/LeadStore.h"
#include "webhooks/WebhookListener.h"
#include "webhooks/WebhookReceiver.h"
#include "workspace/WorkspaceRegistry.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <optional>

using namespace outpost;
using outpost::test::InMemorySecretStore;
using outpost::test::SimFixture;

namespace {

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(37, 37, 38));
    p.setColor(QPalette::WindowText, QColor(230, 230, 230));
    p.setColor(QPalette::Base, QColor(30, 30, 30));
    p.setColor(QPalette::AlternateBase, QColor(45, 45, 48));
    p.setColor(QPalette::Text, QColor(230, 230, 230));
    p.setColor(QPalette::Button, QColor(45, 45, 48));
    p.setColor(QPalette::ButtonText, QColor(230, 230, 230));
    p.setColor(QPalette::Highlight, QColor(38, 110, 190));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(140, 140, 140));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(130, 130, 130));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(130, 130, 130));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(130, 130, 130));
    return p;
}

void saveScreenshot(QWidget &w, const QString &name)
{
    const QString dir = qEnvironmentVariable("OUTPOST_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    const bool dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
    QVERIFY(w.grab().save(dir + QLatin1Char('/') + name +
                          (dark ? QStringLiteral("-dark.png") : QStringLiteral("-light.png"))));
}

template <typename T>
T *child(QWidget *w, const char *name)
{
    T *found = w->findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

} // namespace

class TestAdminDialogs : public QObject
{
    Q_OBJECT

private:
    SimFixture m_sim;
    QTemporaryDir m_dir;
    std::unique_ptr<WorkspaceRegistry> m_registry;
    KeychainSecretStore m_keychain;
    ApiKeyVerifier m_verifier;
    Workspace m_workspace;

    std::optional<Result<QString, SecretError>> readKeychain(const QString &entry)
    {
        std::optional<Result<QString, SecretError>> answer;
        m_keychain.read(entry, this, [&answer](Result<QString, SecretError> r) { answer = std::move(r); });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30000))
            qFatal("the keychain did not answer");
        return answer;
    }

    void writeKeychain(const QString &entry, const QString &secret)
    {
        std::optional<bool> written;
        m_keychain.write(entry, secret, this, [&written](Result<void, SecretError> r) { written = r.ok(); });
        QVERIFY(QTest::qWaitFor([&] { return written.has_value(); }, 30000));
        QVERIFY(*written);
    }

    void fill(WorkspaceDialog &dialog, const QString &name, const QString &url, const QString &clientId,
              const QString &key)
    {
        child<QLineEdit>(&dialog, "name")->setText(name);
        child<QLineEdit>(&dialog, "baseUrl")->setText(url);
        child<QLineEdit>(&dialog, "clientId")->setText(clientId);
        child<QLineEdit>(&dialog, "apiKey")->setText(key);
    }

    static void clickSave(WorkspaceDialog &dialog)
    {
        for (QPushButton *b : dialog.findChildren<QPushButton *>()) {
            if (b->isVisible() && b->isEnabled() && b->text().contains(QLatin1String("Save")) &&
                b->objectName() != QLatin1String("saveUnchecked")) {
                b->click();
                return;
            }
        }
        QFAIL("no Save button");
    }

private slots:
    void initTestCase()
    {
        sim::SimOptions options = SimFixture::defaultOptions(40);
        options.rateLimit = 0;
        QVERIFY2(m_sim.start(options), qPrintable(m_sim.errorString()));
        m_registry = std::make_unique<WorkspaceRegistry>(Profile(m_dir.filePath(QStringLiteral("profile"))));
        QVERIFY(m_registry->profile().ensureExists());
        Workspace w{QUuid::createUuid(), QStringLiteral("Sim"), m_sim.baseUrl(), m_sim.clientId()};
        w.service.rateLimit = 100000;
        auto added = m_registry->add(w);
        QVERIFY(added);
        m_workspace = *added;
        writeKeychain(SecretStore::apiKeyName(m_workspace.id), m_sim.apiKey());
    }

    void init() { QApplication::setPalette(QApplication::style()->standardPalette()); }

    void addingAWorkspaceChecksTheKeyAndKeepsItInTheKeychain()
    {
        WorkspaceDialog dialog(*m_registry, m_keychain, m_verifier);
        QSignalSpy saved(&dialog, &WorkspaceDialog::workspaceSaved);
        dialog.show();
        fill(dialog, QStringLiteral("Branch office"), m_sim.baseUrl().toString(), m_sim.clientId(), m_sim.apiKey());
        saveScreenshot(dialog, QStringLiteral("workspace-dialog"));
        clickSave(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);
        const QUuid id = saved.first().first().toUuid();
        const auto w = m_registry->find(id);
        QVERIFY(w);
        QCOMPARE(w->name, QStringLiteral("Branch office"));
        QCOMPARE(w->clientId, m_sim.clientId());
        const auto stored = readKeychain(SecretStore::apiKeyName(id));
        QVERIFY(stored->ok());
        QCOMPARE(stored->value(), m_sim.apiKey());
        // The key field does not keep the secret once saved.
        QVERIFY(child<QLineEdit>(&dialog, "apiKey")->text().isEmpty());
    }

    void aRefusedKeyIsSaidSoAndNothingIsSaved()
    {
        const int before = m_registry->workspaces().size();
        WorkspaceDialog dialog(*m_registry, m_keychain, m_verifier);
        QSignalSpy saved(&dialog, &WorkspaceDialog::workspaceSaved);
        dialog.show();
        fill(dialog, QStringLiteral("Wrong key"), m_sim.baseUrl().toString(), m_sim.clientId(),
             QStringLiteral("lp_00000000000000000000000000000000"));
        clickSave(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().contains(QLatin1String("refused")), 30000);
        saveScreenshot(dialog, QStringLiteral("workspace-dialog-refused"));
        QCOMPARE(saved.size(), 0);
        QCOMPARE(m_registry->workspaces().size(), before);
        QVERIFY(!m_registry->find(QStringLiteral("Wrong key")));
    }

    void aWrongAddressAndNoNetworkAreToldApart()
    {
        WorkspaceDialog dialog(*m_registry, m_keychain, m_verifier);
        dialog.show();
        fill(dialog, QStringLiteral("Elsewhere"), m_sim.baseUrl().toString(), QStringLiteral("no-such-client"),
             m_sim.apiKey());
        clickSave(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().contains(QLatin1String("Check the address")), 30000);
        QVERIFY(!child<QPushButton>(&dialog, "saveUnchecked")->isVisible());

        // Nothing listens on port 1: no network to check with; saving unchecked is offered.
        child<QLineEdit>(&dialog, "baseUrl")->setText(QStringLiteral("http://127.0.0.1:1"));
        clickSave(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(&dialog, "saveUnchecked")->isVisible(), 60000);
        QVERIFY(dialog.statusText().contains(QLatin1String("could not be checked")));
        QVERIFY(!m_registry->find(QStringLiteral("Elsewhere")));
    }

    void anUnavailableKeychainIsNamedAndNothingIsSaved()
    {
        InMemorySecretStore broken;
        broken.setFailure(SecretError{SecretError::Kind::Unavailable, QStringLiteral("no Secret Service on the bus")});
        WorkspaceDialog dialog(*m_registry, broken, m_verifier);
        dialog.show();
        fill(dialog, QStringLiteral("No keychain"), m_sim.baseUrl().toString(), m_sim.clientId(), m_sim.apiKey());
        clickSave(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().contains(QLatin1String("No system keychain is reachable")), 30000);
        QVERIFY(dialog.statusText().contains(QLatin1String("Nothing was saved")));
        saveScreenshot(dialog, QStringLiteral("workspace-dialog-no-keychain"));
        QVERIFY(!m_registry->find(QStringLiteral("No keychain")));
        QVERIFY(broken.entries().isEmpty());
    }

    void keyFormatWarningsDoNotRefuse()
    {
        WorkspaceDialog dialog(*m_registry, m_keychain, m_verifier);
        dialog.show();
        auto *warnings = child<QLabel>(&dialog, "keyWarnings");
        child<QLineEdit>(&dialog, "keyPrefix")->setText(QStringLiteral("lp_"));
        child<QLineEdit>(&dialog, "apiKey")->setText(QStringLiteral("lp_abc def"));
        QVERIFY(warnings->isVisible());
        QVERIFY(!warnings->text().isEmpty());
        QVERIFY(!warnings->text().contains(QLatin1String("abc")));
        child<QLineEdit>(&dialog, "apiKey")->setText(QStringLiteral("lp_0123456789abcdef0123456789abcdef"));
        QVERIFY(!warnings->isVisible());
    }

    void editingKeepsTheStoredKeyWhenTheFieldIsEmpty()
    {
        WorkspaceDialog dialog(*m_registry, m_keychain, m_verifier, m_workspace);
        QSignalSpy saved(&dialog, &WorkspaceDialog::workspaceSaved);
        dialog.show();
        child<QLineEdit>(&dialog, "signatureHeader")->setText(QStringLiteral("X-Sim-Signature"));
        clickSave(dialog);
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(m_registry->find(m_workspace.id)->service.signatureHeader, QStringLiteral("X-Sim-Signature"));
        QCOMPARE(readKeychain(SecretStore::apiKeyName(m_workspace.id))->value(), m_sim.apiKey());
    }

    void settingsListsAddsAndRemovesWorkspaces()
    {
        SettingsPage page(*m_registry, &m_keychain, &m_verifier);
        page.resize(900, 520);
        page.show();
        auto *list = child<QTreeWidget>(&page, "workspaceList");
        QCOMPARE(list->topLevelItemCount(), m_registry->workspaces().size());
        saveScreenshot(page, QStringLiteral("settings-page"));

        // A workspace to remove, with a key, a webhook secret and a cache file.
        Workspace doomed{QUuid::createUuid(), QStringLiteral("Doomed"), m_sim.baseUrl(), m_sim.clientId()};
        doomed.webhookSecretIds = {QStringLiteral("77")};
        QVERIFY(m_registry->add(doomed));
        writeKeychain(SecretStore::apiKeyName(doomed.id), QStringLiteral("doomed-key"));
        writeKeychain(SecretStore::webhookSecretName(doomed.id, QStringLiteral("77")), QStringLiteral("whsec_doomed"));
        QFile cache(m_registry->profile().cachePath(doomed.id));
        QVERIFY(cache.open(QIODevice::WriteOnly));
        cache.write("cache");
        cache.close();
        page.reload();
        page.selectWorkspace(doomed.id);
        QSignalSpy changed(&page, &SettingsPage::workspacesChanged);
        QWidget *box = page.removeWorkspace();
        QVERIFY(box);
        QVERIFY(box->isVisible());
        saveScreenshot(*box, QStringLiteral("settings-remove"));
        // Answered by the person: remove, and delete the cache too.
        child<QCheckBox>(box, "deleteCache")->setChecked(true);
        auto *question = qobject_cast<QMessageBox *>(box);
        question->button(QMessageBox::Yes)->click();
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 30000);
        QVERIFY(!m_registry->find(doomed.id));
        QCOMPARE(readKeychain(SecretStore::apiKeyName(doomed.id))->error().kind, SecretError::Kind::NotFound);
        QCOMPARE(readKeychain(SecretStore::webhookSecretName(doomed.id, QStringLiteral("77")))->error().kind,
                 SecretError::Kind::NotFound);
        QVERIFY(!QFile::exists(m_registry->profile().cachePath(doomed.id)));
        QCOMPARE(list->topLevelItemCount(), m_registry->workspaces().size());
    }

    void apiKeysListCreateUseAndRotate()
    {
        ApiKeysDialog dialog(m_workspace, m_keychain);
        QSignalSpy loaded(&dialog, &ApiKeysDialog::keysLoaded);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 1, 30000);
        const int before = dialog.keyCount();
        QVERIFY(before >= 1);
        // The workspace's own key is marked, and no secret is in the list.
        auto *list = child<QTreeWidget>(&dialog, "keyList");
        bool marked = false;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            for (int c = 0; c < list->columnCount(); ++c)
                QVERIFY(!list->topLevelItem(i)->text(c).contains(m_sim.apiKey()));
            marked = marked || list->topLevelItem(i)->text(0).contains(QLatin1String("this workspace"));
        }
        QVERIFY(marked);

        dialog.createKey(QStringLiteral("Laptop"));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.shownSecret().isEmpty(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.keyCount(), before + 1, 30000);
        // An expiry goes to the service with the key, and the list shows it.
        const QString laptopSecret = dialog.shownSecret();
        const QDateTime expiry = QDateTime::currentDateTime().addDays(30);
        dialog.createKey(QStringLiteral("Kiosk"), expiry);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.shownSecret() != laptopSecret && !dialog.shownSecret().isEmpty(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.keyCount(), before + 2, 30000);
        bool expiring = false;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *item = list->topLevelItem(i);
            expiring = expiring || (item->text(0) == QStringLiteral("Kiosk") &&
                                    item->text(4) == QLocale().toString(expiry, QLocale::ShortFormat));
        }
        QVERIFY(expiring);
        saveScreenshot(dialog, QStringLiteral("api-keys-created"));
        const QString secret = dialog.shownSecret();
        QSignalSpy keyChanged(&dialog, &ApiKeysDialog::workspaceKeyChanged);
        dialog.useCreatedKey();
        QTRY_COMPARE_WITH_TIMEOUT(keyChanged.size(), 1, 30000);
        QVERIFY(dialog.shownSecret().isEmpty());
        QCOMPARE(readKeychain(SecretStore::apiKeyName(m_workspace.id))->value(), secret);

        QSignalSpy rotated(&dialog, &ApiKeysDialog::rotationFinished);
        dialog.rotate();
        QTRY_COMPARE_WITH_TIMEOUT(rotated.size(), 1, 60000);
        QCOMPARE(rotated.first().first().value<KeyRotation::Outcome>(), KeyRotation::Outcome::Rotated);
        auto *steps = child<QListWidget>(&dialog, "rotationSteps");
        QVERIFY(steps->count() >= 5);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 4, 30000);
        saveScreenshot(dialog, QStringLiteral("api-keys-rotated"));
        const auto now = readKeychain(SecretStore::apiKeyName(m_workspace.id));
        QVERIFY(now->ok());
        QVERIFY(now->value() != secret);
        // The revoked key is refused by the service, the new one works.
        QCOMPARE(m_sim.api("GET", QStringLiteral("/overview"), {}, {}, secret).status, 401);
        QCOMPARE(m_sim.api("GET", QStringLiteral("/overview"), {}, {}, now->value()).status, 200);
    }

    void rotationThatFailsSaysWhichStep()
    {
        ApiKeysDialog dialog(m_workspace, m_keychain);
        QSignalSpy loaded(&dialog, &ApiKeysDialog::keysLoaded);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 1, 30000);
        // The service fails both tries of the first call: the workspace stays on its key.
        m_sim.admin("POST", QStringLiteral("fault"),
                    {{QStringLiteral("kind"), QStringLiteral("500")}, {QStringLiteral("count"), 2}});
        QSignalSpy rotated(&dialog, &ApiKeysDialog::rotationFinished);
        const QString before = readKeychain(SecretStore::apiKeyName(m_workspace.id))->value();
        dialog.rotate();
        QTRY_COMPARE_WITH_TIMEOUT(rotated.size(), 1, 60000);
        QVERIFY(rotated.first().first().value<KeyRotation::Outcome>() != KeyRotation::Outcome::Rotated);
        QVERIFY2(dialog.rotationText().contains(QLatin1String("Rotation stopped at")),
                 qPrintable(dialog.rotationText()));
        saveScreenshot(dialog, QStringLiteral("api-keys-rotation-failed"));
        QCOMPARE(readKeychain(SecretStore::apiKeyName(m_workspace.id))->value(), before);
    }

    void webhooksCreateTestDeliveriesAndDelete()
    {
        WebhookReceiver receiver(WebhookSignature({QByteArrayLiteral("placeholder")}));
        QVERIFY(receiver.listen().ok());
        WebhooksDialog dialog(m_workspace, m_keychain, *m_registry);
        QSignalSpy loaded(&dialog, &WebhooksDialog::webhooksLoaded);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 1, 30000);
        const int before = dialog.webhookCount();

        // Plain HTTP to another host is refused before any request.
        child<QLineEdit>(&dialog, "webhookName")->setText(QStringLiteral("Insecure"));
        child<QLineEdit>(&dialog, "webhookUrl")->setText(QStringLiteral("http://hooks.example.com/x"));
        dialog.create();
        QVERIFY(dialog.statusText().contains(QLatin1String("HTTPS"), Qt::CaseInsensitive));

        QSignalSpy created(&dialog, &WebhooksDialog::created);
        child<QLineEdit>(&dialog, "webhookName")->setText(QStringLiteral("This computer"));
        child<QLineEdit>(&dialog, "webhookUrl")
            ->setText(QStringLiteral("http://127.0.0.1:%1/hooks").arg(receiver.port()));
        child<QCheckBox>(&dialog, "event_test")->setChecked(true);
        dialog.create();
        QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 30000);
        const QString id = created.first().first().toString();
        QVERIFY(dialog.shownSecret().startsWith(QLatin1String("whsec_")));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.webhookCount(), before + 1, 30000);
        const auto stored = readKeychain(SecretStore::webhookSecretName(m_workspace.id, id));
        QVERIFY(stored->ok());
        QCOMPARE(stored->value(), dialog.shownSecret());
        QVERIFY(m_registry->find(m_workspace.id)->webhookSecretIds.contains(id));

        receiver.setSignature(WebhookSignature({stored->value().toUtf8()}));
        QSignalSpy received(&receiver, &WebhookReceiver::eventReceived);
        dialog.selectWebhook(id);
        QSignalSpy tested(&dialog, &WebhooksDialog::testSent);
        dialog.sendTest();
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 30000);
        QVERIFY(tested.first().first().toBool());
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                dialog.loadDeliveries();
                return QTest::qWaitFor([&] { return dialog.deliveryCount() > 0; }, 2000);
            }(),
            30000);
        auto *log = child<QTreeWidget>(&dialog, "deliveryLog");
        QCOMPARE(log->topLevelItem(0)->text(2), QStringLiteral("200"));
        saveScreenshot(dialog, QStringLiteral("webhooks-dialog"));

        QWidget *box = dialog.deleteSelected();
        QVERIFY(box);
        qobject_cast<QMessageBox *>(box)->button(QMessageBox::Yes)->click();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.webhookCount(), before, 30000);
        QCOMPARE(readKeychain(SecretStore::webhookSecretName(m_workspace.id, id))->error().kind,
                 SecretError::Kind::NotFound);
    }

    void liveUpdatesApplyEventsToTheCacheAndNotify()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        const QJsonObject hook =
            m_sim
                .api("POST", QStringLiteral("/webhooks"),
                     {{QStringLiteral("name"), QStringLiteral("live")},
                      {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/").arg(port)},
                      {QStringLiteral("events"), QJsonArray{QStringLiteral("lead_status_changed")}}})
                .json.value(QStringLiteral("webhook"))
                .toObject();
        const QString id = QString::number(hook.value(QStringLiteral("id")).toInteger());
        writeKeychain(SecretStore::webhookSecretName(m_workspace.id, id),
                      hook.value(QStringLiteral("secret")).toString());
        Workspace w = *m_registry->find(m_workspace.id);
        w.webhookSecretIds = {id};
        // The header the sim signs with (an earlier test edited it).
        w.service.signatureHeader = QStringLiteral("X-Signature");
        QVERIFY(m_registry->update(w));

        SettingsPage page(*m_registry, &m_keychain, &m_verifier);
        page.resize(900, 620);
        page.show();
        page.selectWorkspace(m_workspace.id);
        QSignalSpy changed(&page, &SettingsPage::liveLeadsChanged);
        QSignalSpy shown(page.notifier(), &DesktopNotifier::shown);
        page.startLiveUpdates(port);
        QTRY_VERIFY_WITH_TIMEOUT(page.listener() && page.listener()->isListening(), 30000);
        QCOMPARE(page.listener()->port(), port);
        saveScreenshot(page, QStringLiteral("settings-live-updates"));

        const QString old = m_sim.get(QStringLiteral("/lead/5"))
                                .json.value(QStringLiteral("lead"))
                                .toObject()
                                .value(QStringLiteral("status"))
                                .toString();
        const QString next = old == QLatin1StringView("lost") ? QStringLiteral("new") : QStringLiteral("lost");
        QCOMPARE(m_sim.api("POST", QStringLiteral("/lead/5/status"), {{QStringLiteral("status"), next}}).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 30000);
        QCOMPARE(changed.first().at(0).toUuid(), m_workspace.id);
        QCOMPARE(changed.first().at(1).value<QList<qint64>>(), QList<qint64>{5});
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 10000);
        QCOMPARE(shown.first().at(0).toString(), QStringLiteral("Status changed"));
        {
            auto cache = Database::open(m_registry->profile().cachePath(m_workspace.id));
            QVERIFY(cache);
            const auto lead = LeadStore(*cache).lead(5);
            QVERIFY(lead && lead->has_value());
            QCOMPARE((*lead)->status.toString(), next);
        }
        page.stopLiveUpdates();
        QVERIFY(!page.listener());
        m_sim.api("DELETE", QStringLiteral("/webhooks/%1").arg(id));
    }

    // Runs after the test above: the workspace has a webhook secret, and live updates are off.
    void liveUpdatesAreRememberedPerWorkspace()
    {
        QVERIFY(!m_registry->find(m_workspace.id)->webhookSecretIds.isEmpty());
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        {
            SettingsPage page(*m_registry, &m_keychain, &m_verifier);
            QVERIFY(!page.listener());
            page.selectWorkspace(m_workspace.id);
            page.startLiveUpdates(port);
            QTRY_VERIFY_WITH_TIMEOUT(page.listener() && page.listener()->isListening(), 30000);
        }
        {
            // The next start (the app's next run) receives again, same workspace, same port.
            SettingsPage page(*m_registry, &m_keychain, &m_verifier);
            QVERIFY(page.listener());
            QCOMPARE(page.listener()->workspace().id, m_workspace.id);
            QTRY_VERIFY_WITH_TIMEOUT(page.listener()->isListening(), 30000);
            QCOMPARE(page.listener()->port(), port);
            page.stopLiveUpdates();
        }
        SettingsPage page(*m_registry, &m_keychain, &m_verifier);
        QVERIFY(!page.listener());
    }

    void screenshotsInDark()
    {
        QApplication::setPalette(darkPalette());
        SettingsPage page(*m_registry, &m_keychain, &m_verifier);
        page.resize(900, 520);
        page.show();
        saveScreenshot(page, QStringLiteral("settings-page"));
        WorkspaceDialog workspace(*m_registry, m_keychain, m_verifier, m_workspace);
        workspace.show();
        child<QLineEdit>(&workspace, "keyPrefix")->setText(QStringLiteral("lp_"));
        child<QLineEdit>(&workspace, "apiKey")->setText(QStringLiteral("lp_short"));
        // The warning's layout request is handled by the event loop, as on screen.
        QTest::qWait(100);
        saveScreenshot(workspace, QStringLiteral("workspace-dialog"));
        ApiKeysDialog keys(m_workspace, m_keychain);
        QSignalSpy keysLoaded(&keys, &ApiKeysDialog::keysLoaded);
        keys.show();
        QTRY_VERIFY_WITH_TIMEOUT(keysLoaded.size() >= 1, 30000);
        saveScreenshot(keys, QStringLiteral("api-keys"));
        WebhooksDialog hooks(m_workspace, m_keychain, *m_registry);
        QSignalSpy hooksLoaded(&hooks, &WebhooksDialog::webhooksLoaded);
        hooks.show();
        QTRY_VERIFY_WITH_TIMEOUT(hooksLoaded.size() >= 1, 30000);
        saveScreenshot(hooks, QStringLiteral("webhooks-dialog"));
    }
};

QTEST_MAIN(TestAdminDialogs)
#include "tst_admindialogs.moc"
