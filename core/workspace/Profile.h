#pragma once

#include "common/Result.h"

#include <QString>
#include <QUuid>

namespace outpost {

// The directory that holds everything Outpost keeps on disk for one user:
// settings and one cache file per workspace. Never a secret.
class Profile
{
public:
    explicit Profile(QString directory);

    // QStandardPaths::AppDataLocation, for runs without --profile.
    static QString defaultDirectory();

    // Creates the directory (mode 0700: caches hold customers' personal data).
    Result<void> ensureExists() const;

    QString directory() const { return m_directory; }
    QString settingsPath() const;
    QString workspaceDirectory(const QUuid &workspace) const;
    QString cachePath(const QUuid &workspace) const;
    // Held by the one process that syncs this workspace.
    QString syncLockPath(const QUuid &workspace) const;

private:
    QString m_directory;
};

} // namespace outpost
