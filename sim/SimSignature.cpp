#include "SimSignature.h"

#include <QMessageAuthenticationCode>

namespace outpost::sim {

QByteArray SimSignature::sign(const QByteArray &secret, const QByteArray &body)
{
    return QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toHex();
}

} // namespace outpost::sim
