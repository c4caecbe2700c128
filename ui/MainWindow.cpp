#include "MainWindow.h"

#include "WorkspaceListModel.h"
#include "WorkspaceSummary.h"
#include "workspace/WorkspaceRegistry.h"

#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace outpost {

namespace {

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
    , m_summary(new WorkspaceSummary(registry.profile(), this))
{
    setWindowTitle(tr("Outpost"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/outpost.svg")));
    resize(1100, 720);

    auto *toolbar = addToolBar(tr("Workspace"));
    toolbar->setObjectName(QStringLiteral("workspaceToolBar"));
    toolbar->setMovable(false);
    toolbar->addWidget(new QLabel(tr("Workspace:"), toolbar));
    m_switcher = new QComboBox(toolbar);
    m_switcher->setAccessibleName(tr("Workspace"));
    m_switcher->setModel(m_workspaces);
    m_switcher->setMinimumContentsLength(20);
    toolbar->addWidget(m_switcher);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildWelcomePage());
    m_pages->addWidget(buildWorkspacePage());
    setCentralWidget(m_pages);

    m_statusCount = new QLabel(statusBar());
    statusBar()->addPermanentWidget(m_statusCount);

    connect(m_summary, &WorkspaceSummary::changed, this, &MainWindow::showSummary);
    connect(m_switcher, &QComboBox::currentIndexChanged, this, &MainWindow::switchToRow);

    const auto current = registry.defaultWorkspace();
    const int row = current ? m_workspaces->rowOf(current->id) : -1;
    m_switcher->setCurrentIndex(row);
    switchToRow(row);
}

QWidget *MainWindow::buildWelcomePage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    layout->addWidget(makeLabel(tr("Welcome to Outpost"), 2.0, true, page));
    layout->addWidget(makeLabel(tr("Your leads, messages and pipeline, with or without a network.\n"
                                   "This profile has no workspace yet: add one to start."),
                                1.1, false, page));
    layout->addStretch();
    return page;
}

QWidget *MainWindow::buildWorkspacePage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    m_title = makeLabel(QString(), 1.6, true, page);
    m_count = makeLabel(QString(), 3.0, true, page);
    m_count->setAccessibleName(tr("Cached leads"));
    layout->addWidget(m_title);
    layout->addWidget(m_count);
    layout->addWidget(makeLabel(tr("leads in the local cache"), 1.1, false, page));
    layout->addStretch();
    return page;
}

void MainWindow::switchToRow(int row)
{
    const Workspace w = m_workspaces->workspaceAt(row);
    m_switcher->setEnabled(m_workspaces->rowCount() > 1);
    m_summary->setWorkspace(w);
}

void MainWindow::showSummary()
{
    const Workspace w = m_summary->workspace();
    if (w.id.isNull()) {
        m_pages->setCurrentIndex(0);
        m_statusCount->setText(tr("No workspace"));
        return;
    }
    m_pages->setCurrentIndex(1);
    m_title->setText(w.name);
    const QString count = QLocale().toString(m_summary->leadCount());
    m_count->setText(count);
    if (!m_summary->errorText().isEmpty())
        statusBar()->showMessage(tr("Cannot read the cache: %1").arg(m_summary->errorText()));
    m_statusCount->setText(tr("Leads cached: %1").arg(count));
    setWindowTitle(tr("%1 — Outpost").arg(w.name));
}

} // namespace outpost
