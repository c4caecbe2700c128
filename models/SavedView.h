#pragma once

#include "storage/LeadQuery.h"

#include <QJsonObject>
#include <QString>

namespace outpost {

// A named filter and sort of the lead list, as the user saved it.
struct SavedView
{
    QString name;
    LeadFilter filter;
    LeadSort sort;

    QJsonObject toJson() const;
    // Unknown or malformed parts fall back to their defaults: a view saved by a
    // newer Outpost still opens.
    static SavedView fromJson(const QJsonObject &object);

    friend bool operator==(const SavedView &, const SavedView &) = default;
};

} // namespace outpost
