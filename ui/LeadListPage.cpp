#include "LeadListPage.h"

#include "BulkActionBar.h"
#include "CacheTask.h"
#include "FilterChipBar.h"
#include "LeadDetailPane.h"
#include "LeadRowDelegate.h"
#include "LeadTableModel.h"
#include "SyncStatusSource.h"
#include "WorkspaceCache.h"
#include "sync/SyncStore.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace outpost {

namespace {

constexpr int kDefaultSearchDelayMs = 60;

struct FilterValues
{
    QStringList channels;
    QStringList tags;
    QStringList agents;
};

} // namespace

LeadListPage::LeadListPage(WorkspaceCache *cache, SyncStatusSource *sync, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_model(new LeadTableModel(cache, this))
{
    setObjectName(QStringLiteral("leadListPage"));
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kDefaultSearchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &LeadListPage::applyFilter);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(12, 12, 6, 6);
    leftLayout->setSpacing(8);
    leftLayout->addWidget(buildTopBar());
    m_chips = new FilterChipBar(left);
    leftLayout->addWidget(m_chips);
    m_indexHint = new QLabel(left);
    m_indexHint->setObjectName(QStringLiteral("searchIndexHint"));
    m_indexHint->setWordWrap(true);
    m_indexHint->setVisible(false);
    leftLayout->addWidget(m_indexHint);
    m_bulkBar = new BulkActionBar(left);
    m_bulkBar->setVisible(false);
    leftLayout->addWidget(m_bulkBar);
    leftLayout->addWidget(buildList(), 1);
    m_detail = new LeadDetailPane(cache, sync, splitter);
    splitter->addWidget(left);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({640, 380});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_bulkBar, &BulkActionBar::wantedChanged, this, [this] { m_bulkBar->setVisible(m_bulkBar->isWanted()); });
    connect(m_chips, &FilterChipBar::changed, this, &LeadListPage::applyFilter);
    connect(m_model, &LeadTableModel::countChanged, this, &LeadListPage::showCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LeadListPage::showCount);
    connect(m_cache, &WorkspaceCache::opened, this, &LeadListPage::loadFilterValues);
    connect(m_cache, &WorkspaceCache::opened, this, [this] { m_storedIndexBuild.reset(); });
    auto *find = new QShortcut(QKeySequence::Find, this, this, &LeadListPage::focusSearch);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    setSyncStatus(sync);
    showCount();
    if (m_cache->isOpen())
        loadFilterValues();
}

QWidget *LeadListPage::buildTopBar()
{
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("leadSearch"));
    m_search->setAccessibleName(tr("Search leads"));
    m_search->setPlaceholderText(tr("Search name, phone, email or tag  (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(260);
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textEdited, this, &LeadListPage::searchEdited);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty()) // the clear button: no reason to wait
            applyFilter();
    });
    layout->addWidget(m_search, 1);
    m_count = new QLabel(bar);
    m_count->setObjectName(QStringLiteral("leadCount"));
    m_count->setAccessibleName(tr("Matching leads"));
    layout->addWidget(m_count);
    auto *save = new QToolButton(bar);
    save->setText(tr("Save view…"));
    save->setToolTip(tr("Save this search, filter and sort in the sidebar"));
    connect(save, &QToolButton::clicked, this, &LeadListPage::saveViewRequested);
    layout->addWidget(save);
    return bar;
}

QWidget *LeadListPage::buildList()
{
    m_listStack = new QStackedWidget(this);
    m_table = new QTableView(m_listStack);
    m_table->setObjectName(QStringLiteral("leadTable"));
    m_table->setAccessibleName(tr("Leads"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new LeadRowDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_table->verticalHeader()->setVisible(false);
    // Fixed row heights: the view never asks the model for rows it does not show.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(-1, Qt::DescendingOrder);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(LeadTableModel::NameColumn, QHeaderView::Stretch);
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const std::pair<int, int> widths[] = {{LeadTableModel::ChannelColumn, 7},    {LeadTableModel::PhoneColumn, 10},
                                          {LeadTableModel::EmailColumn, 12},     {LeadTableModel::TagsColumn, 8},
                                          {LeadTableModel::AgentColumn, 6},      {LeadTableModel::ScoreColumn, 5},
                                          {LeadTableModel::LastMessageColumn, 9}};
    for (const auto &[column, ems] : widths)
        header->resizeSection(column, ems * em);
    // Status names are as long as the language makes them ("Qualifiziert"): measure them, and the header.
    header->resizeSection(
        LeadTableModel::StatusColumn,
        std::max(LeadRowDelegate::statusColumnWidth(m_table), header->sectionSizeHint(LeadTableModel::StatusColumn)));
    // Narrow by default; the header's context menu brings the rest back.
    for (int column : {LeadTableModel::EmailColumn, LeadTableModel::AgentColumn, LeadTableModel::ScoreColumn})
        header->hideSection(column);
    header->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (int column = LeadTableModel::StatusColumn; column < LeadTableModel::ColumnCount; ++column) {
        auto *toggle = new QAction(m_model->headerData(column, Qt::Horizontal).toString(), header);
        toggle->setCheckable(true);
        toggle->setChecked(!header->isSectionHidden(column));
        connect(toggle, &QAction::toggled, header,
                [header, column](bool on) { header->setSectionHidden(column, !on); });
        header->addAction(toggle);
    }
    connect(header, &QHeaderView::sectionClicked, this, &LeadListPage::sortByColumn);
    // Grabbing the scroll bar announces jumps: index the positions meanwhile.
    connect(m_table->verticalScrollBar(), &QScrollBar::sliderPressed, m_model, &LeadTableModel::buildPositionIndex);
    m_table->installEventFilter(this);
    connect(m_table, &QTableView::activated, this, &LeadListPage::openCurrentLead);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LeadListPage::showCurrentLead);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LeadListPage::updateBulkBar);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LeadListPage::updateBulkBar);
    m_listStack->addWidget(m_table);

    auto *empty = new QWidget(m_listStack);
    empty->setObjectName(QStringLiteral("emptyState"));
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch();
    m_emptyTitle = new QLabel(empty);
    QFont big = m_emptyTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_emptyTitle->setFont(big);
    m_emptyTitle->setAlignment(Qt::AlignCenter);
    m_emptyHint = new QLabel(empty);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setEnabled(false);
    emptyLayout->addWidget(m_emptyTitle);
    emptyLayout->addWidget(m_emptyHint);
    emptyLayout->addStretch();
    m_listStack->addWidget(empty);
    return m_listStack;
}

