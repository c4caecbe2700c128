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

    // What walks the leads: one of the filters' indexes, or the whole table in
    // id order when no filter has one. Every driver gives the same answer.
    enum class Driver {
        Scan,     // the table in id order (only last_message_before, or nothing)
        Equality, // a status/channel/source/agent index, in id order, the other columns checked in it
        Tag,      // the tag's rows in lead_tags, in id order
        Created,  // the creation range's index, its matches sorted by id
        Nothing,  // a probe found no lead for one of the filters: the audience is empty
    };
    struct Plan
    {
        Driver driver = Driver::Scan;
        QString column; // the equality's column, for Driver::Equality
    };
    // The driver preview() picks: the filter matching the fewest leads,
    // counted up to a few thousand each in its own index.
    Result<Plan> plan(const LeadFilter &filter);
    // preview() with the driver given (any driver is exact; some are slow).
    Result<Audience> previewWith(const Plan &plan, const LeadFilter &filter, int sampleSize, qint64 countCap = -1);

    struct Statement
    {
        QString sql;
        QVariantList values;
    };
    // The statements preview() runs for these filters, in order (the probes
    // that choose the driver, then the audience's), to measure them
    // elsewhere: the benchmark runs them in the sqlite3 shell on the same file.
    Result<QList<Statement>> statements(const LeadFilter &filter, int sampleSize, qint64 countCap = -1);

private:
    struct Probe
    {
        Plan plan;
        Statement statement;
    };
    static QList<Probe> probesFor(const LeadFilter &f, int cap);
    Result<Plan> choose(const LeadFilter &f, QList<Statement> *ran);
    Result<qint64> probeCount(const Statement &statement);
    static Statement selectFor(const Plan &plan, const LeadFilter &f, bool countOnly, qint64 limit);
    Result<QSqlQuery> run(const Statement &statement, const char *what);

    LeadStore &m_store;
};

} // namespace outpost
