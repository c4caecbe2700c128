#pragma once

#include "domain/Lead.h"

namespace outpost::sim {

// The contract's placeholders: {name}, {first_name}, {phone}, {agent};
// unknown ones stay as written.
class SimMessageTemplate
{
public:
    static QString render(const QString &text, const Lead &lead);
};

} // namespace outpost::sim
