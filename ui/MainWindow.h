#pragma once

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QStackedWidget;

namespace outpost {

class CacheOnlySyncStatus;
class CommandPalette;
class ConflictsDialog;
class DashboardPage;
class LeadListPage;
class OutboxLeadEdits;
class PipelineBoard;
class PipelineModel;
class SavedViewsModel;
class SettingsPage;
class Sidebar;
class SyncStatusBar;
class SyncStatusSource;
class WorkspaceCache;
class WorkspaceListModel;
class WorkspaceRegistry;
struct Workspace;

// The window: sidebar (workspace, pages, saved views), the pages, and a status
// bar fed by a SyncStatusSource. Everything shown is read from the open
// workspace's cache; nothing here talks to the network.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(WorkspaceRegistry &registry, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Sync and outbox state; the window does not take ownership. nullptr goes
    // back to the built-in cache-only status (offline, edits unavailable).
    void setSyncStatus(SyncStatusSource *source);
    WorkspaceCache *cache() const { return m_cache; }
    LeadListPage *leadList() const { return m_leadList; }
    PipelineBoard *pipelineBoard() const { return m_board; }
    Sidebar *sidebar() const { return m_sidebar; }
    CommandPalette *commandPalette() const { return m_palette; }
    SyncStatusBar *syncStatusBar() const { return m_syncBar; }
    // The open conflicts dialog, if any.
    ConflictsDialog *conflictsDialog() const;
    OutboxLeadEdits *edits() const { return m_edits; }
    SettingsPage *settingsPage() const { return m_settings; }
    int currentPage() const;

public slots:
    void showPage(int page);
    void openLead(qint64 id);
    void showConflicts();
    // Shows this workspace (just added, for instance) and makes the switcher follow.
    void showWorkspace(const QUuid &id);

signals:
    // The welcome page's buttons: whoever can add a workspace or start the demo
    // connects to these (the workspace dialog, the demo service in main()).
    void addWorkspaceRequested();
    void demoRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private slots:
    void switchToRow(int row);
    void askForViewName();
    void applySavedView(int row);
    void updateCachedCount();

private:
    QWidget *buildWelcomePage();
    QWidget *buildWorkspaceArea();
    void installShortcuts();
    void fillCommandPalette();
    void showPlan(const Workspace &workspace);
    void askForWelcomeAction(void (MainWindow::*signal)(), const QString &fallback);
    void restoreState();
    void saveState() const;
    void connectSettings();

    WorkspaceRegistry &m_registry;
    WorkspaceListModel *m_workspaces;
    WorkspaceCache *m_cache;
    SavedViewsModel *m_savedViews;
    PipelineModel *m_pipeline;
    CacheOnlySyncStatus *m_cacheOnly;
    OutboxLeadEdits *m_edits;
    SyncStatusSource *m_sync = nullptr;
    QStackedWidget *m_root = nullptr;
    QStackedWidget *m_pages = nullptr;
    Sidebar *m_sidebar = nullptr;
    LeadListPage *m_leadList = nullptr;
    PipelineBoard *m_board = nullptr;
    DashboardPage *m_dashboard = nullptr;
    SettingsPage *m_settings = nullptr;
    SyncStatusBar *m_syncBar = nullptr;
    QLabel *m_statusCount = nullptr;
    QLabel *m_plan = nullptr;
    QLabel *m_welcomeHint = nullptr;
    CommandPalette *m_palette = nullptr;
    QPointer<ConflictsDialog> m_conflictsDialog;
};

} // namespace outpost
