#pragma once

#include "SimWhere.h"

#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace outpost::sim {

// Campaigns, their audience filters and the delivery figures that grow after a
// send: sent at once, then delivered, read and replied over (scaled) minutes.
class SimCampaigns
{
public:
    static constexpr int maxAudience = 500;

    struct Stats
    {
        qint64 sent = 0, delivered = 0, read = 0, replied = 0, failed = 0;
        bool finished = false;
    };

    explicit SimCampaigns(QSqlDatabase db)
        : m_db(std::move(db))
    {}

    // The contract's filters as SQL; unknown names or bad values set *error.
    static SimWhere where(const QJsonObject &filters, QString *error);
    // Figures `elapsedSecs` (already divided by the time scale) after the send.
    static Stats stats(qint64 queued, double elapsedSecs);

    qint64 create(const QString &name, const QJsonObject &filters, const QString &message, qint64 nowMs);
    std::optional<QJsonObject> find(qint64 id, qint64 nowMs, double timeScale) const;
    QList<QJsonObject> list(qint64 nowMs, double timeScale) const;
    void markSent(qint64 id, qint64 queued, qint64 nowMs);

private:
    QJsonObject fromQuery(const class QSqlQuery &q, qint64 nowMs, double timeScale) const;

    QSqlDatabase m_db;
};

} // namespace outpost::sim
