#pragma once

#include <QString>
#include <QUrl>
#include <QUuid>

namespace outpost {

// One account at one service: where it lives and how to reach it. The key is
// never here; it lives in the keychain under this workspace's id.
struct Workspace
{
    QUuid id;
    QString name;
    QUrl baseUrl;
    QString clientId;

    bool isOffline() const { return baseUrl.isEmpty(); }
    QString idText() const { return id.toString(QUuid::WithoutBraces); }

    friend bool operator==(const Workspace &, const Workspace &) = default;
};

} // namespace outpost
