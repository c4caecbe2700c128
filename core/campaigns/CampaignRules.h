#pragma once

#include <QCoreApplication>
#include <QString>

namespace outpost {

class MessageTemplate;

// What must hold before a campaign is sent: someone to send to, no more than
// the contract's 500 messages, and something to say.
class CampaignRules
{
    Q_DECLARE_TR_FUNCTIONS(CampaignRules)

public:
    static constexpr qint64 maxAudience = 500;

    // Why it cannot be sent, or an empty string when it can.
    static QString refusal(qint64 audience, const MessageTemplate &message);
    static bool overCap(qint64 audience) { return audience > maxAudience; }
};

} // namespace outpost
