#include "SimAnalytics.h"

#include "domain/LeadStatus.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>

namespace outpost::sim {

namespace {

const QString resolved = QStringLiteral("status IN ('closed', 'lost')");

} // namespace

double SimAnalytics::percent(qint64 part, qint64 whole)
{
    return whole > 0 ? round1(100.0 * static_cast<double>(part) / static_cast<double>(whole)) : 0.0;
}

double SimAnalytics::round1(double value)
{
    return std::round(value * 10.0) / 10.0;
}

QJsonObject SimAnalytics::overview() const
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT count(*), "
                          "coalesce(sum(status IN ('booked', 'closed')), 0), "
                          "coalesce(sum(escalated), 0), "
                          "coalesce(sum(") +
           resolved + QStringLiteral("), 0), coalesce(sum(") + resolved +
           QStringLiteral(" AND human_replies = 0 AND escalated = 0), 0), avg(rating) FROM leads"));
    q.next();
    const qint64 total = q.value(0).toLongLong();
    const QVariant avgRating = q.value(5);
    return QJsonObject{
        {QStringLiteral("total_leads"), total},
        {QStringLiteral("conversion_rate"), percent(q.value(1).toLongLong(), total)},
        {QStringLiteral("escalation_rate"), percent(q.value(2).toLongLong(), total)},
        {QStringLiteral("bot_resolution_pct"), percent(q.value(4).toLongLong(), q.value(3).toLongLong())},
        {QStringLiteral("avg_rating"),
         avgRating.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(std::round(avgRating.toDouble() * 100) / 100)},
    };
}

QJsonObject SimAnalytics::funnel() const
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT status, count(*) FROM leads GROUP BY status"));
    QHash<QString, qint64> counts;
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toLongLong());
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

QJsonObject SimAnalytics::sla(int days, qint64 nowMs) const
{
    const qint64 since = nowMs - static_cast<qint64>(days) * 86400 * 1000;
    return QJsonObject{
        {QStringLiteral("days"), days},
        {QStringLiteral("first_response"),
         timing(QStringLiteral("first_in_at"), QStringLiteral("first_out_at"), firstResponseTargetSecs, since)},
        {QStringLiteral("resolution"),
         timing(QStringLiteral("created_at"), QStringLiteral("resolved_at"), resolutionTargetSecs, since)},
        {QStringLiteral("queue"), queue()},
        {QStringLiteral("agents"), agents(since)},
    };
}

QJsonObject SimAnalytics::timing(const QString &startColumn, const QString &endColumn, int target, qint64 sinceMs) const
{
    // Column names are fixed by the caller; only values are bound.
    QSqlQuery q(m_db);
    const QString span = QStringLiteral("(%1 - %2)").arg(endColumn, startColumn);
    q.prepare(QStringLiteral("SELECT count(*), avg(%1) / 1000.0, coalesce(sum(%1 <= ?), 0) FROM leads "
                             "WHERE created_at >= ? AND %2 IS NOT NULL AND %3 IS NOT NULL")
                  .arg(span, startColumn, endColumn));
    q.addBindValue(static_cast<qint64>(target) * 1000);
    q.addBindValue(sinceMs);
    q.exec();
    q.next();
    const qint64 n = q.value(0).toLongLong();
    return QJsonObject{{QStringLiteral("avg_seconds"), n ? round1(q.value(1).toDouble()) : 0.0},
                       {QStringLiteral("compliance_pct"), n ? percent(q.value(2).toLongLong(), n) : 100.0},
                       {QStringLiteral("target_seconds"), target},
                       {QStringLiteral("count"), n}};
}

QJsonObject SimAnalytics::queue() const
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT count(*), coalesce(sum(last_in_at > coalesce(last_out_at, 0)), 0), "
                          "coalesce(sum(escalated), 0) FROM leads WHERE NOT ") +
           resolved);
    q.next();
    return QJsonObject{{QStringLiteral("open_leads"), q.value(0).toLongLong()},
                       {QStringLiteral("waiting_human"), q.value(1).toLongLong()},
                       {QStringLiteral("escalated_open"), q.value(2).toLongLong()}};
}

QJsonArray SimAnalytics::agents(qint64 sinceMs) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT assigned_agent, count(*), coalesce(sum(") + resolved +
              QStringLiteral("), 0) FROM leads WHERE created_at >= ? AND assigned_agent IS NOT NULL "
                             "GROUP BY assigned_agent ORDER BY assigned_agent"));
    q.addBindValue(sinceMs);
    q.exec();
    QJsonArray list;
    while (q.next()) {
        const qint64 total = q.value(1).toLongLong();
        const qint64 done = q.value(2).toLongLong();
        list.append(QJsonObject{{QStringLiteral("agent"), q.value(0).toString()},
                                {QStringLiteral("total"), total},
                                {QStringLiteral("resolved"), done},
                                {QStringLiteral("resolution_rate"), percent(done, total)}});
    }
    return list;
}

} // namespace outpost::sim
