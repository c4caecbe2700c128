#pragma once

#include "domain/Lead.h"

#include <QList>

#include <optional>

namespace outpost {

// One answer of GET /leads. Everything but the leads is optional in the contract.
struct LeadsPage
{
    QList<Lead> leads;
    std::optional<qint64> total;
    QString nextCursor;
    QList<qint64> deleted;
    // The answer had a `deleted` list: the server understood updated_since.
    bool listsDeleted = false;
};

} // namespace outpost
