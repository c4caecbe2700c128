#pragma once

#include <QJsonObject>

namespace outpost {

// Delivery figures of a sent campaign, as GET /campaigns/{id}/stats answers them.
struct CampaignStats
{
    qint64 sent = 0;
    qint64 delivered = 0;
    qint64 read = 0;
    qint64 replied = 0;
    qint64 failed = 0;

    static CampaignStats fromJson(const QJsonObject &object);
    QJsonObject toJson() const;

    friend bool operator==(const CampaignStats &, const CampaignStats &) = default;
};

} // namespace outpost
