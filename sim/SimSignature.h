#pragma once

#include <QByteArray>

namespace outpost::sim {

// The contract's webhook signature: hex HMAC-SHA256 of the raw body, keyed
// with the webhook's secret.
class SimSignature
{
public:
    static QByteArray sign(const QByteArray &secret, const QByteArray &body);
};

} // namespace outpost::sim
