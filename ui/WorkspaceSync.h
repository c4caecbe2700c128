#pragma once

#include "secrets/SecretStore.h"
#include "sync/SyncEngine.h"
#include "workspace/Workspace.h"

#include <QObject>
#include <QTimer>
#include <QUuid>

#include <memory>

namespace outpost {

class ApiClient;
class MainWindow;
class SessionSyncStatus;
class SyncSession;
class WorkspaceRegistry;

// Syncs whichever workspace the window shows. A switch lets the previous
// workspace's session go (its edits stay in its outbox), reads the new one's
// key from the keychain and starts its session; the status bar follows. A
// keychain that answers late or is locked is waited for and asked again later,
// never turned into a prompt for a key it holds; only a missing key asks.
class WorkspaceSync : public QObject
{
    Q_OBJECT

public:
    WorkspaceSync(MainWindow &window, WorkspaceRegistry &registry, SecretStore &secrets, QObject *parent = nullptr);
    ~WorkspaceSync() override;

    // For every session started from now on (tests: no detail downloads).
    void setSyncOptions(const SyncOptions &options) { m_options = options; }
    // The first wait before asking a keychain that did not answer again; it doubles up to a minute.
    void setKeychainRetryDelay(int ms) { m_firstRetryMs = ms; }

    QUuid workspaceId() const { return m_workspace.id; }
    SyncSession *session() const { return m_session.get(); }
    SessionSyncStatus *status() const { return m_status.get(); }

public slots:
    // Shows `workspace`'s sync from now on (a null id: none).
    void follow(const outpost::Workspace &workspace);
    // Its key changed in the keychain: a new session with the new key.
    void restart(const QUuid &id);

signals:
    // A session for this workspace runs (and its first sync started).
    void started(const QUuid &id);
    // Why there is no session yet (keychain waited for, key missing).
    void waiting(const QUuid &id, const QString &message);

private:
    void stop();
    void readKey();
    void onKey(quint64 generation, const QString &key);
    void onKeyError(quint64 generation, const SecretError &error);
    void start(const QString &key);

    MainWindow &m_window;
    WorkspaceRegistry &m_registry;
    SecretStore &m_secrets;
    SyncOptions m_options;
    Workspace m_workspace;
    // Answers for an earlier workspace (or an earlier read) are dropped.
    quint64 m_generation = 0;
    QTimer m_retry;
    int m_firstRetryMs = 5000;
    int m_retryMs = 0;
    std::unique_ptr<SyncSession> m_session;
    std::unique_ptr<SessionSyncStatus> m_status;
    std::unique_ptr<ApiClient> m_client;
};

} // namespace outpost
