#include "webhooks/WebhookSignature.h"

#include <QMessageAuthenticationCode>

#include <openssl/crypto.h>

namespace outpost {

namespace {

constexpr qsizetype kDigestBytes = 32;

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

WebhookSignature::WebhookSignature(QList<QByteArray> secrets, QByteArray headerName)
    : m_secrets(std::move(secrets))
    , m_headerName(std::move(headerName))
{
    m_secrets.removeAll(QByteArray());
}

QByteArray WebhookSignature::sign(QByteArrayView secret, QByteArrayView body)
{
    return QMessageAuthenticationCode::hash(body.toByteArray(), secret.toByteArray(), QCryptographicHash::Sha256)
        .toHex();
}

// QByteArray::fromHex skips what is not hex; a signature with junk in it must fail instead.
bool WebhookSignature::decodeHex(QByteArrayView hex, QByteArray &raw)
{
    if (hex.size() != kDigestBytes * 2)
        return false;
    raw.resize(kDigestBytes);
    for (qsizetype i = 0; i < kDigestBytes; ++i) {
        const int high = hexValue(hex.at(2 * i));
        const int low = hexValue(hex.at(2 * i + 1));
        if (high < 0 || low < 0)
            return false;
        raw[i] = static_cast<char>((high << 4) | low);
    }
    return true;
}

bool WebhookSignature::verify(QByteArrayView body, QByteArrayView headerValue) const
{
    QByteArrayView value = headerValue.trimmed();
    const QByteArrayView prefix("sha256=");
    if (value.size() > prefix.size() && value.first(prefix.size()).compare(prefix, Qt::CaseInsensitive) == 0)
        value = value.sliced(prefix.size());
    QByteArray given;
    if (!decodeHex(value, given))
        return false;
    bool match = false;
    for (const QByteArray &secret : m_secrets) {
        const QByteArray expected =
            QMessageAuthenticationCode::hash(body.toByteArray(), secret, QCryptographicHash::Sha256);
        // Constant time: how many leading bytes match must not show in the timing.
        if (CRYPTO_memcmp(expected.constData(), given.constData(), kDigestBytes) == 0)
            match = true;
    }
    return match;
}

} // namespace outpost
