#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace outpost {

// The contract's webhook signature: hex HMAC-SHA256 of the raw body, keyed
// with the webhook's secret, in a header whose name each service chooses.
// Several secrets may be valid at once (a webhook being rotated).
class WebhookSignature
{
public:
    static QByteArray defaultHeaderName() { return QByteArrayLiteral("X-Signature"); }

    explicit WebhookSignature(QList<QByteArray> secrets, QByteArray headerName = defaultHeaderName());

    const QByteArray &headerName() const { return m_headerName; }
    bool hasSecrets() const { return !m_secrets.isEmpty(); }

    // Lowercase hex, as senders put it in the header.
    static QByteArray sign(QByteArrayView secret, QByteArrayView body);

    // True when `headerValue` (hex, either case, optionally "sha256=…") is the
    // signature of `body` under one of the secrets. Compares in constant time.
    bool verify(QByteArrayView body, QByteArrayView headerValue) const;

private:
    static bool decodeHex(QByteArrayView hex, QByteArray &raw);

    QList<QByteArray> m_secrets;
    QByteArray m_headerName;
};

} // namespace outpost
