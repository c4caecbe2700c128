#include "analytics/LocalAnalytics.h"

#include "domain/LeadStatus.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>

namespace outpost {

namespace {

const QString kResolved = QStringLiteral("l.status IN ('closed', 'lost')");

Result<QSqlQuery> run(Database &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return makeError(QStringLiteral("cannot compute the dashboard figures: ") + q.lastError().text());
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    auto r = Database::exec(q, "compute the dashboard figures");
    if (!r)
        return r.error();
    return q;
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

Result<QJsonObject> LocalAnalytics::overview()
{
    // A lead whose messages are not cached has no known human reply.
    auto q = run(m_db,
                 QStringLiteral("SELECT count(*), coalesce(sum(l.status IN ('booked', 'closed')), 0), "
                                "coalesce(sum(l.escalated), 0), coalesce(sum(") +
                     kResolved + QStringLiteral("), 0), coalesce(sum(") + kResolved +
                     QStringLiteral(" AND l.escalated = 0 AND ifnull(a.human_replies, 0) = 0), 0), avg(l.rating) "
                                    "FROM leads l LEFT JOIN lead_activity a ON a.lead_id = l.id"),
                 {});
    if (!q)
        return q.error();
    q->next();
    const qint64 total = q->value(0).toLongLong();
    const QVariant avgRating = q->value(5);
    return QJsonObject{
        {QStringLiteral("total_leads"), total},
        {QStringLiteral("conversion_rate"), percent(q->value(1).toLongLong(), total)},
        {QStringLiteral("escalation_rate"), percent(q->value(2).toLongLong(), total)},
        {QStringLiteral("bot_resolution_pct"), percent(q->value(4).toLongLong(), q->value(3).toLongLong())},
        {QStringLiteral("avg_rating"),
         avgRating.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(std::round(avgRating.toDouble() * 100) / 100)},
    };
}

Result<QJsonObject> LocalAnalytics::funnel()
{
    // The trigger-kept counts: no scan of the leads.
    auto q = run(m_db, QStringLiteral("SELECT status, n FROM lead_counts WHERE n > 0"), {});
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

Result<QJsonObject> LocalAnalytics::sla(int days, const QDateTime &now)
{
    const qint64 since = now.toMSecsSinceEpoch() - static_cast<qint64>(days) * 86400 * 1000;
    auto firstResponse = timing(QStringLiteral("a.first_out_at - a.first_in_at"),
                                QStringLiteral("a.first_in_at IS NOT NULL AND a.first_out_at IS NOT NULL"),
                                firstResponseTargetSecs, since);
    if (!firstResponse)
        return firstResponse.error();
    auto resolution = timing(QStringLiteral("l.updated_at - l.created_at"), kResolved, resolutionTargetSecs, since);
    if (!resolution)
        return resolution.error();
    auto open = queue();
    if (!open)
        return open.error();
    auto byAgent = agents(since);
    if (!byAgent)
        return byAgent.error();
    return QJsonObject{
        {QStringLiteral("days"), days},
        {QStringLiteral("first_response"), *firstResponse},
        {QStringLiteral("resolution"), *resolution},
        {QStringLiteral("queue"), *open},
        {QStringLiteral("agents"), *byAgent},
    };
}

Result<QJsonObject> LocalAnalytics::timing(const QString &span, const QString &condition, int targetSecs,
                                           qint64 sinceMs)
{
    // `span` and `condition` are fixed expressions of this file; values are bound.
    auto q = run(m_db,
                 QStringLiteral("SELECT count(*), avg(%1) / 1000.0, coalesce(sum((%1) <= ?), 0) "
                                "FROM leads l LEFT JOIN lead_activity a ON a.lead_id = l.id "
                                "WHERE l.created_at >= ? AND %2")
                     .arg(span, condition),
                 {static_cast<qint64>(targetSecs) * 1000, sinceMs});
    if (!q)
        return q.error();
    q->next();
    const qint64 n = q->value(0).toLongLong();
    return QJsonObject{{QStringLiteral("avg_seconds"), n ? round1(q->value(1).toDouble()) : 0.0},
                       {QStringLiteral("compliance_pct"), n ? percent(q->value(2).toLongLong(), n) : 100.0},
                       {QStringLiteral("target_seconds"), targetSecs},
                       {QStringLiteral("count"), n}};
}

Result<QJsonObject> LocalAnalytics::queue()
{
    auto q = run(m_db,
                 QStringLiteral("SELECT count(*), coalesce(sum(a.last_in_at > coalesce(a.last_out_at, 0)), 0), "
                                "coalesce(sum(l.escalated), 0) "
                                "FROM leads l LEFT JOIN lead_activity a ON a.lead_id = l.id WHERE NOT ") +
                     kResolved,
                 {});
    if (!q)
        return q.error();
    q->next();
    return QJsonObject{{QStringLiteral("open_leads"), q->value(0).toLongLong()},
                       {QStringLiteral("waiting_human"), q->value(1).toLongLong()},
                       {QStringLiteral("escalated_open"), q->value(2).toLongLong()}};
}

Result<QJsonArray> LocalAnalytics::agents(qint64 sinceMs)
{
    auto q = run(m_db,
                 QStringLiteral("SELECT l.assigned_agent, count(*), coalesce(sum(") + kResolved +
                     QStringLiteral("), 0) FROM leads l WHERE l.created_at >= ? AND l.assigned_agent IS NOT NULL "
                                    "GROUP BY l.assigned_agent ORDER BY l.assigned_agent"),
                 {sinceMs});
    if (!q)
        return q.error();
    QJsonArray list;
    while (q->next()) {
        const qint64 total = q->value(1).toLongLong();
        const qint64 done = q->value(2).toLongLong();
        list.append(QJsonObject{{QStringLiteral("agent"), q->value(0).toString()},
                                {QStringLiteral("total"), total},
                                {QStringLiteral("resolved"), done},
                                {QStringLiteral("resolution_rate"), percent(done, total)}});
    }
    return list;
}

} // namespace outpost
