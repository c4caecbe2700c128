#include "campaigns/CampaignRules.h"

#include "campaigns/MessageTemplate.h"

namespace outpost {

QString CampaignRules::refusal(qint64 audience, const MessageTemplate &message)
{
    if (message.isBlank())
        return tr("The message is empty: write what the leads should receive.");
    if (audience <= 0)
        return tr("No cached lead matches these filters: the campaign would reach nobody.");
    if (overCap(audience))
        return tr("%1 leads match, but a campaign sends at most %2 messages: narrow the filters.")
            .arg(audience)
            .arg(maxAudience);
    return {};
}

} // namespace outpost
