#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

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

    // One decimal, as the service rounds; a rate over nothing is 0.
    static double percent(qint64 part, qint64 whole);
    static double round1(double value);

private:
    Result<QJsonObject> timing(const QString &span, const QString &condition, int targetSecs, qint64 sinceMs);
    Result<QJsonObject> queue();
    Result<QJsonArray> agents(qint64 sinceMs);

    Database &m_db;
};

} // namespace outpost
