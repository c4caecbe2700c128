#pragma once

#include "domain/LeadFilter.h"

#include <QVariant>

#include <optional>

namespace outpost {

// How a list of leads is ordered. Every key has an index that ends in `id`, so
// windows can continue from a (key, id) pair instead of an OFFSET.
struct LeadSort
{
    enum class Key {
        Newest, // by id: the order the service created them in
        UpdatedAt,
        CreatedAt,
        Name,
        LastMessageAt,
        Status,
    };

    Key key = Key::Newest;
    Qt::SortOrder order = Qt::DescendingOrder;

    friend bool operator==(const LeadSort &, const LeadSort &) = default;
};

// The position just after a row in a sorted list: its sort value and its id.
struct LeadCursor
{
    QVariant key;
    qint64 id = 0;
};

// One window of a filtered, sorted lead list. `after` (keyset) is preferred;
// `offset` exists for jumps to a position nobody has scrolled through yet.
struct LeadQuery
{
    LeadFilter filter;
    LeadSort sort;
    int limit = 100;
    qint64 offset = 0;
    std::optional<LeadCursor> after;
};

} // namespace outpost
