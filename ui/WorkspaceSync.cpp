#include "WorkspaceSync.h"

#include "CampaignsPage.h"
#include "MainWindow.h"
#include "SessionSyncStatus.h"
#include "SettingsPage.h"
#include "WorkspaceCache.h"
#include "analytics/DashboardFigures.h"
#include "api/ApiClient.h"
#include "api/ApiConfig.h"
#include "api/RateBudget.h"
#include "sync/SyncSession.h"
#include "workspace/WorkspaceRegistry.h"

#include <QStatusBar>

#include <algorithm>

namespace outpost {

namespace {

constexpr int kMaxRetryMs = 60000;

} // namespace

WorkspaceSync::WorkspaceSync(MainWindow &window, WorkspaceRegistry &registry, SecretStore &secrets, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_registry(registry)
    , m_secrets(secrets)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &WorkspaceSync::readKey);
    connect(&window, &MainWindow::workspaceShown, this, &WorkspaceSync::follow);
    connect(window.settingsPage(), &SettingsPage::workspaceKeyChanged, this, &WorkspaceSync::restart);
    // Its files are about to go: the session lets go of them first.
    connect(window.settingsPage(), &SettingsPage::workspaceRemoved, this, [this](const QUuid &id) {
        if (id == m_workspace.id) {
            stop();
            m_workspace = Workspace();
        }
    });
    connect(this, &WorkspaceSync::waiting, &window,
            [&window](const QUuid &, const QString &message) { window.statusBar()->showMessage(message); });
}

WorkspaceSync::~WorkspaceSync()
{
    stop();
}

void WorkspaceSync::follow(const Workspace &workspace)
{
    // Shown again unchanged (the registry reloaded): the session goes on. An
    // edited address or client id starts a new one.
    const bool same = workspace.id == m_workspace.id && workspace.baseUrl == m_workspace.baseUrl &&
                      workspace.clientId == m_workspace.clientId && workspace.service == m_workspace.service;
    if (same && (m_session || m_retry.isActive()))
        return;
    stop();
    m_workspace = workspace;
    m_retryMs = m_firstRetryMs;
    if (workspace.id.isNull() || workspace.isOffline())
        return;
    readKey();
}

void WorkspaceSync::restart(const QUuid &id)
{
    if (id != m_workspace.id || id.isNull())
        return;
    const std::optional<Workspace> workspace = m_registry.find(id);
    stop();
    if (!workspace)
        return;
    m_workspace = *workspace;
    m_retryMs = m_firstRetryMs;
    readKey();
}

void WorkspaceSync::stop()
{
    ++m_generation;
    m_retry.stop();
    if (!m_session)
        return;
    // The window lets go first: nothing may reach the old session's status or cache after this.
    m_window.setSyncStatus(nullptr);
    m_window.campaigns()->setApiClient(nullptr);
    disconnect(m_session.get(), nullptr, this, nullptr);
    disconnect(m_session.get(), nullptr, m_window.cache(), nullptr);
    m_status.reset();
    m_session.reset();
    m_client.reset();
}

void WorkspaceSync::readKey()
{
    const quint64 generation = ++m_generation;
    m_secrets.read(SecretStore::apiKeyName(m_workspace.id), this, [this, generation](auto key) {
        if (key)
            onKey(generation, *key);
        else
            onKeyError(generation, key.error());
    });
}

void WorkspaceSync::onKey(quint64 generation, const QString &key)
{
    if (generation != m_generation)
        return;
    start(key);
}

void WorkspaceSync::onKeyError(quint64 generation, const SecretError &error)
{
    if (generation != m_generation)
        return;
    if (error.kind == SecretError::Kind::NotFound) {
        // The one case where asking is right: the keychain has no key for it.
        emit waiting(m_workspace.id, tr("No API key for \"%1\" in the keychain.").arg(m_workspace.name));
        m_window.settingsPage()->askForNewKey(
            m_workspace.id, tr("The keychain has no API key for this workspace: enter one to sync it."));
        return;
    }
    emit waiting(m_workspace.id, tr("Waiting for the keychain to sync \"%1\" (it answered: %2). Trying again in %n "
                                    "second(s).",
                                    nullptr, std::max(1, m_retryMs / 1000))
                                     .arg(m_workspace.name, error.message));
    m_retry.start(m_retryMs);
    m_retryMs = std::min(m_retryMs * 2, kMaxRetryMs);
}

void WorkspaceSync::start(const QString &key)
{
    const Profile &profile = m_registry.profile();
    const Workspace &w = m_workspace;
    m_session = std::make_unique<SyncSession>(ApiConfig::forWorkspace(w, key), RateBudget::forWorkspace(w),
                                              profile.cachePath(w.id), profile.syncLockPath(w.id));
    const QDateTime lastSync =
        m_window.cache()->isOpen() ? DashboardFigures::cacheAsOf(m_window.cache()->database()) : QDateTime();
    m_status = std::make_unique<SessionSyncStatus>(m_session.get(), m_options, lastSync);
    connect(m_session.get(), &SyncSession::leadsChanged, m_window.cache(), &WorkspaceCache::notifyLeadsChanged);
    connect(m_session.get(), &SyncSession::unauthorized, this,
            [this, id = w.id](const QString &message) { m_window.settingsPage()->askForNewKey(id, message); });
    m_window.setSyncStatus(m_status.get());
    m_client = std::make_unique<ApiClient>(ApiConfig::forWorkspace(w, key), RateBudget::forWorkspace(w));
    m_window.campaigns()->setApiClient(m_client.get());
    m_window.statusBar()->clearMessage();
    m_status->syncNow();
    emit started(w.id);
}

} // namespace outpost
