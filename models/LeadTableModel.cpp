#include "LeadTableModel.h"

#include "CacheTask.h"
#include "LeadText.h"
#include "WorkspaceCache.h"
#include "storage/LeadSql.h"
#include "storage/LeadStore.h"

#include <QLocale>
#include <QSqlQuery>

#include <algorithm>

namespace outpost {

namespace {

// Rows added to a lower-bound count each time a view scrolls to its end.
constexpr qint64 kFetchStep = 2000;
// A window further than this from any known keyset position starts the position index.
constexpr qint64 kFarJumpRows = 1000;

bool countIsKeptByTheCache(const LeadFilter &filter)
{
    // LeadStore answers these from its trigger-kept table, at any size.
    LeadFilter statusOnly;
    statusOnly.status = filter.status;
    return filter == statusOnly;
}

LeadCursor cursorOf(const Lead &lead, LeadSort::Key key)
{
    return LeadCursor{LeadSql::sortValue(lead, key), lead.id};
}

LeadSort reversed(LeadSort sort)
{
    sort.order = sort.order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
    return sort;
}

} // namespace

LeadTableModel::LeadTableModel(WorkspaceCache *cache, QObject *parent)
    : QAbstractTableModel(parent)
    , m_cache(cache)
    , m_exactCountDelay(new QTimer(this))
{
    m_exactCountDelay->setSingleShot(true);
    m_exactCountDelay->setInterval(250);
    connect(m_exactCountDelay, &QTimer::timeout, this, &LeadTableModel::runExactCount);
    connect(m_cache, &WorkspaceCache::opened, this, &LeadTableModel::reload);
    connect(m_cache, &WorkspaceCache::closed, this, &LeadTableModel::reload);
    connect(m_cache, &WorkspaceCache::leadsChanged, this, &LeadTableModel::onLeadsChanged);
    reload();
}

int LeadTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(std::min<qint64>(m_rows, std::numeric_limits<int>::max()));
}

int LeadTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QHash<int, QByteArray> LeadTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(LeadIdRole, "leadId");
    names.insert(NameRole, "name");
    names.insert(StatusRole, "status");
    names.insert(ChannelRole, "channel");
    names.insert(TagsRole, "tags");
    names.insert(EscalatedRole, "escalated");
    names.insert(LastMessageAtRole, "lastMessageAt");
    names.insert(UpdatedAtRole, "updatedAt");
    return names;
}

QVariant LeadTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case ChannelColumn:
        return tr("Channel");
    case PhoneColumn:
        return tr("Phone");
    case EmailColumn:
        return tr("Email");
    case TagsColumn:
        return tr("Tags");
    case AgentColumn:
        return tr("Agent");
    case ScoreColumn:
        return tr("Score");
    case LastMessageColumn:
        return tr("Last message");
    }
    return {};
}

QVariant LeadTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Lead *lead = leadPointer(index.row());
    if (!lead)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*lead, index.column());
    case Qt::ToolTipRole:
        if (index.column() == LastMessageColumn)
            return QLocale().toString(lead->lastMessageAt.toLocalTime(), QLocale::LongFormat);
        return displayData(*lead, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == ScoreColumn || index.column() == LastMessageColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case LeadIdRole:
        return lead->id;
    case NameRole:
        return lead->name;
    case StatusRole:
        return lead->status.toString();
    case ChannelRole:
        return lead->channel;
    case TagsRole:
        return lead->tags;
    case EscalatedRole:
        return lead->escalated;
    case LastMessageAtRole:
        return lead->lastMessageAt;
    case UpdatedAtRole:
        return lead->updatedAt;
    }
    return {};
}

