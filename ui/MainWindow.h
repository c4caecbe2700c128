#pragma once

#include <QMainWindow>
#include <QPointer>

#include "workspace/Workspace.h"

class QLabel;
class QStackedWidget;

namespace outpost {

class CacheOnlySyncStatus;
class CampaignsPage;
class CommandPalette;
class ConflictsDialog;
class DashboardPage;
class LeadListPage;
class OutboxLeadEdits;
class PipelineBoard;
class PipelineModel;
class PlanLimits;
class SavedViewsModel;
class SettingsPage;
class Sidebar;
class SyncStatusBar;
class SyncStatusSource;
class WorkspaceCache;
class WorkspaceListModel;
class WorkspaceRegistry;

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
    CampaignsPage *campaigns() const { return m_campaigns; }
    PipelineBoard *pipelineBoard() const { return m_board; }
    DashboardPage *dashboard() const { return m_dashboard; }
    Sidebar *sidebar() const { return m_sidebar; }
    CommandPalette *commandPalette() const { return m_palette; }
    SyncStatusBar *syncStatusBar() const { return m_syncBar; }
    // The open conflicts dialog, if any.
    ConflictsDialog *conflictsDialog() const;
    OutboxLeadEdits *edits() const { return m_edits; }
    SettingsPage *settingsPage() const { return m_settings; }
    PlanLimits *planLimits() const { return m_planLimits; }
    int currentPage() const;
    // The workspace shown (a null id: none, the welcome page).
    Workspace currentWorkspace() const;

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
    // The window now shows this workspace's cache (a null id: none); whoever
    // syncs follows it.
    void workspaceShown(const outpost::Workspace &workspace);

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
    PlanLimits *m_planLimits;
    CacheOnlySyncStatus *m_cacheOnly;
    OutboxLeadEdits *m_edits;
    SyncStatusSource *m_sync = nullptr;
    QStackedWidget *m_root = nullptr;
    QStackedWidget *m_pages = nullptr;
    Sidebar *m_sidebar = nullptr;
    LeadListPage *m_leadList = nullptr;
    PipelineBoard *m_board = nullptr;
    DashboardPage *m_dashboard = nullptr;
    CampaignsPage *m_campaigns = nullptr;
    SettingsPage *m_settings = nullptr;
    SyncStatusBar *m_syncBar = nullptr;
    QLabel *m_statusCount = nullptr;
    QLabel *m_plan = nullptr;
    QLabel *m_welcomeHint = nullptr;
    CommandPalette *m_palette = nullptr;
    QPointer<ConflictsDialog> m_conflictsDialog;
};

} // namespace outpost
