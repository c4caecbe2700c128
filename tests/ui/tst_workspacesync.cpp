// Two workspaces on two outpost-sim services: the switcher opens the chosen
// workspace's cache AND its sync session, with its key from the secret store;
// a keychain that answers late is waited for, never re-asked; the status bar
// follows the workspace shown.
#include "InMemorySecretStore.h"
#include "LeadListPage.h"
#include "LeadTableModel.h"
#include "MainWindow.h"
#include "SessionSyncStatus.h"
#include "Sidebar.h"
#include "SimFixture.h"
#include "SyncStatusBar.h"
#include "WorkspaceSync.h"
#include "sync/SyncSession.h"
#include "workspace/WorkspaceRegistry.h"

#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace outpost;
using namespace outpost::test;

class TestWorkspaceSync : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SimFixture m_north;
    SimFixture m_south;
    std::unique_ptr<WorkspaceRegistry> m_registry;
    InMemorySecretStore m_secrets;
    Workspace m_a;
    Workspace m_b;

    Workspace addWorkspace(const QString &name, SimFixture &sim)
    {
        Workspace w{QUuid::createUuid(), name, sim.baseUrl(), sim.clientId()};
        w.service.rateLimit = 100000;
        auto added = m_registry->add(w);
        return added ? *added : Workspace();
    }

    bool store(const Workspace &w, const QString &key)
    {
        bool done = false;
        bool ok = false;
        m_secrets.write(SecretStore::apiKeyName(w.id), key, this, [&](auto written) {
            ok = written.ok();
            done = true;
        });
        return QTest::qWaitFor([&] { return done; }, 5000) && ok;
    }

    static int requestsTo(SimFixture &sim) { return static_cast<int>(sim.ledger().size()); }

private slots:
    void initTestCase()
    {
        for (auto [sim, leads] : {std::pair{&m_north, 24}, std::pair{&m_south, 37}}) {
            sim::SimOptions options = SimFixture::defaultOptions(leads);
            options.rateLimit = 0;
            options.activityPerMinute = 0;
            QVERIFY2(sim->start(options), qPrintable(sim->errorString()));
        }
        m_registry = std::make_unique<WorkspaceRegistry>(Profile(m_dir.filePath(QStringLiteral("profile"))));
        QVERIFY(m_registry->profile().ensureExists());
        m_a = addWorkspace(QStringLiteral("North"), m_north);
        m_b = addWorkspace(QStringLiteral("South"), m_south);
        QVERIFY(!m_a.id.isNull() && !m_b.id.isNull());
        QVERIFY(m_registry->setDefault(m_a.id).ok());
        QVERIFY(store(m_a, m_north.apiKey()));
        QVERIFY(store(m_b, m_south.apiKey()));
    }

    void switchingSyncsTheChosenWorkspaceAndTheStatusBarFollows()
    {
        MainWindow window(*m_registry);
        WorkspaceSync sync(window, *m_registry, m_secrets);
        SyncOptions options;
        options.details = SyncOptions::Details::None;
        sync.setSyncOptions(options);
        sync.setKeychainRetryDelay(100);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy started(&sync, &WorkspaceSync::started);
        sync.follow(window.currentWorkspace());
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 10000);
        QCOMPARE(sync.workspaceId(), m_a.id);
        QTRY_COMPARE_WITH_TIMEOUT(window.leadList()->model()->rowCount(), 24, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!sync.status()->isSyncing() && sync.status()->isOnline(), 60000);
        auto *online = window.syncStatusBar()->findChild<QLabel *>(QStringLiteral("onlineState"));
        auto *lastSync = window.syncStatusBar()->findChild<QLabel *>(QStringLiteral("lastSync"));
        QVERIFY(online->text().contains(QStringLiteral("Online")));
        QVERIFY(lastSync->text().contains(QStringLiteral("just now")));

        // The other workspace: its cache, its service, its key; the first one's service hears nothing more.
        const int readsBefore = m_secrets.calls();
        QTRY_VERIFY(requestsTo(m_north) > 0);
        const int north = requestsTo(m_north);
        QComboBox *switcher = window.sidebar()->workspaceSwitcher();
        switcher->setCurrentIndex(switcher->findText(QStringLiteral("South")));
        QCOMPARE(window.currentWorkspace().id, m_b.id);
        // Until South's first sync, the status bar shows South (never synced), not North.
        QVERIFY(!lastSync->text().contains(QStringLiteral("just now")));
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 2, 10000);
        QCOMPARE(sync.workspaceId(), m_b.id);
        QTRY_COMPARE_WITH_TIMEOUT(window.leadList()->model()->rowCount(), 37, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!sync.status()->isSyncing() && sync.status()->isOnline(), 60000);
        QTRY_VERIFY(lastSync->text().contains(QStringLiteral("just now")));
        QVERIFY(requestsTo(m_south) > 0);
        QCOMPARE(requestsTo(m_north), north);
        QCOMPARE(m_secrets.calls(), readsBefore + 1);

        // Back to North: its cache is still there and it syncs again.
        switcher->setCurrentIndex(switcher->findText(QStringLiteral("North")));
        QCOMPARE(window.leadList()->model()->rowCount(), 24);
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 3, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(requestsTo(m_north) > north, 60000);
    }

    void aKeychainThatAnswersLateIsWaitedForNotReasked()
    {
        MainWindow window(*m_registry);
        WorkspaceSync sync(window, *m_registry, m_secrets);
        SyncOptions options;
        options.details = SyncOptions::Details::None;
        sync.setSyncOptions(options);
        sync.setKeychainRetryDelay(200);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy started(&sync, &WorkspaceSync::started);
        QSignalSpy waiting(&sync, &WorkspaceSync::waiting);
        m_secrets.setFailure(SecretError{SecretError::Kind::Locked, QStringLiteral("the keyring is locked")});
        const int reads = m_secrets.calls();
        sync.follow(window.currentWorkspace());
        QTRY_VERIFY_WITH_TIMEOUT(waiting.size() >= 2, 10000);
        QVERIFY(m_secrets.calls() >= reads + 2);
        QVERIFY(started.isEmpty());
        QVERIFY(!sync.session());
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("Waiting for the keychain")));
        // No prompt for a key the keychain holds.
        for (const QDialog *dialog : window.findChildren<QDialog *>())
            QVERIFY2(!dialog->isVisible(), qPrintable(dialog->windowTitle()));

        m_secrets.setFailure(std::nullopt);
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 10000);
        QVERIFY(sync.session());
        QTRY_VERIFY_WITH_TIMEOUT(!sync.status()->isSyncing() && sync.status()->isOnline(), 60000);
    }
};

QTEST_MAIN(TestWorkspaceSync)
#include "tst_workspacesync.moc"