QVariant LeadTableModel::displayData(const Lead &lead, int column) const
{
    switch (column) {
    case NameColumn:
        return lead.name;
    case StatusColumn:
        return LeadText::status(lead.status);
    case ChannelColumn:
        return LeadText::channel(lead.channel);
    case PhoneColumn:
        return lead.phone;
    case EmailColumn:
        return lead.email;
    case TagsColumn:
        return lead.tags.join(QStringLiteral(", "));
    case AgentColumn:
        return lead.assignedAgent;
    case ScoreColumn:
        return lead.score ? QVariant(*lead.score) : QVariant();
    case LastMessageColumn:
        return LeadText::age(lead.lastMessageAt);
    }
    return {};
}

bool LeadTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exact;
}

void LeadTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_exact || !m_cache->isOpen())
        return;
    auto n = m_cache->store().count(m_filter, m_rows + kFetchStep + 1);
    if (!n) {
        setError(n.error().message);
        return;
    }
    const bool exact = *n <= m_rows + kFetchStep;
    if (*n > m_rows) {
        beginInsertRows(QModelIndex(), static_cast<int>(m_rows), static_cast<int>(*n - 1));
        m_rows = *n;
        m_exact = exact;
        endInsertRows();
    } else {
        m_exact = exact;
    }
    emit countChanged();
}

int LeadTableModel::columnOf(LeadSort::Key key)
{
    switch (key) {
    case LeadSort::Key::Name:
        return NameColumn;
    case LeadSort::Key::Status:
        return StatusColumn;
    case LeadSort::Key::LastMessageAt:
        return LastMessageColumn;
    default:
        return -1;
    }
}

std::optional<LeadSort::Key> LeadTableModel::sortKeyOf(int column)
{
    switch (column) {
    case NameColumn:
        return LeadSort::Key::Name;
    case StatusColumn:
        return LeadSort::Key::Status;
    case LastMessageColumn:
        return LeadSort::Key::LastMessageAt;
    default:
        return std::nullopt;
    }
}

void LeadTableModel::sort(int column, Qt::SortOrder order)
{
    // Only columns with an index sort; anything else keeps the current order.
    const auto key = sortKeyOf(column);
    if (key)
        setLeadSort(LeadSort{*key, order});
}

