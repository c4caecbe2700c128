#include "LeadPositionIndex.h"

#include <algorithm>
#include <numeric>

namespace outpost {

namespace {

int sign(qint64 v)
{
    return v < 0 ? -1 : (v > 0 ? 1 : 0);
}

// SQLite's NOCASE: ASCII letters folded, every other byte compared as it is.
int compareNoCase(const QByteArray &a, const QByteArray &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        auto x = static_cast<unsigned char>(a.at(i)), y = static_cast<unsigned char>(b.at(i));
        if (x >= 'A' && x <= 'Z')
            x = static_cast<unsigned char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = static_cast<unsigned char>(y - 'A' + 'a');
        if (x != y)
            return x < y ? -1 : 1;
    }
    return sign(a.size() - b.size());
}

} // namespace

LeadPositionIndex::LeadPositionIndex(const LeadSort &sort, const QList<LeadCursor> &cursors,
                                     const QList<qint64> &idsInOrder, int every)
    : m_sort(sort)
    , m_rows(idsInOrder.size())
{
    const qint64 step = std::max(1, every);
    m_anchors.reserve(cursors.size());
    for (qsizetype k = 0; k < cursors.size(); ++k)
        m_anchors.append(Anchor{cursors.at(k), (k + 1) * step});
    m_gapRows.assign(static_cast<size_t>(cursors.size() + 1), step);
    m_gapRows.back() = m_rows - static_cast<qint64>(cursors.size()) * step;

    // Row p lies in gap p / every (the anchor closes its gap).
    std::vector<qsizetype> order(static_cast<size_t>(idsInOrder.size()));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](qsizetype a, qsizetype b) { return idsInOrder.at(a) < idsInOrder.at(b); });
    m_ids.reserve(order.size());
    m_gaps.reserve(order.size());
    for (qsizetype p : order) {
        m_ids.push_back(idsInOrder.at(p));
        m_gaps.push_back(static_cast<qint32>(std::min<qint64>(p / step, cursors.size())));
    }
}

std::optional<LeadPositionIndex::Anchor> LeadPositionIndex::anchorAtOrBefore(qint64 row) const
{
    auto after = std::upper_bound(m_anchors.cbegin(), m_anchors.cend(), row,
                                  [](qint64 r, const Anchor &a) { return r < a.position; });
    if (after == m_anchors.cbegin())
        return std::nullopt;
    return *(after - 1);
}

int LeadPositionIndex::compareKeys(const QVariant &a, const QVariant &b, LeadSort::Key key)
{
    // SQLite puts NULL before every value.
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull() ? 0 : (a.isNull() ? -1 : 1);
    switch (key) {
    case LeadSort::Key::Name:
        return compareNoCase(a.toString().toUtf8(), b.toString().toUtf8());
    case LeadSort::Key::Status: {
        const QByteArray x = a.toString().toUtf8(), y = b.toString().toUtf8();
        return x < y ? -1 : (y < x ? 1 : 0);
    }
    default:
        return sign(a.toLongLong() - b.toLongLong());
    }
}

int LeadPositionIndex::compare(const LeadCursor &a, const LeadCursor &b) const
{
    int c = compareKeys(a.key, b.key, m_sort.key);
    if (c == 0)
        c = sign(a.id - b.id);
    return m_sort.order == Qt::AscendingOrder ? c : -c;
}

qint32 LeadPositionIndex::gapOf(const LeadCursor &row) const
{
    auto at = std::lower_bound(m_anchors.cbegin(), m_anchors.cend(), row,
                               [this](const Anchor &a, const LeadCursor &r) { return compare(a.cursor, r) < 0; });
    return static_cast<qint32>(at - m_anchors.cbegin());
}

qint32 LeadPositionIndex::recordedGapOf(qint64 id) const
{
    if (auto moved = m_moved.constFind(id); moved != m_moved.cend())
        return *moved;
    auto at = std::lower_bound(m_ids.cbegin(), m_ids.cend(), id);
    if (at == m_ids.cend() || *at != id)
        return kNotListed;
    return m_gaps.at(static_cast<size_t>(at - m_ids.cbegin()));
}

void LeadPositionIndex::apply(const QList<qint64> &ids, const QHash<qint64, QVariant> &current)
{
    bool moved = false;
    for (qint64 id : ids) {
        const qint32 before = recordedGapOf(id);
        auto now = current.constFind(id);
        const qint32 after = now == current.cend() ? kNotListed : gapOf(LeadCursor{*now, id});
        if (before == after)
            continue;
        if (before != kNotListed)
            --m_gapRows.at(static_cast<size_t>(before));
        if (after != kNotListed)
            ++m_gapRows.at(static_cast<size_t>(after));
        m_moved.insert(id, after);
        moved = true;
    }
    if (moved)
        recomputePositions();
}

void LeadPositionIndex::recomputePositions()
{
    qint64 position = 0;
    for (qsizetype k = 0; k < m_anchors.size(); ++k) {
        position += m_gapRows.at(static_cast<size_t>(k));
        m_anchors[k].position = position;
    }
    m_rows = position + m_gapRows.back();
}

} // namespace outpost
