#pragma once

#include "domain/Lead.h"

#include <QString>

namespace outpost {

// The contract's message placeholders ({name}, {first_name}, {phone},
// {agent}; unknown ones stay as written), filled in the way the service does:
// the cache shows a queued bulk message as the lead will receive it, and the
// replayer recognises it in a lead's conversation.
class MessageTemplate
{
public:
    static QString render(const QString &text, const Lead &lead);
};

} // namespace outpost
