#include "MainWindow.h"

#include "CacheOnlySyncStatus.h"
#include "CampaignsPage.h"
#include "CommandPalette.h"
#include "ConflictsDialog.h"
#include "DashboardPage.h"
#include "LeadDetailPane.h"
#include "LeadListPage.h"
#include "LeadTableModel.h"
#include "OutboxLeadEdits.h"
#include "PipelineBoard.h"
#include "PipelineModel.h"
#include "PlaceholderPage.h"
#include "PlanLimits.h"
#include "SavedViewsModel.h"
#include "SettingsPage.h"
#include "Sidebar.h"
#include "SyncStatusBar.h"
#include "WorkspaceCache.h"
#include "WorkspaceListModel.h"
#include "workspace/WorkspaceRegistry.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMetaMethod>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace outpost {

namespace {

const QLatin1StringView kGeometryKey("window/geometry");
const QLatin1StringView kPageKey("window/page");

QLabel *makeLabel(const QString &text, qreal scale, bool bold, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(bold);
    label->setFont(font);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

MainWindow::MainWindow(WorkspaceRegistry &registry, QWidget *parent)
    : QMainWindow(parent)
    , m_registry(registry)
    , m_workspaces(new WorkspaceListModel(registry, this))
    , m_cache(new WorkspaceCache(this))
    , m_savedViews(new SavedViewsModel(registry.profile().settingsPath(), this))
    , m_pipeline(new PipelineModel(m_cache, this))
    , m_planLimits(new PlanLimits(m_cache, this))
    , m_cacheOnly(new CacheOnlySyncStatus(this))
    , m_edits(new OutboxLeadEdits(m_cache, this))
{
    // Queued, undone and resolved edits change cached leads: every view follows.
    connect(m_edits, &LeadEdits::leadsChanged, m_cache, &WorkspaceCache::notifyLeadsChanged);
    setWindowTitle(tr("Outpost"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/outpost.svg")));
    resize(1200, 760);
    m_sync = m_cacheOnly;

    m_root = new QStackedWidget(this);
    m_root->addWidget(buildWelcomePage());
    m_root->addWidget(buildWorkspaceArea());
    setCentralWidget(m_root);

    m_statusCount = new QLabel(statusBar());
    m_statusCount->setObjectName(QStringLiteral("cachedCount"));
    statusBar()->addPermanentWidget(m_statusCount);
    m_syncBar = new SyncStatusBar(statusBar());
    statusBar()->addPermanentWidget(m_syncBar);
    m_plan = new QLabel(statusBar());
    m_plan->setObjectName(QStringLiteral("planLimits"));
    m_plan->setEnabled(false);
    statusBar()->addPermanentWidget(m_plan);
    m_palette = new CommandPalette(m_cache, this);
    connect(m_palette, &CommandPalette::leadPicked, this, &MainWindow::openLead);
    connect(m_syncBar, &SyncStatusBar::conflictsRequested, this, &MainWindow::showConflicts);
    setSyncStatus(nullptr);
    installShortcuts();
    fillCommandPalette();

    connect(m_sidebar->workspaceSwitcher(), &QComboBox::currentIndexChanged, this, &MainWindow::switchToRow);
    connect(m_cache, &WorkspaceCache::leadsChanged, this, &MainWindow::updateCachedCount);
    connect(m_planLimits, &PlanLimits::changed, this, [this] { showPlan(currentWorkspace()); });
    const auto current = registry.defaultWorkspace();
    const int row = current ? m_workspaces->rowOf(current->id) : (m_workspaces->rowCount() > 0 ? 0 : -1);
    {
        const QSignalBlocker blocker(m_sidebar->workspaceSwitcher());
        m_sidebar->workspaceSwitcher()->setCurrentIndex(row);
    }
    switchToRow(row);
    restoreState();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::buildWelcomePage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    auto *logo = new QLabel(page);
    logo->setPixmap(windowIcon().pixmap(QSize(96, 96), devicePixelRatioF()));
    logo->setAlignment(Qt::AlignCenter);
    logo->setAccessibleName(tr("Outpost"));
    layout->addWidget(logo);
    layout->addSpacing(8);
    layout->addWidget(makeLabel(tr("Welcome to Outpost"), 2.0, true, page));
    layout->addWidget(makeLabel(tr("Your leads, messages and pipeline, with or without a network.\n"
                                   "This profile has no workspace yet: add one to start."),
                                1.1, false, page));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    auto *add = new QPushButton(tr("Add a workspace…"), page);
    add->setObjectName(QStringLiteral("addWorkspace"));
    add->setDefault(true);
    add->setToolTip(tr("Connect to your service: its address, your client id and an API key"));
    auto *demo = new QPushButton(tr("Open the demo"), page);
    demo->setObjectName(QStringLiteral("openDemo"));
    demo->setToolTip(tr("A built-in service on this computer with made-up leads to try everything"));
    buttons->addWidget(add);
    buttons->addWidget(demo);
    buttons->addStretch();
    layout->addSpacing(12);
    layout->addLayout(buttons);
    m_welcomeHint = makeLabel(QString(), 1.0, false, page);
    m_welcomeHint->setObjectName(QStringLiteral("welcomeHint"));
    m_welcomeHint->setVisible(false);
    layout->addWidget(m_welcomeHint);
    layout->addStretch();
    connect(add, &QPushButton::clicked, this, [this] {
        askForWelcomeAction(
            &MainWindow::addWorkspaceRequested,
            tr("Add a workspace from a terminal: outpostctl workspace add NAME --url URL --client-id ID"));
    });
    connect(demo, &QPushButton::clicked, this,
            [this] { askForWelcomeAction(&MainWindow::demoRequested, tr("Start the demo with: outpost --demo")); });
    return page;
}

QWidget *MainWindow::buildWorkspaceArea()
{
    auto *area = new QWidget(this);
    auto *layout = new QHBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_sidebar = new Sidebar(m_workspaces, m_savedViews, area);
    layout->addWidget(m_sidebar);

    m_pages = new QStackedWidget(area);
    m_leadList = new LeadListPage(m_cache, m_cacheOnly, m_pages);
    m_board = new PipelineBoard(m_pipeline, m_pages);
    m_dashboard = new DashboardPage(m_cache, m_pages);
    m_pages->addWidget(m_leadList);
    m_pages->addWidget(m_board);
    m_pages->addWidget(m_dashboard);
    // Campaigns (builder and list): its own page, see CampaignsPage.
    m_campaigns = new CampaignsPage(m_cache, m_pages);
    m_pages->addWidget(m_campaigns);
    m_settings = new SettingsPage(m_registry, nullptr, nullptr, m_pages);
    m_pages->addWidget(m_settings);
    layout->addWidget(m_pages, 1);

    connect(m_sidebar, &Sidebar::pageSelected, this, &MainWindow::showPage);
    connect(m_sidebar, &Sidebar::savedViewSelected, this, &MainWindow::applySavedView);
    connect(m_sidebar, &Sidebar::removeSavedViewRequested, m_savedViews, &SavedViewsModel::remove);
    connect(m_leadList, &LeadListPage::saveViewRequested, this, &MainWindow::askForViewName);
    connect(m_board, &PipelineBoard::leadOpened, this, &MainWindow::openLead);
    connect(m_board, &PipelineBoard::moveFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 6000); });
    connectSettings();
    return area;
}

// Settings edits the registry: the switcher follows, and a removed workspace's
// cache is let go before its files are deleted.
void MainWindow::connectSettings()
{
    connect(m_settings, &SettingsPage::workspacesChanged, this, [this] {
        QComboBox *switcher = m_sidebar->workspaceSwitcher();
        const QUuid current = m_workspaces->workspaceAt(switcher->currentIndex()).id;
        const QSignalBlocker blocker(switcher);
        m_workspaces->reload();
        int row = m_workspaces->rowOf(current);
        if (row < 0)
            row = m_workspaces->rowCount() > 0 ? 0 : -1;
        switcher->setCurrentIndex(row);
        switchToRow(row);
    });
    connect(m_settings, &SettingsPage::liveLeadsChanged, this, [this](const QUuid &id, const QList<qint64> &ids) {
        if (m_workspaces->workspaceAt(m_sidebar->workspaceSwitcher()->currentIndex()).id == id)
            m_cache->notifyLeadsChanged(ids);
    });
    connect(m_settings, &SettingsPage::inAppNotice, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_settings, &SettingsPage::switchRequested, this,
            [this](const QUuid &id) { m_sidebar->workspaceSwitcher()->setCurrentIndex(m_workspaces->rowOf(id)); });
}

void MainWindow::installShortcuts()
{
    for (int page = 0; page < Sidebar::PageCount; ++page) {
        auto *s = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + page)), this);
        connect(s, &QShortcut::activated, this, [this, page] { showPage(page); });
    }
    auto *palette = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_K), this);
    connect(palette, &QShortcut::activated, m_palette, &CommandPalette::popup);
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        showPage(Sidebar::Leads);
        m_leadList->focusSearch();
    });
}

