#include "analytics/LocalAnalytics.h"

#include "domain/LeadStatus.h"
#include "storage/Database.h"
#include "storage/SlaBuckets.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace outpost {

namespace {

// The figures over every cached lead: the queue and the overview.
const char kAllTime[] = "SELECT total(open_leads), total(waiting_human), total(escalated_open), total(leads), "
                        "total(converted), total(escalated), total(resolved), total(bot_resolved), total(rated), "
                        "total(rating_sum) FROM sla_buckets";

// The buckets of whole hours from the first value on, and the leads created
// between the second and third values, before them, in one shape. Plain `?`:
// Qt binds numbered placeholders by name, not by number.
QString windowRows()
{
    return QStringLiteral("WITH win AS (SELECT %1 FROM sla_buckets WHERE hour >= ? UNION ALL %2) ")
        .arg(QLatin1StringView(SlaBuckets::kColumns), QLatin1StringView(SlaBuckets::kRowsCreatedBetween));
}

qint64 at(const QSqlQuery &q, int column)
{
    return static_cast<qint64>(q.value(column).toDouble());
}

QJsonObject timing(qint64 n, qint64 sumMs, qint64 met, int targetSecs)
{
    return QJsonObject{{QStringLiteral("avg_seconds"),
                        n ? LocalAnalytics::round1(static_cast<double>(sumMs) / static_cast<double>(n) / 1000.0) : 0.0},
                       {QStringLiteral("compliance_pct"), n ? LocalAnalytics::percent(met, n) : 100.0},
                       {QStringLiteral("target_seconds"), targetSecs},
                       {QStringLiteral("count"), n}};
}

} // namespace

LocalAnalytics::LocalAnalytics(Database &db)
    : m_db(db)
{}

double LocalAnalytics::round1(double value)
{
    return std::round(value * 10.0) / 10.0;
}

double LocalAnalytics::percent(qint64 part, qint64 whole)
{
    return whole > 0 ? round1(100.0 * static_cast<double>(part) / static_cast<double>(whole)) : 0.0;
}

Result<QSqlQuery> LocalAnalytics::run(const LeadSql::Statement &statement)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(statement.sql))
        return makeError(QStringLiteral("cannot compute the dashboard figures: ") + q.lastError().text());
    for (int i = 0; i < statement.values.size(); ++i)
        q.bindValue(i, statement.values.at(i));
    auto r = Database::exec(q, "compute the dashboard figures");
    if (!r)
        return r.error();
    return q;
}

Result<QJsonObject> LocalAnalytics::overview()
{
    // A lead whose messages are not cached has no known human reply.
    auto q = run({QString::fromLatin1(kAllTime), {}});
    if (!q)
        return q.error();
    q->next();
    const qint64 total = at(*q, 3);
    const qint64 rated = at(*q, 8);
    return QJsonObject{
        {QStringLiteral("total_leads"), total},
        {QStringLiteral("conversion_rate"), percent(at(*q, 4), total)},
        {QStringLiteral("escalation_rate"), percent(at(*q, 5), total)},
        {QStringLiteral("bot_resolution_pct"), percent(at(*q, 7), at(*q, 6))},
        {QStringLiteral("avg_rating"), rated
                                           ? QJsonValue(std::round(q->value(9).toDouble() / double(rated) * 100) / 100)
                                           : QJsonValue(QJsonValue::Null)},
    };
}

Result<QJsonObject> LocalAnalytics::funnel()
{
    // The trigger-kept counts: no scan of the leads.
    auto q = run({QStringLiteral("SELECT status, n FROM lead_counts WHERE n > 0"), {}});
    if (!q)
        return q.error();
    QHash<QString, qint64> counts;
    while (q->next())
        counts.insert(q->value(0).toString(), q->value(1).toLongLong());
    QJsonArray stages;
    for (const LeadStatus &status : LeadStatus::pipeline()) {
        stages.append(QJsonObject{{QStringLiteral("status"), status.toString()},
                                  {QStringLiteral("count"), counts.take(status.toString())}});
    }
    QStringList others = counts.keys();
    others.sort();
    for (const QString &status : std::as_const(others))
        stages.append(QJsonObject{{QStringLiteral("status"), status}, {QStringLiteral("count"), counts.value(status)}});
    return QJsonObject{{QStringLiteral("funnel"), stages}};
}

QList<LeadSql::Statement> LocalAnalytics::slaStatements(int days, const QDateTime &now)
{
    // Times before 1970 do not occur; clamping keeps the bucket arithmetic simple.
    const qint64 since = std::max<qint64>(0, now.toMSecsSinceEpoch() - static_cast<qint64>(days) * 86400 * 1000);
    const qint64 firstWholeHour = (since + SlaBuckets::bucketMs - 1) / SlaBuckets::bucketMs;
    return {
        // Per agent (and the leads without one): the window's totals are their sum.
        {windowRows() + QStringLiteral("SELECT has_agent, agent, total(leads), total(resolved), total(resolution_ms), "
                                       "total(resolution_ok), total(responded), total(response_ms), total(response_ok) "
                                       "FROM win GROUP BY has_agent, agent ORDER BY has_agent, agent"),
         {firstWholeHour, since, firstWholeHour * SlaBuckets::bucketMs}},
        {QString::fromLatin1(kAllTime), {}},
    };
}

Result<QJsonObject> LocalAnalytics::sla(int days, const QDateTime &now)
{
    const QList<LeadSql::Statement> statements = slaStatements(days, now);
    auto byAgent = run(statements.at(0));
    if (!byAgent)
        return byAgent.error();
    qint64 resolved = 0, resolutionMs = 0, resolutionMet = 0, responded = 0, responseMs = 0, responseMet = 0;
    QJsonArray agents;
    while (byAgent->next()) {
        const qint64 total = at(*byAgent, 2);
        const qint64 done = at(*byAgent, 3);
        resolved += done;
        resolutionMs += at(*byAgent, 4);
        resolutionMet += at(*byAgent, 5);
        responded += at(*byAgent, 6);
        responseMs += at(*byAgent, 7);
        responseMet += at(*byAgent, 8);
        if (!byAgent->value(0).toBool() || total <= 0)
            continue;
        agents.append(QJsonObject{{QStringLiteral("agent"), byAgent->value(1).toString()},
                                  {QStringLiteral("total"), total},
                                  {QStringLiteral("resolved"), done},
                                  {QStringLiteral("resolution_rate"), percent(done, total)}});
    }
    byAgent->finish();

    auto all = run(statements.at(1));
    if (!all)
        return all.error();
    all->next();
    const QJsonObject queue{{QStringLiteral("open_leads"), at(*all, 0)},
                            {QStringLiteral("waiting_human"), at(*all, 1)},
                            {QStringLiteral("escalated_open"), at(*all, 2)}};
    return QJsonObject{
        {QStringLiteral("days"), days},
        {QStringLiteral("first_response"), timing(responded, responseMs, responseMet, firstResponseTargetSecs)},
        {QStringLiteral("resolution"), timing(resolved, resolutionMs, resolutionMet, resolutionTargetSecs)},
        {QStringLiteral("queue"), queue},
        {QStringLiteral("agents"), agents},
    };
}

} // namespace outpost
