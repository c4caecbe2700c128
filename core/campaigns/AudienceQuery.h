#pragma once

#include "common/Result.h"
#include "domain/Lead.h"
#include "domain/LeadFilter.h"

#include <QList>
#include <QSqlQuery>
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

    struct Statement
    {
        QString sql;
        QVariantList values;
    };
    // The statements preview() runs for these filters, in order (a tag's
    // probe, the sample's ids, the count), to measure them elsewhere: the
    // benchmark runs them in the sqlite3 shell on the same file.
    Result<QList<Statement>> statements(const LeadFilter &filter, int sampleSize, qint64 countCap = -1);

private:
    struct Sql
    {
        QStringList where;
        QVariantList values;
        bool hasEquality = false; // an index in lead id order can drive the scan
        bool hasCreatedRange = false;
    };
    Result<Sql> sqlFor(const LeadFilter &filter);
    static Statement tagProbe(const QString &tag);
    Result<bool> tagIsRare(const QString &tag);
    static Statement idsStatement(const Sql &sql, int limit);
    static Statement countStatement(const Sql &sql, qint64 cap);
    Result<QSqlQuery> run(const Statement &statement, const char *what);

    LeadStore &m_store;
};

} // namespace outpost