void MainWindow::askForWelcomeAction(void (MainWindow::*signal)(), const QString &fallback)
{
    // A button nobody answers says what to do instead of doing nothing.
    if (isSignalConnected(QMetaMethod::fromSignal(signal))) {
        m_welcomeHint->setVisible(false);
        emit(this->*signal)();
        return;
    }
    m_welcomeHint->setText(fallback);
    m_welcomeHint->setVisible(true);
}

void MainWindow::fillCommandPalette()
{
    const QStringList pages = {tr("Go to Leads"), tr("Go to Pipeline"), tr("Go to Dashboard"), tr("Go to Campaigns"),
                               tr("Go to Settings")};
    for (int page = 0; page < pages.size(); ++page) {
        m_palette->addAction(pages.at(page),
                             QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + page)).toString(QKeySequence::NativeText),
                             [this, page] { showPage(page); });
    }
    m_palette->addAction(tr("Search leads"), QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText),
                         [this] {
                             showPage(Sidebar::Leads);
                             m_leadList->focusSearch();
                         });
    m_palette->addAction(tr("Save the current view…"), QString(), [this] { askForViewName(); });
    m_palette->addAction(tr("Work offline / go online"), QString(),
                         [this] { m_sync->setWorkingOffline(!m_sync->isWorkingOffline()); });
    m_palette->addAction(tr("Resolve conflicts…"), QString(), [this] { showConflicts(); });
}

