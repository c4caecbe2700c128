#include "workspace/Profile.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace outpost {

Profile::Profile(QString directory)
    : m_directory(QDir(directory).absolutePath())
{}

QString Profile::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Result<void> Profile::ensureExists() const
{
    if (!QDir().mkpath(m_directory))
        return makeError(QStringLiteral("cannot create the profile directory %1").arg(m_directory));
    QFile::setPermissions(m_directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return {};
}

QString Profile::settingsPath() const
{
    return m_directory + QStringLiteral("/outpost.ini");
}

QString Profile::workspaceDirectory(const QUuid &workspace) const
{
    return m_directory + QStringLiteral("/workspaces/") + workspace.toString(QUuid::WithoutBraces);
}

QString Profile::cachePath(const QUuid &workspace) const
{
    return workspaceDirectory(workspace) + QStringLiteral("/cache.sqlite");
}

QString Profile::syncLockPath(const QUuid &workspace) const
{
    return QDir(workspaceDirectory(workspace)).filePath(QStringLiteral("sync.lock"));
}

} // namespace outpost
