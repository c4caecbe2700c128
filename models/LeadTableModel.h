#pragma once

#include "LeadPositionIndex.h"
#include "domain/Lead.h"
#include "storage/LeadQuery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QMap>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

namespace outpost {

class WorkspaceCache;

// The leads of a workspace, filtered and sorted in SQL, for a view that shows a
// few dozen of them at a time. Rows are read in blocks of kBlockRows when a view
// asks for them: a block continues from the keyset position (sort key, id) of a
// neighbour block already read, so scrolling anywhere costs an indexed seek, not
// an OFFSET. At most kMaxBlocks blocks stay in memory. The row count is exact
// when the cache keeps it (no filter, or a status alone) or when the matches are
// few; otherwise it starts as a lower bound ("1,000+"), grows as the view
// scrolls, and becomes exact when a background count over its own connection
// finishes.
class LeadTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        StatusColumn,
        ChannelColumn,
        PhoneColumn,
        EmailColumn,
        TagsColumn,
        AgentColumn,
        ScoreColumn,
        LastMessageColumn,
        ColumnCount,
    };
    enum Role {
        LeadIdRole = Qt::UserRole + 1,
        NameRole,
        StatusRole, // the wire form ("qualified")
        ChannelRole,
        TagsRole,
        EscalatedRole,
        LastMessageAtRole,
        UpdatedAtRole,
    };

    static constexpr int kBlockRows = 100;
    static constexpr int kMaxBlocks = 40;
    // Below this many matches the count is exact at once.
    static constexpr qint64 kCountCap = 1000;
    // Lists longer than this get a position index in the background: the keyset
    // cursor of the last row of every block, so a jump anywhere is one indexed
    // seek (10,000 cursors for a million rows, well under a MB, plus 12 bytes a
    // lead to place changed leads). It lives as long as the sort and filter do:
    // changed leads move it in place, a page at most this big; bigger changes
    // build it again.
    static constexpr int kSampleEvery = kBlockRows;
    static constexpr int kIndexAbove = 3000;
    static constexpr int kMaxPlacedChanges = 2000;

    explicit LeadTableModel(WorkspaceCache *cache, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setFilter(const LeadFilter &filter);
    const LeadFilter &filter() const { return m_filter; }
    void setLeadSort(const LeadSort &sort);
    const LeadSort &leadSort() const { return m_sort; }
    // The column a sort key is shown in (-1: none, e.g. "newest").
    static int columnOf(LeadSort::Key key);
    static std::optional<LeadSort::Key> sortKeyOf(int column);

    // How many leads match: exact, or a lower bound while isCountExact() is false.
    qint64 matchCount() const { return m_rows; }
    bool isCountExact() const { return m_exact; }
    QString countText() const;
    QString errorText() const { return m_error; }

    std::optional<Lead> leadAt(int row) const;
    qint64 idAt(int row) const;
    // Blocks in memory now, for tests of the bound.
    int loadedBlockCount() const { return static_cast<int>(m_blocks.size()); }
    // Rows the last block read skipped with an OFFSET before its 100 rows: a
    // keyset read skips none, or a few after changes moved the index.
    qint64 lastReadSkip() const { return m_lastReadSkip; }
    // Whether the background position index of the current list has landed.
    bool hasPositionIndex() const { return m_positions != nullptr; }
    // Passes over the whole list started for it so far.
    int positionIndexBuilds() const { return m_indexBuilds; }
    // Starts building it (one background pass over the list) unless the list is
    // short or it is built or building. Views call this when a person grabs the
    // scroll bar; a far jump without it starts it too.
    void buildPositionIndex();

public slots:
    // Re-reads everything: rows come and go at the end, data changes in place,
    // so views keep their scroll position and selection (no model reset). The
    // position index is built again; leadsChanged(ids) only moves it.
    void refresh();

signals:
    void countChanged();
    void errorOccurred(const QString &message);

private:
    struct Block
    {
        QList<Lead> rows;
        quint64 lastUse = 0;
    };
    // The first and last row of a block once read: where a neighbour continues.
    // The position index knows only the last rows of some blocks.
    struct Edges
    {
        std::optional<LeadCursor> first;
        LeadCursor last;
    };

    void reload();
    void clearRows();
    void countMatches();
    void readFirstPage();
    void startExactCount();
    void runExactCount();
    void applyPositions(quint64 generation, const std::shared_ptr<LeadPositionIndex> &positions);
    void dropBlocks();
    void dropPositionIndex();
    void rebuildPositionIndex();
    void placeChangedLeads(const QList<qint64> &ids);
    std::optional<QHash<qint64, QVariant>> currentSortValues(const QList<qint64> &ids) const;
    void recount();
    void applyExactCount(quint64 generation, qint64 n);
    void onLeadsChanged(const QList<qint64> &ids);
    const Lead *leadPointer(int row) const;
    const Block *block(qint64 index) const;
    std::optional<QList<Lead>> readBlock(qint64 index) const;
    LeadQuery queryForBlock(qint64 index, bool &reversed) const;
    void evictIfFull() const;
    void setError(const QString &message) const;
    QVariant displayData(const Lead &lead, int column) const;

    WorkspaceCache *m_cache;
    // The exact count waits until the filter holds still: typing starts none.
    QTimer *m_exactCountDelay;
    LeadFilter m_filter;
    LeadSort m_sort;
    qint64 m_rows = 0;
    bool m_exact = true;
    quint64 m_generation = 0;
    // Background reads of the current list: cancelled when it changes.
    std::shared_ptr<std::atomic_bool> m_cancel;
    // The position index's own cancel: a change of a few leads restarts its
    // build without stopping the exact count.
    std::shared_ptr<std::atomic_bool> m_indexCancel;
    std::shared_ptr<LeadPositionIndex> m_positions;
    mutable bool m_sampling = false;
    int m_indexBuilds = 0;
    mutable QHash<qint64, Block> m_blocks;
    mutable QMap<qint64, Edges> m_edges;
    mutable quint64 m_useClock = 0;
    mutable qint64 m_lastReadSkip = 0;
    mutable QString m_error;
};

} // namespace outpost

Q_DECLARE_METATYPE(outpost::Lead)