void LeadListPage::setSyncStatus(SyncStatusSource *sync)
{
    if (m_sync)
        disconnect(m_sync, nullptr, this, nullptr);
    m_sync = sync;
    if (m_sync) {
        connect(m_sync, &SyncStatusSource::changed, this, &LeadListPage::updateEditControls);
        connect(m_sync, &SyncStatusSource::changed, this, &LeadListPage::updateSearchIndexHint);
    }
    m_detail->setSyncStatus(sync);
    updateEditControls();
}

void LeadListPage::setSearchDelay(int ms)
{
    m_searchTimer->setInterval(ms);
}

void LeadListPage::updateEditControls()
{
    const bool can = m_sync && m_sync->canQueueEdits();
    m_bulkBar->setEdits(can ? m_sync->edits() : nullptr, m_sync ? m_sync->editsUnavailableReason() : QString());
}

void LeadListPage::setPlanLimit(const QString &reason)
{
    m_bulkBar->setPlanLimit(reason);
}

void LeadListPage::searchEdited()
{
    // Without a pause between keys to wait for, each key searches at once,
    // before the box paints what was typed.
    if (m_searchTimer->interval() == 0)
        applyFilter();
    else
        m_searchTimer->start();
}

void LeadListPage::applyFilter()
{
    m_searchTimer->stop();
    LeadFilter f = m_chips->applyTo(LeadFilter{});
    f.search = m_search->text().trimmed();
    // A new search reads the state of the index once; the keystrokes after it
    // reuse it (sync reports any change of it).
    if (m_model->filter().search.isEmpty())
        m_storedIndexBuild.reset();
    m_model->setFilter(f);
    showCount();
    showSearchIndexHint();
}

void LeadListPage::updateSearchIndexHint()
{
    m_storedIndexBuild.reset();
    showSearchIndexHint();
}

// A search while the index a first fill deferred is still being built finds
// only the leads indexed so far: say so, and read the rows again once it is whole.
void LeadListPage::showSearchIndexHint()
{
    if (m_model->filter().search.isEmpty() || !m_cache->isOpen()) {
        m_indexHint->setVisible(false);
        return;
    }
    qint64 done = 0;
    qint64 total = 0;
    if (m_sync && m_sync->isBuildingSearchIndex()) {
        done = m_sync->indexedLeads();
        total = m_sync->leadsToIndex();
    } else {
        if (!m_storedIndexBuild) {
            auto build = SyncStore::searchBuild(m_cache->database());
            m_storedIndexBuild =
                build && build->building ? std::pair(build->done, build->total) : std::pair<qint64, qint64>(0, 0);
        }
        done = m_storedIndexBuild->first;
        total = m_storedIndexBuild->second;
    }
    const bool incomplete = total > 0 && done < total;
    const bool wasShown = !m_indexHint->isHidden();
    m_indexHint->setVisible(incomplete);
    if (incomplete) {
        const int percent = static_cast<int>(done * 100 / total);
        m_indexHint->setText(m_sync && m_sync->isBuildingSearchIndex()
                                 ? tr("⚠ The search index is being built (%1 %): leads not indexed yet are missing "
                                      "from these results.")
                                       .arg(percent)
                                 : tr("⚠ The search index is incomplete (%1 %): leads not indexed yet are missing "
                                      "from these results. The next sync completes it.")
                                       .arg(percent));
    } else if (wasShown) {
        m_model->refresh();
    }
}

