#pragma once

#include "common/Result.h"
#include "storage/LeadSql.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>

namespace outpost {

class Database;

// The dashboard's figures computed from the cache, in the very shape the
// service answers /overview, /analytics/summary and /sla, with the service's
// own definitions (sim/README.md, "Analytics: exact definitions"). Used when
// the plan or the network does not give the server's figures.
//
// What the cache cannot know exactly: response times need the lead's messages
// (leads whose details were never fetched count as having none), and a lead's
// resolution time is taken as its last update while closed or lost.
//
// Reads the per-hour buckets (SlaBuckets) rather than the leads: whole hours
// of a window from the buckets, the part hour at its start from the leads.
class LocalAnalytics
{
public:
    static constexpr int firstResponseTargetSecs = 300;
    static constexpr int resolutionTargetSecs = 86400;

    explicit LocalAnalytics(Database &db);

    Result<QJsonObject> overview();
    Result<QJsonObject> funnel();
    // Leads created in the `days` before `now`; queue figures cover every lead.
    Result<QJsonObject> sla(int days, const QDateTime &now = QDateTime::currentDateTimeUtc());

    // The statements sla() runs, in order: the window per agent, then the
    // all-time totals (queue and overview).
    static QList<LeadSql::Statement> slaStatements(int days, const QDateTime &now);

    // One decimal, as the service rounds; a rate over nothing is 0.
    static double percent(qint64 part, qint64 whole);
    static double round1(double value);

private:
    Result<QSqlQuery> run(const LeadSql::Statement &statement);

    Database &m_db;
};

} // namespace outpost
