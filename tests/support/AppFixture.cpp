#include "AppFixture.h"

#include "MainWindow.h"
#include "SessionSyncStatus.h"
#include "WorkspaceCache.h"
#include "api/ApiConfig.h"
#include "api/RateBudget.h"
#include "secrets/KeychainSecretStore.h"
#include "sync/SyncEngine.h"
#include "sync/SyncSession.h"
#include "workspace/WorkspaceRegistry.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <optional>

namespace outpost::test {

AppFixture::AppFixture() = default;

AppFixture::~AppFixture()
{
    // The window watches the status, which watches the session: take them down in that order.
    if (m_window)
        m_window->setSyncStatus(nullptr);
    m_window.reset();
    m_status.reset();
    m_session.reset();
}

SyncOptions AppFixture::quickSync()
{
    SyncOptions sync;
    sync.details = SyncOptions::Details::None; // details come when a lead is opened
    sync.snapshots = false;
    return sync;
}

QString AppFixture::cachePath() const
{
    return m_registry->profile().cachePath(m_workspace.id);
}

bool AppFixture::fail(const QString &error)
{
    m_error = error;
    return false;
}

bool AppFixture::start(const sim::SimOptions &simOptions, const Options &options)
{
    if (!m_dir.isValid())
        return fail(QStringLiteral("no temporary directory: %1").arg(m_dir.errorString()));
    if (!m_sim.start(simOptions))
        return fail(m_sim.errorString());
    if (!addWorkspace(options))
        return false;
    if (options.keyInKeychain && !storeKey())
        return false;
    const Profile &profile = m_registry->profile();
    m_session = std::make_unique<SyncSession>(ApiConfig::forWorkspace(m_workspace, m_sim.apiKey()),
                                              RateBudget::forWorkspace(m_workspace), cachePath(),
                                              profile.syncLockPath(m_workspace.id));
    m_status = std::make_unique<SessionSyncStatus>(m_session.get(), options.sync, QDateTime());
    openWindow(options);
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return fail(QStringLiteral("the main window was never exposed"));
    return true;
}

bool AppFixture::addWorkspace(const Options &options)
{
    m_registry = std::make_unique<WorkspaceRegistry>(Profile(m_dir.filePath(QStringLiteral("profile"))));
    if (!m_registry->profile().ensureExists())
        return fail(QStringLiteral("the profile directory cannot be made"));
    Workspace w{QUuid::createUuid(), options.workspaceName, m_sim.baseUrl(), m_sim.clientId()};
    w.service.rateLimit = 100000;
    if (!options.plan.isEmpty())
        w.plan = options.plan;
    auto added = m_registry->add(w);
    if (!added)
        return fail(QStringLiteral("the workspace was not added: %1").arg(added.error().message));
    m_workspace = *added;
    if (auto made = m_registry->setDefault(m_workspace.id); !made)
        return fail(QStringLiteral("the workspace is not the default: %1").arg(made.error().message));
    return true;
}

bool AppFixture::storeKey()
{
    // As in the app: the dialogs that need the key read it from the keychain.
    KeychainSecretStore keychain;
    std::optional<bool> written;
    keychain.write(SecretStore::apiKeyName(m_workspace.id), m_sim.apiKey(), &m_context,
                   [&written](Result<void, SecretError> r) { written = r.ok(); });
    if (!QTest::qWaitFor([&] { return written.has_value(); }, 30000))
        return fail(QStringLiteral("the keychain did not answer"));
    return *written || fail(QStringLiteral("the keychain refused the key"));
}

void AppFixture::openWindow(const Options &options)
{
    m_window = std::make_unique<MainWindow>(*m_registry);
    QObject::connect(m_session.get(), &SyncSession::leadsChanged, m_window->cache(),
                     &WorkspaceCache::notifyLeadsChanged);
    m_window->setSyncStatus(m_status.get());
    if (options.windowSize.isValid())
        m_window->resize(options.windowSize);
    m_window->show();
}

bool AppFixture::syncOnce(int timeoutMs)
{
    QSignalSpy finished(m_session.get(), &SyncSession::finished);
    m_status->syncNow();
    if (!finished.wait(timeoutMs))
        return fail(QStringLiteral("the sync did not end within %1 ms").arg(timeoutMs));
    m_lastOutcome = finished.first().at(0).value<SyncEngine::Outcome>();
    return true;
}

} // namespace outpost::test