void LeadListPage::showCount()
{
    const qint64 n = m_model->matchCount();
    m_count->setText(n == 1 && m_model->isCountExact() ? tr("1 lead") : tr("%1 leads").arg(m_model->countText()));
    const bool filtered = !m_model->filter().isEmpty();
    if (n > 0 || !m_cache->isOpen()) {
        m_listStack->setCurrentIndex(0);
        return;
    }
    if (filtered) {
        m_emptyTitle->setText(tr("No leads match"));
        m_emptyHint->setText(tr("Try fewer or shorter words, or clear the filters. Esc clears the search."));
    } else {
        m_emptyTitle->setText(tr("No leads cached yet"));
        m_emptyHint->setText(tr("Leads appear here once this workspace has synced, online or not afterwards."));
    }
    m_listStack->setCurrentIndex(1);
}

void LeadListPage::sortByColumn(int column)
{
    const auto key = LeadTableModel::sortKeyOf(column);
    QHeaderView *header = m_table->horizontalHeader();
    if (!key) {
        // Only indexed columns sort; put the indicator back where the order really is.
        const LeadSort current = m_model->leadSort();
        header->setSortIndicator(LeadTableModel::columnOf(current.key), current.order);
        return;
    }
    const LeadSort current = m_model->leadSort();
    const Qt::SortOrder order =
        current.key == *key && current.order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
    m_model->setLeadSort(LeadSort{*key, order});
    header->setSortIndicator(column, order);
}

void LeadListPage::showCurrentLead()
{
    const QModelIndex current = m_table->currentIndex();
    m_detail->showLead(current.isValid() ? m_model->idAt(current.row()) : 0);
}

void LeadListPage::openCurrentLead()
{
    QModelIndex current = m_table->currentIndex();
    if (!current.isValid() && m_model->rowCount() > 0) {
        current = m_model->index(0, 0);
        m_table->setCurrentIndex(current);
    }
    if (!current.isValid())
        return;
    const qint64 id = m_model->idAt(current.row());
    m_detail->showLead(id);
    m_detail->focusConversation();
    emit leadOpened(id);
}

void LeadListPage::updateBulkBar()
{
    // Counted from the selection's ranges first: Ctrl+A over a million rows is
    // one range, and reading its rows one by one would freeze the window.
    qint64 selected = 0;
    for (const QItemSelectionRange &range : m_table->selectionModel()->selection())
        selected += range.height();
    if (selected > BulkActionBar::kMaxLeads) {
        // Every row of the list: the action is over the filter, resolved in SQL when confirmed.
        if (selected >= m_model->rowCount() && m_cache->isOpen())
            m_bulkBar->setWholeFilterSelection(selected, m_model->filter(), m_cache->path());
        else
            m_bulkBar->setOversizedSelection(selected);
        return;
    }
    QList<qint64> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        if (const qint64 id = m_model->idAt(index.row()); id != 0)
            ids << id;
    }
    m_bulkBar->setSelection(ids);
}

void LeadListPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void LeadListPage::clearSearch()
{
    if (m_search->text().isEmpty())
        return;
    m_search->clear();
    applyFilter();
}

bool LeadListPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
        clearSearch();
        return true;
    }
    if (watched == m_search && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
        // Enter in the search box opens the first match: type, Enter, done.
        applyFilter();
        m_table->setCurrentIndex(QModelIndex());
        openCurrentLead();
        return true;
    }
    if (watched == m_search && key->key() == Qt::Key_Down && m_model->rowCount() > 0) {
        m_table->setFocus(Qt::TabFocusReason);
        m_table->setCurrentIndex(m_model->index(0, 0));
        return true;
    }
    if (watched == m_table && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
        openCurrentLead();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

SavedView LeadListPage::currentView() const
{
    return SavedView{QString(), m_model->filter(), m_model->leadSort()};
}

void LeadListPage::applyView(const SavedView &view)
{
    m_chips->setFromFilter(view.filter);
    {
        const QSignalBlocker blocker(m_search);
        m_search->setText(view.filter.search);
    }
    m_model->setLeadSort(view.sort);
    m_table->horizontalHeader()->setSortIndicator(LeadTableModel::columnOf(view.sort.key), view.sort.order);
    m_model->setFilter(view.filter);
    showCount();
}

void LeadListPage::loadFilterValues()
{
    // Distinct channels and agents scan the table: off the GUI thread.
    CacheTask::run<FilterValues>(
        m_cache->path(), this,
        [](LeadStore &store) -> Result<FilterValues> {
            auto channels = store.distinctValues(LeadStore::Field::Channel);
            auto tags = store.distinctValues(LeadStore::Field::Tag);
            auto agents = store.distinctValues(LeadStore::Field::Agent);
            if (!channels || !tags || !agents)
                return makeError(QStringLiteral("cannot list the filter values"));
            return FilterValues{*channels, *tags, *agents};
        },
        [this](const Result<FilterValues> &values) {
            if (!values)
                return;
            m_chips->setValues(FilterChipBar::Chip::Channel, values->channels);
            m_chips->setValues(FilterChipBar::Chip::Tag, values->tags);
            m_bulkBar->setKnownTags(values->tags);
            m_chips->setValues(FilterChipBar::Chip::Agent, values->agents);
        });
}

} // namespace outpost
