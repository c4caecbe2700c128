#pragma once

#include "domain/Lead.h"

#include <QList>

namespace outpost::test {

// A complete, valid lead with every field set; tests change what they need.
Lead makeLead(qint64 id, const QString &name = QString());
// `count` leads with ids from `firstId`, spread over statuses, channels and tags.
QList<Lead> makeLeads(qint64 firstId, int count);

} // namespace outpost::test
