#pragma once

#include "common/Result.h"
#include "domain/Lead.h"
#include "domain/LeadFilter.h"

#include <QList>
#include <QStringList>
#include <QVariantList>

namespace outpost {

class LeadStore;

// Who a campaign with these filters reaches, from the cache: how many, and the
// first of them by id (the order the service previews and sends in).
struct Audience
{
    qint64 count = 0;
    // False when counting stopped at the cap asked for: count is then "at least".
    bool exact = true;
    QList<Lead> sample;
};

class AudienceQuery
{
public:
    explicit AudienceQuery(LeadStore &store);

    // `countCap` >= 0 stops counting there (exact is false when reached).
    Result<Audience> preview(const LeadFilter &filter, int sampleSize, qint64 countCap = -1);

    // The campaign part of a filter: search and escalated are local only.
    static LeadFilter campaignFilter(LeadFilter filter);

private:
    struct Sql
    {
        QStringList where;
        QVariantList values;
        bool hasEquality = false; // an index in lead id order can drive the scan
        bool hasCreatedRange = false;
    };
    Result<Sql> sqlFor(const LeadFilter &filter);
    Result<bool> tagIsRare(const QString &tag);
    Result<QList<qint64>> firstIds(const Sql &sql, int limit);
    Result<qint64> countUpTo(const Sql &sql, qint64 cap);

    LeadStore &m_store;
};

} // namespace outpost
