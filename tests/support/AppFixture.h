#pragma once

#include "SimFixture.h"
#include "sync/SyncEngine.h"
#include "sync/SyncOptions.h"
#include "workspace/Workspace.h"

#include <QObject>
#include <QSize>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace outpost {
class MainWindow;
class SessionSyncStatus;
class SyncSession;
class WorkspaceRegistry;
} // namespace outpost

namespace outpost::test {

// The desktop app over outpost-sim, as the UI tests drive it: a profile in a
// temporary directory, one default workspace pointing at the sim, its sync
// session (on the real sync thread, into a real cache file) with the status
// the window shows, and the MainWindow, shown and exposed. Optionally the
// workspace's key goes into the real keychain too, for the dialogs that read it.
class AppFixture
{
public:
    struct Options
    {
        QString workspaceName = QStringLiteral("Sim");
        QString plan; // the plan the workspace last saw ("premium"); empty: not known yet
        SyncOptions sync = quickSync();
        QSize windowSize; // empty: the window's own size
        bool keyInKeychain = false;
    };

    AppFixture();
    ~AppFixture();
    AppFixture(const AppFixture &) = delete;
    AppFixture &operator=(const AppFixture &) = delete;

    // Starts the sim with `simOptions`, then builds the profile, the workspace,
    // the session and the window. Returns false and sets errorString() when a
    // step fails.
    bool start(const sim::SimOptions &simOptions, const Options &options);
    // Runs one sync now and waits for its end (false when it does not end in
    // time); how it ended is lastOutcome().
    bool syncOnce(int timeoutMs = 60000);
    SyncEngine::Outcome lastOutcome() const { return m_lastOutcome; }
    QString errorString() const { return m_error; }

    // Leads only, no details or snapshots: what most UI tests need, quickly.
    static SyncOptions quickSync();

    SimFixture &sim() { return m_sim; }
    WorkspaceRegistry &registry() { return *m_registry; }
    const Workspace &workspace() const { return m_workspace; }
    QString cachePath() const;
    SyncSession *session() const { return m_session.get(); }
    SessionSyncStatus *status() const { return m_status.get(); }
    MainWindow *window() const { return m_window.get(); }
    QString tempPath(const QString &name) const { return m_dir.filePath(name); }

private:
    bool fail(const QString &error);
    bool addWorkspace(const Options &options);
    bool storeKey();
    void openWindow(const Options &options);

    QTemporaryDir m_dir;
    SimFixture m_sim;
    QObject m_context; // receives the keychain's answers
    std::unique_ptr<WorkspaceRegistry> m_registry;
    Workspace m_workspace;
    std::unique_ptr<SyncSession> m_session;
    std::unique_ptr<SessionSyncStatus> m_status;
    std::unique_ptr<MainWindow> m_window;
    SyncEngine::Outcome m_lastOutcome = SyncEngine::Outcome::Failed;
    QString m_error;
};

} // namespace outpost::test
