#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUuid>

namespace outpost {

// How one service differs from the contract's reference behaviour. Services
// share the API's shape but name their signature header, count their rate
// limit and prefix their keys each in their own way.
struct ServiceProfile
{
    // The header that carries a webhook's HMAC-SHA256 signature.
    QString signatureHeader = QStringLiteral("X-Signature");
    // The documented budget: `rateLimit` requests per `rateWindowSeconds`
    // (100/min by default; some services document 1,000/h). Headers win.
    int rateLimit = 100;
    int rateWindowSeconds = 60;
    // The prefix the service's keys start with ("lp_"), empty when unknown.
    QString keyPrefix;
    // An extra CA certificate (PEM) for a self-hosted service; TLS is still verified.
    QString caFile;

    friend bool operator==(const ServiceProfile &, const ServiceProfile &) = default;
};

// One account at one service: where it lives and how to reach it. The key is
// never here; it lives in the keychain under this workspace's id.
struct Workspace
{
    QUuid id;
    QString name;
    QUrl baseUrl;
    QString clientId;
    // Initialised in place so that brace-initialising the first four fields stays warning-free.
    ServiceProfile service{};
    // The plan the service answered with ("basic" after a 403 on a Premium
    // endpoint, "premium" after a success on one); empty until known.
    QString plan{};
    // Ids of the webhooks whose secrets this workspace keeps in the keychain
    // (SecretStore::webhookSecretName): removing the workspace deletes them too.
    QStringList webhookSecretIds{};

    bool isOffline() const { return baseUrl.isEmpty(); }
    QString idText() const { return id.toString(QUuid::WithoutBraces); }

    friend bool operator==(const Workspace &, const Workspace &) = default;
};

} // namespace outpost
