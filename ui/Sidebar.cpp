#include "Sidebar.h"

#include "SavedViewsModel.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace outpost {

namespace {

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text.toUpper(), parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.8);
    font.setBold(true);
    label->setFont(font);
    label->setEnabled(false);
    label->setContentsMargins(8, 8, 0, 0);
    return label;
}

} // namespace

Sidebar::Sidebar(QAbstractItemModel *workspaces, SavedViewsModel *views, QWidget *parent)
    : QWidget(parent)
    , m_viewsModel(views)
{
    setObjectName(QStringLiteral("sidebar"));
    // A role, not a copied colour: the sidebar follows the palette when the
    // system switches between light and dark while the app runs.
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    setFixedWidth(210);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 10, 8, 10);
    layout->setSpacing(6);
    m_switcher = new QComboBox(this);
    m_switcher->setObjectName(QStringLiteral("workspaceSwitcher"));
    m_switcher->setAccessibleName(tr("Workspace"));
    m_switcher->setToolTip(tr("Workspace"));
    m_switcher->setModel(workspaces);
    layout->addWidget(m_switcher);

    m_pages = new QListWidget(this);
    m_pages->setObjectName(QStringLiteral("pageList"));
    m_pages->setAccessibleName(tr("Pages"));
    m_pages->setFrameShape(QFrame::NoFrame);
    m_pages->setIconSize(QSize(18, 18));
    m_pages->setSpacing(3);
    m_pages->viewport()->setAutoFillBackground(false);
    const std::pair<QString, QStyle::StandardPixmap> pages[] = {{tr("Leads"), QStyle::SP_FileDialogDetailedView},
                                                                {tr("Pipeline"), QStyle::SP_FileDialogListView},
                                                                {tr("Dashboard"), QStyle::SP_ComputerIcon},
                                                                {tr("Campaigns"), QStyle::SP_MessageBoxInformation},
                                                                {tr("Settings"), QStyle::SP_FileDialogContentsView}};
    int shortcut = 1;
    for (const auto &[text, icon] : pages) {
        auto *item = new QListWidgetItem(style()->standardIcon(icon), text, m_pages);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(text).arg(shortcut++));
    }
    m_pages->setFixedHeight((m_pages->sizeHintForRow(0) + 6) * PageCount + 8);
    connect(m_pages, &QListWidget::currentRowChanged, this, &Sidebar::pageSelected);
    layout->addWidget(m_pages);

    layout->addWidget(sectionLabel(tr("Saved views"), this));
    m_views = new QListView(this);
    m_views->setObjectName(QStringLiteral("savedViews"));
    m_views->setAccessibleName(tr("Saved views"));
    m_views->setModel(views);
    m_views->setFrameShape(QFrame::NoFrame);
    m_views->viewport()->setAutoFillBackground(false);
    m_views->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *remove = new QAction(tr("Remove view"), m_views);
    m_views->addAction(remove);
    connect(remove, &QAction::triggered, this, [this] {
        if (m_views->currentIndex().isValid())
            emit removeSavedViewRequested(m_views->currentIndex().row());
    });
    connect(m_views, &QListView::clicked, this, [this](const QModelIndex &i) { emit savedViewSelected(i.row()); });
    connect(m_views, &QListView::activated, this, [this](const QModelIndex &i) { emit savedViewSelected(i.row()); });
    layout->addWidget(m_views, 1);
    m_viewsHint = new QLabel(tr("Search or filter the lead list, then “Save view…” to keep it here."), this);
    m_viewsHint->setWordWrap(true);
    m_viewsHint->setEnabled(false);
    m_viewsHint->setContentsMargins(8, 0, 4, 0);
    layout->addWidget(m_viewsHint);
    layout->addStretch();
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(views, signal, this, &Sidebar::updateSavedViewsHint);
    connect(views, &QAbstractItemModel::modelReset, this, &Sidebar::updateSavedViewsHint);
    updateSavedViewsHint();
}

int Sidebar::currentPage() const
{
    return m_pages->currentRow();
}

void Sidebar::setCurrentPage(int page)
{
    m_pages->setCurrentRow(page);
}

void Sidebar::updateSavedViewsHint()
{
    const bool none = m_viewsModel->rowCount() == 0;
    m_viewsHint->setVisible(none);
    m_views->setVisible(!none);
}

} // namespace outpost
