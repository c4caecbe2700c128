#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>

namespace outpost {

class Database;

// Everything the dashboard shows, each part labelled with where it came from:
// the service (its /overview, /analytics/summary, /sla answers) or the cache
// (LocalAnalytics, "computed from cached data as of ...").
struct DashboardFigures
{
    enum class Source {
        Server,
        Local
    };
    struct Part
    {
        QJsonObject body;
        Source source = Source::Local;
        // Server: when it answered. Local: the last completed sync of the cache.
        QDateTime asOf;
        // Why the service's figures are not shown (plan, network), empty otherwise.
        QString note;
    };

    int days = 30;
    Part overview;
    Part funnel;
    Part sla;

    static constexpr int periods[] = {7, 30, 90};

    // All three parts from the cache; `cacheAsOf` labels them.
    static Result<DashboardFigures> computeLocal(Database &db, int days, const QDateTime &cacheAsOf);
    // What the desktop shows without asking the network: the service's figures
    // as the last sync stored them (snapshots) where they exist and fit the
    // period, the cache's own figures for the rest.
    static Result<DashboardFigures> fromCache(Database &db, int days);
    // When the cache was last synced (invalid: never).
    static QDateTime cacheAsOf(Database &db);

    QJsonObject toJson() const;
    // One row per figure: section, figure, value, source, as_of (RFC 4180 quoting).
    QString toCsv() const;
};

} // namespace outpost
