#pragma once

#include "storage/LeadQuery.h"

#include <QHash>
#include <QList>

#include <optional>
#include <vector>

namespace outpost {

// Where the rows of a long sorted lead list are, without reading them: the
// keyset cursor of every `every`-th row with the number of rows up to and
// including it, so the window at any row is a keyset seek from the anchor
// before it. It also knows which gap between two anchors each lead lies in, so
// a page of changed leads moves the anchors by what changed (a lead left one
// gap, entered another) instead of costing a new pass over the whole list.
class LeadPositionIndex
{
public:
    struct Anchor
    {
        LeadCursor cursor;
        // Rows whose (key, id) is at or before the cursor: the row just after
        // the cursor is at this position.
        qint64 position = 0;
    };

    LeadPositionIndex() = default;
    // `cursors` are the rows at positions every-1, 2*every-1, ...; `idsInOrder`
    // is the whole list in its sort order.
    LeadPositionIndex(const LeadSort &sort, const QList<LeadCursor> &cursors, const QList<qint64> &idsInOrder,
                      int every);

    qint64 rowCount() const { return m_rows; }
    qsizetype anchorCount() const { return m_anchors.size(); }
    // The last anchor whose position is at most `row`: a window starting at
    // `row` is read after its cursor, skipping row - position rows.
    std::optional<Anchor> anchorAtOrBefore(qint64 row) const;

    // Applies a change of the leads `ids`: `current` holds those that are in
    // the list now, with their sort values (the others left it or never were
    // in it).
    void apply(const QList<qint64> &ids, const QHash<qint64, QVariant> &current);

    // -1, 0 or 1 as SQLite orders the two sort values of this key: numbers as
    // numbers, the name with ASCII letters folded (NOCASE), the status by bytes.
    static int compareKeys(const QVariant &a, const QVariant &b, LeadSort::Key key);

private:
    static constexpr qint32 kNotListed = -1;

    // Negative when a comes first in the list's order.
    int compare(const LeadCursor &a, const LeadCursor &b) const;
    // The gap a row with this cursor belongs to: the first anchor at or after it.
    qint32 gapOf(const LeadCursor &row) const;
    qint32 recordedGapOf(qint64 id) const;
    void recomputePositions();

    LeadSort m_sort;
    QList<Anchor> m_anchors;
    // Rows in each gap: gap j ends at anchor j, the last gap after the last anchor.
    std::vector<qint64> m_gapRows;
    // The gap of every lead when the index was built (sorted by id), and of
    // those moved since.
    std::vector<qint64> m_ids;
    std::vector<qint32> m_gaps;
    QHash<qint64, qint32> m_moved;
    qint64 m_rows = 0;
};

} // namespace outpost
