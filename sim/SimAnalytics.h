#pragma once

#include <QJsonObject>
#include <QSqlDatabase>

namespace outpost::sim {

// The analytics endpoints, computed from the leads table each time they are
// asked for (definitions in sim/README.md, "Analytics").
class SimAnalytics
{
public:
    static constexpr int firstResponseTargetSecs = 300;
    static constexpr int resolutionTargetSecs = 86400;

    explicit SimAnalytics(QSqlDatabase db)
        : m_db(std::move(db))
    {}

    QJsonObject overview() const;
    QJsonObject funnel() const;
    QJsonObject sla(int days, qint64 nowMs) const;

    static double percent(qint64 part, qint64 whole);
    static double round1(double value);

private:
    QJsonObject timing(const QString &startColumn, const QString &endColumn, int target, qint64 sinceMs) const;
    QJsonObject queue() const;
    QJsonArray agents(qint64 sinceMs) const;

    QSqlDatabase m_db;
};

} // namespace outpost::sim