ConflictsDialog *MainWindow::conflictsDialog() const
{
    return m_conflictsDialog.data();
}

void MainWindow::showConflicts()
{
    LeadEdits *edits = m_sync->edits();
    if (!edits) {
        statusBar()->showMessage(m_sync->editsUnavailableReason(), 6000);
        return;
    }
    if (!m_conflictsDialog) {
        m_conflictsDialog = new ConflictsDialog(edits, this);
        m_conflictsDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_conflictsDialog->reload();
    m_conflictsDialog->open();
    m_conflictsDialog->raise();
}

Workspace MainWindow::currentWorkspace() const
{
    return m_workspaces->workspaceAt(m_sidebar->workspaceSwitcher()->currentIndex());
}

// The plan as the registry knows it or as the last sync learned it (a Premium
// endpoint refused): Premium features stay visible, greyed, with the reason.
void MainWindow::showPlan(const Workspace &workspace)
{
    const bool learned = !workspace.id.isNull() && m_planLimits->isLimited();
    const bool basic = workspace.plan == QLatin1String("basic") || learned;
    m_plan->setVisible(basic || !workspace.plan.isEmpty());
    m_plan->setText(basic ? tr("Basic plan") : tr("Premium plan"));
    QString reason;
    if (basic) {
        reason = tr("Bulk actions, the service's campaign list and its SLA figures need the Premium plan of the "
                    "service. The dashboard computes its figures from the cache, and campaigns made here are "
                    "listed.");
        if (learned)
            reason = tr("The service said: %1\n%2").arg(m_planLimits->premiumReason(), reason);
    }
    m_plan->setToolTip(basic ? reason : tr("Every feature of the service is available"));
    m_plan->setAccessibleDescription(m_plan->toolTip());
    m_leadList->setPlanLimit(reason);
}

void MainWindow::setSyncStatus(SyncStatusSource *source)
{
    if (m_sync && m_sync != source) {
        m_sync->setEdits(nullptr);
        disconnect(m_sync, &SyncStatusSource::changed, m_planLimits, &PlanLimits::refresh);
    }
    m_sync = source ? source : m_cacheOnly;
    m_sync->setEdits(m_edits);
    m_syncBar->setSource(m_sync);
    // What a sync learned about the plan shows as soon as it is stored.
    connect(m_sync, &SyncStatusSource::changed, m_planLimits, &PlanLimits::refresh, Qt::UniqueConnection);
    m_leadList->setSyncStatus(m_sync);
    m_board->setSyncStatus(m_sync);
    if (m_conflictsDialog)
        m_conflictsDialog->close();
}

int MainWindow::currentPage() const
{
    return m_pages->currentIndex();
}

void MainWindow::showPage(int page)
{
    if (page < 0 || page >= Sidebar::PageCount || m_root->currentIndex() != 1)
        return;
    m_pages->setCurrentIndex(page);
    const QSignalBlocker blocker(m_sidebar);
    m_sidebar->setCurrentPage(page);
}

void MainWindow::openLead(qint64 id)
{
    showPage(Sidebar::Leads);
    m_leadList->detailPane()->showLead(id);
}

void MainWindow::showWorkspace(const QUuid &id)
{
    m_workspaces->reload();
    const int row = m_workspaces->rowOf(id);
    {
        const QSignalBlocker blocker(m_sidebar->workspaceSwitcher());
        m_sidebar->workspaceSwitcher()->setCurrentIndex(row);
    }
    switchToRow(row);
}

void MainWindow::switchToRow(int row)
{
    const Workspace w = m_workspaces->workspaceAt(row);
    m_savedViews->setWorkspace(w.id);
    if (w.id.isNull()) {
        m_cache->close();
        m_root->setCurrentIndex(0);
        m_statusCount->setText(tr("No workspace"));
        setWindowTitle(tr("Outpost"));
        showPlan(w);
        emit workspaceShown(w);
        return;
    }
    auto opened = m_cache->open(m_registry.profile().cachePath(w.id));
    if (!opened)
        statusBar()->showMessage(tr("Cannot open the cache of %1: %2").arg(w.name, opened.error().message));
    m_root->setCurrentIndex(1);
    m_dashboard->setWorkspaceName(w.name);
    showPlan(w);
    setWindowTitle(tr("%1 — Outpost").arg(w.name));
    updateCachedCount();
    emit workspaceShown(w);
}

void MainWindow::updateCachedCount()
{
    qint64 total = 0;
    if (m_cache->isOpen()) {
        auto n = m_cache->store().totalCount();
        total = n ? *n : 0;
    }
    m_statusCount->setText(tr("Leads cached: %1").arg(QLocale().toString(total)));
}

void MainWindow::askForViewName()
{
    // Non-modal: open() returns at once, no nested event loop.
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Save view"));
    dialog->setLabelText(tr("Name of this view (its search, filters and sort):"));
    dialog->setObjectName(QStringLiteral("saveViewDialog"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &name) {
        SavedView view = m_leadList->currentView();
        view.name = name.trimmed();
        if (view.name.isEmpty())
            return;
        m_savedViews->save(view);
        statusBar()->showMessage(tr("Saved the view “%1”").arg(view.name), 4000);
    });
    dialog->open();
}

void MainWindow::applySavedView(int row)
{
    showPage(Sidebar::Leads);
    m_leadList->applyView(m_savedViews->viewAt(row));
}

void MainWindow::restoreState()
{
    const QSettings settings(m_registry.profile().settingsPath(), QSettings::IniFormat);
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    showPage(settings.value(kPageKey, int(Sidebar::Leads)).toInt());
}

void MainWindow::saveState() const
{
    QSettings settings(m_registry.profile().settingsPath(), QSettings::IniFormat);
    settings.setValue(kGeometryKey, saveGeometry());
    if (m_root->currentIndex() == 1)
        settings.setValue(kPageKey, m_pages->currentIndex());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    QMainWindow::closeEvent(event);
}

} // namespace outpost
