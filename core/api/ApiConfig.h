#pragma once

#include <QString>
#include <QUrl>

namespace outpost {
struct Workspace;
}

namespace outpost {

// Where and how one workspace's requests go. The key is held in memory only,
// read from the keychain by whoever builds this.
struct ApiConfig
{
    QUrl baseUrl;
    QString clientId;
    QString apiKey;
    // An extra CA certificate (PEM) for a self-hosted service; verification stays on.
    QString caFile;
    int transferTimeoutMs = 30 * 1000;
    // Tries of a request that is safe to repeat, before its error is returned.
    int maxAttempts = 5;
    int maxInFlight = 4;
    qint64 backoffBaseMs = 1000;
    qint64 backoffCapMs = 5 * 60 * 1000;

    static ApiConfig forWorkspace(const Workspace &workspace, const QString &apiKey);
};

} // namespace outpost
