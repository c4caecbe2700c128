#include "campaigns/CampaignStats.h"

namespace outpost {

namespace {

qint64 count(const QJsonObject &o, const char *key)
{
    // Missing or not a number: nothing counted (servers may leave a figure out).
    const QJsonValue v = o.value(QLatin1StringView(key));
    return v.isDouble() ? std::max<qint64>(0, v.toInteger()) : 0;
}

} // namespace

CampaignStats CampaignStats::fromJson(const QJsonObject &o)
{
    return {count(o, "sent"), count(o, "delivered"), count(o, "read"), count(o, "replied"), count(o, "failed")};
}

QJsonObject CampaignStats::toJson() const
{
    return {{QStringLiteral("sent"), sent},
            {QStringLiteral("delivered"), delivered},
            {QStringLiteral("read"), read},
            {QStringLiteral("replied"), replied},
            {QStringLiteral("failed"), failed}};
}

} // namespace outpost