void LeadTableModel::setFilter(const LeadFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

void LeadTableModel::setLeadSort(const LeadSort &sort)
{
    if (sort == m_sort)
        return;
    m_sort = sort;
    reload();
}

QString LeadTableModel::countText() const
{
    return m_exact ? LeadText::count(m_rows, true) : LeadText::count(std::max<qint64>(0, m_rows - 1), false);
}

void LeadTableModel::clearRows()
{
    ++m_generation;
    // A count or position index of the previous list is of no use any more:
    // stop it rather than let it hold a core while the person types.
    if (m_cancel)
        m_cancel->store(true);
    m_cancel = CacheTask::makeCancel();
    dropBlocks();
    dropPositionIndex();
}

void LeadTableModel::dropBlocks()
{
    m_blocks.clear();
    m_edges.clear();
    m_error.clear();
}

void LeadTableModel::dropPositionIndex()
{
    if (m_indexCancel)
        m_indexCancel->store(true);
    m_indexCancel = CacheTask::makeCancel();
    m_positions.reset();
    m_sampling = false;
}

void LeadTableModel::rebuildPositionIndex()
{
    // Only an index somebody wanted is built again.
    const bool wanted = m_positions || m_sampling;
    dropPositionIndex();
    if (wanted)
        QMetaObject::invokeMethod(this, &LeadTableModel::buildPositionIndex, Qt::QueuedConnection);
}

void LeadTableModel::reload()
{
    beginResetModel();
    clearRows();
    m_rows = 0;
    m_exact = true;
    if (m_cache->isOpen()) {
        // The first rows are what any view shows after a reset: read with the
        // count, so the model is whole when it says so, not at the first paint.
        if (countIsKeptByTheCache(m_filter)) {
            countMatches();
            if (m_rows > 0)
                block(0);
        } else {
            readFirstPage();
        }
    }
    endResetModel();
    emit countChanged();
}

void LeadTableModel::countMatches()
{
    LeadStore &store = m_cache->store();
    const bool kept = countIsKeptByTheCache(m_filter);
    auto n = store.count(m_filter, kept ? -1 : kCountCap + 1);
    if (!n) {
        setError(n.error().message);
        return;
    }
    m_rows = *n;
    m_exact = kept || *n <= kCountCap;
    if (!m_exact)
        startExactCount();
}

void LeadTableModel::readFirstPage()
{
    auto page = m_cache->windowReader().firstPage(LeadQuery{m_filter, m_sort, kBlockRows, 0, std::nullopt}, kCountCap);
    if (!page) {
        setError(page.error().message);
        return;
    }
    m_rows = page->matches;
    m_exact = page->matches <= kCountCap;
    if (!m_exact)
        startExactCount();
    if (page->rows.isEmpty())
        return;
    m_lastReadSkip = 0;
    m_edges.insert(0, Edges{cursorOf(page->rows.first(), m_sort.key), cursorOf(page->rows.last(), m_sort.key)});
    m_blocks.insert(0, Block{std::move(page->rows), ++m_useClock});
}

void LeadTableModel::startExactCount()
{
    m_exactCountDelay->start();
}

void LeadTableModel::runExactCount()
{
    if (m_exact || !m_cache->isOpen())
        return;
    const quint64 generation = m_generation;
    const LeadFilter filter = m_filter;
    CacheTask::run<qint64>(
        m_cache->path(), this, m_cancel, [filter](LeadStore &store) { return store.count(filter); },
        [this, generation](const Result<qint64> &n) {
            if (n)
                applyExactCount(generation, *n);
        });
}

void LeadTableModel::buildPositionIndex()
{
    // Short lists are walked by neighbours anyway; a lower-bound count means a
    // long one.
    if (m_positions || m_sampling || !m_cache->isOpen() || (m_exact && m_rows <= kIndexAbove))
        return;
    m_sampling = true;
    ++m_indexBuilds;
    const quint64 generation = m_generation;
    const LeadQuery query{m_filter, m_sort, kBlockRows, 0, std::nullopt};
    using Built = std::shared_ptr<LeadPositionIndex>;
    CacheTask::run<Built>(
        m_cache->path(), this, m_indexCancel,
        [query](LeadStore &store) -> Result<Built> {
            QList<qint64> ids;
            auto cursors = store.sampleCursors(query, kSampleEvery, &ids);
            if (!cursors)
                return cursors.error();
            // Sorting a million ids by id happens here, off the GUI thread.
            return std::make_shared<LeadPositionIndex>(query.sort, *cursors, ids, kSampleEvery);
        },
        [this, generation, cancel = m_indexCancel](const Result<Built> &built) {
            if (built && !cancel->load())
                applyPositions(generation, *built);
        });
}

void LeadTableModel::applyPositions(quint64 generation, const std::shared_ptr<LeadPositionIndex> &positions)
{
    if (generation != m_generation)
        return;
    m_sampling = false;
    m_positions = positions;
}

void LeadTableModel::applyExactCount(quint64 generation, qint64 n)
{
    if (generation != m_generation || m_exact)
        return;
    if (n > m_rows) {
        beginInsertRows(QModelIndex(), static_cast<int>(m_rows), static_cast<int>(n - 1));
        m_rows = n;
        m_exact = true;
        endInsertRows();
    } else if (n < m_rows) {
        // Leads went away between the two counts.
        beginRemoveRows(QModelIndex(), static_cast<int>(n), static_cast<int>(m_rows - 1));
        m_rows = n;
        m_exact = true;
        endRemoveRows();
    }
    m_exact = true;
    emit countChanged();
}

void LeadTableModel::refresh()
{
    if (!m_cache->isOpen())
        return;
    const bool indexed = m_positions || m_sampling;
    clearRows();
    if (indexed)
        QMetaObject::invokeMethod(this, &LeadTableModel::buildPositionIndex, Qt::QueuedConnection);
    recount();
}

void LeadTableModel::recount()
{
    const qint64 before = m_rows;
    const bool kept = countIsKeptByTheCache(m_filter);
    auto n = m_cache->store().count(m_filter, kept ? -1 : std::max(kCountCap, before) + 1);
    if (!n) {
        setError(n.error().message);
        return;
    }
    const bool exact = kept || *n <= std::max(kCountCap, before);
    if (*n > before) {
        beginInsertRows(QModelIndex(), static_cast<int>(before), static_cast<int>(*n - 1));
        m_rows = *n;
        m_exact = exact;
        endInsertRows();
    } else if (*n < before) {
        beginRemoveRows(QModelIndex(), static_cast<int>(*n), static_cast<int>(before - 1));
        m_rows = *n;
        m_exact = exact;
        endRemoveRows();
    }
    m_exact = exact;
    if (*n != before) {
        // Views read rows while the count was still the old one (rowsAboutToBe…):
        // those blocks were placed by a count that no longer holds.
        dropBlocks();
    }
    if (!m_exact)
        startExactCount();
    if (m_rows > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit countChanged();
}

void LeadTableModel::onLeadsChanged(const QList<qint64> &ids)
{
    if (ids.isEmpty() || !m_cache->isOpen())
        return;
    // The blocks are read again; the position index moves by what changed.
    ++m_generation;
    if (m_cancel)
        m_cancel->store(true);
    m_cancel = CacheTask::makeCancel();
    dropBlocks();
    placeChangedLeads(ids);
    recount();
    if (m_positions && m_exact && m_positions->rowCount() != m_rows)
        rebuildPositionIndex(); // it disagrees with the count: never trust it
}

void LeadTableModel::placeChangedLeads(const QList<qint64> &ids)
{
    if (m_sampling || !m_positions) {
        // A build under way may have read the list before this change.
        if (m_sampling)
            rebuildPositionIndex();
        return;
    }
    // A search list is placed by its FTS match, which has no cheap lookup by id.
    if (ids.size() > kMaxPlacedChanges || !m_filter.search.isEmpty()) {
        rebuildPositionIndex();
        return;
    }
    const auto values = currentSortValues(ids);
    if (!values) {
        rebuildPositionIndex();
        return;
    }
    m_positions->apply(ids, *values);
}

std::optional<QHash<qint64, QVariant>> LeadTableModel::currentSortValues(const QList<qint64> &ids) const
{
    const LeadSql::Statement st = LeadSql::sortValues(LeadQuery{m_filter, m_sort, 0, 0, std::nullopt}, ids);
    QSqlQuery q(m_cache->database().connection());
    q.setForwardOnly(true);
    if (!q.prepare(st.sql))
        return std::nullopt;
    for (const QVariant &v : st.values)
        q.addBindValue(v);
    if (!q.exec())
        return std::nullopt;
    const bool text = m_sort.key == LeadSort::Key::Name || m_sort.key == LeadSort::Key::Status;
    QHash<qint64, QVariant> values;
    while (q.next()) {
        const QVariant key = q.value(1);
        values.insert(q.value(0).toLongLong(), text ? QVariant(key.toString()) : QVariant(key.toLongLong()));
    }
    return values;
}

std::optional<Lead> LeadTableModel::leadAt(int row) const
{
    const Lead *lead = leadPointer(row);
    return lead ? std::optional<Lead>(*lead) : std::nullopt;
}

qint64 LeadTableModel::idAt(int row) const
{
    const Lead *lead = leadPointer(row);
    return lead ? lead->id : 0;
}

const Lead *LeadTableModel::leadPointer(int row) const
{
    if (row < 0 || row >= m_rows)
        return nullptr;
    const Block *b = block(row / kBlockRows);
    const qsizetype inBlock = row % kBlockRows;
    return b && inBlock < b->rows.size() ? &b->rows.at(inBlock) : nullptr;
}

const LeadTableModel::Block *LeadTableModel::block(qint64 index) const
{
    auto it = m_blocks.find(index);
    if (it == m_blocks.end()) {
        auto rows = readBlock(index);
        if (!rows)
            return nullptr;
        evictIfFull();
        if (!rows->isEmpty())
            m_edges.insert(index, Edges{cursorOf(rows->first(), m_sort.key), cursorOf(rows->last(), m_sort.key)});
        it = m_blocks.insert(index, Block{std::move(*rows), 0});
    }
    it->lastUse = ++m_useClock;
    return &*it;
}

std::optional<QList<Lead>> LeadTableModel::readBlock(qint64 index) const
{
    if (!m_cache->isOpen())
        return std::nullopt;
    bool isReversed = false;
    const LeadQuery query = queryForBlock(index, isReversed);
    m_lastReadSkip = query.offset;
    auto rows = m_cache->windowReader().window(query);
    if (!rows) {
        setError(rows.error().message);
        return std::nullopt;
    }
    if (isReversed)
        std::reverse(rows->begin(), rows->end());
    return std::move(rows).value();
}

LeadQuery LeadTableModel::queryForBlock(qint64 index, bool &isReversed) const
{
    // The cheapest way in: continue from the nearest block already read on
    // either side (keyset, plus a small OFFSET for blocks skipped over), or come
    // from the start, or from the end when the count is exact.
    const qint64 start = index * kBlockRows;
    const qint64 end = m_exact ? std::min(start + kBlockRows, m_rows) : start + kBlockRows;
    LeadQuery best{m_filter, m_sort, kBlockRows, start, std::nullopt};
    qint64 bestSkip = start;
    isReversed = false;

    auto below = m_edges.lowerBound(index);
    if (below != m_edges.begin()) {
        --below;
        const qint64 skip = start - (below.key() + 1) * kBlockRows;
        if (skip < bestSkip) {
            best = LeadQuery{m_filter, m_sort, kBlockRows, skip, below->last};
            bestSkip = skip;
        }
    }
    auto above = m_edges.upperBound(index);
    while (above != m_edges.end() && !above->first)
        ++above;
    if (above != m_edges.end()) {
        const qint64 skip = above.key() * kBlockRows - end;
        if (skip < bestSkip) {
            best = LeadQuery{m_filter, reversed(m_sort), static_cast<int>(end - start), skip, *above->first};
            bestSkip = skip;
            isReversed = true;
        }
    }
    if (m_positions) {
        if (const auto anchor = m_positions->anchorAtOrBefore(start)) {
            const qint64 skip = start - anchor->position;
            if (skip < bestSkip) {
                best = LeadQuery{m_filter, m_sort, kBlockRows, skip, anchor->cursor};
                bestSkip = skip;
                isReversed = false;
            }
        }
    }
    if (m_exact && m_rows - end < bestSkip) {
        best = LeadQuery{m_filter, reversed(m_sort), static_cast<int>(end - start), m_rows - end, std::nullopt};
        bestSkip = m_rows - end;
        isReversed = true;
    }
    if (bestSkip > kFarJumpRows && !m_positions && !m_sampling) {
        // A far jump: this one pays an OFFSET, the next ones will not.
        QMetaObject::invokeMethod(const_cast<LeadTableModel *>(this), &LeadTableModel::buildPositionIndex,
                                  Qt::QueuedConnection);
    }
    return best;
}

void LeadTableModel::evictIfFull() const
{
    while (m_blocks.size() >= kMaxBlocks) {
        auto oldest = std::min_element(m_blocks.begin(), m_blocks.end(),
                                       [](const Block &a, const Block &b) { return a.lastUse < b.lastUse; });
        m_blocks.erase(oldest);
    }
}

void LeadTableModel::setError(const QString &message) const
{
    if (message == m_error)
        return;
    m_error = message;
    emit const_cast<LeadTableModel *>(this)->errorOccurred(message);
}

} // namespace outpost
