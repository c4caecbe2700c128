#pragma once

#include "SavedView.h"

#include <QWidget>

#include <optional>
#include <utility>

class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace outpost {

class BulkActionBar;
class FilterChipBar;
class LeadDetailPane;
class LeadTableModel;
class SyncStatusSource;
class WorkspaceCache;

// The lead list: search as you type (name, phone, email, tags), filter chips,
// sortable columns, multi-select with the bulk actions, and the detail of the
// current lead beside it. Everything it shows is read from the cache.
class LeadListPage : public QWidget
{
    Q_OBJECT

public:
    LeadListPage(WorkspaceCache *cache, SyncStatusSource *sync, QWidget *parent = nullptr);

    LeadTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchBox() const { return m_search; }
    FilterChipBar *chips() const { return m_chips; }
    LeadDetailPane *detailPane() const { return m_detail; }
    BulkActionBar *bulkBar() const { return m_bulkBar; }
    // Non-empty: the plan has no bulk actions, and why.
    void setPlanLimit(const QString &reason);

    // What the list shows now, to be saved under a name.
    SavedView currentView() const;
    void applyView(const SavedView &view);
    void setSyncStatus(SyncStatusSource *sync);
    // Milliseconds between the last keystroke and the query; 0 searches on each
    // keystroke at once (benchmarks, and anyone who wants no pause).
    void setSearchDelay(int ms);

public slots:
    void focusSearch();
    void clearSearch();
    void openCurrentLead();

signals:
    void saveViewRequested();
    void leadOpened(qint64 id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildTopBar();
    QWidget *buildList();
    void searchEdited();
    void applyFilter();
    void showCount();
    void showCurrentLead();
    void updateBulkBar();
    void updateEditControls();
    void sortByColumn(int column);
    void loadFilterValues();
    // Reads the state of the search index again (sync changed it) and shows the hint.
    void updateSearchIndexHint();
    void showSearchIndexHint();

    WorkspaceCache *m_cache;
    SyncStatusSource *m_sync = nullptr;
    LeadTableModel *m_model;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchTimer = nullptr;
    FilterChipBar *m_chips = nullptr;
    QLabel *m_count = nullptr;
    BulkActionBar *m_bulkBar = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_emptyTitle = nullptr;
    QLabel *m_emptyHint = nullptr;
    QLabel *m_indexHint = nullptr;
    LeadDetailPane *m_detail = nullptr;
    // Leads indexed and to index in the cache's own record of a deferred build
    // (0, 0: none), as last read.
    std::optional<std::pair<qint64, qint64>> m_storedIndexBuild;
};

} // namespace outpost
