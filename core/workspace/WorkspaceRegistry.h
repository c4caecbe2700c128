#pragma once

#include "common/Result.h"
#include "workspace/Profile.h"
#include "workspace/Workspace.h"

#include <QList>

#include <optional>

namespace outpost {

// The workspaces of a profile, kept in the profile's settings file.
class WorkspaceRegistry
{
public:
    explicit WorkspaceRegistry(Profile profile);

    const Profile &profile() const { return m_profile; }

    QList<Workspace> workspaces() const;
    std::optional<Workspace> find(const QString &name) const;
    std::optional<Workspace> find(const QUuid &id) const;
    // The one named by `name`, else the default, else the only one.
    Result<Workspace> resolve(const QString &name) const;

    Result<Workspace> add(Workspace workspace);
    Result<void> update(const Workspace &workspace);
    Result<void> remove(const QUuid &id);

    std::optional<Workspace> defaultWorkspace() const;
    Result<void> setDefault(const QUuid &id);

    static Result<void> validateName(const QString &name);
    // HTTPS with a host; plain HTTP only on loopback (a local outpost-sim).
    static Result<void> validateBaseUrl(const QUrl &url);
    // It becomes a path segment (/crm/{client_id}): no separators, spaces or controls.
    static Result<void> validateClientId(const QString &clientId);

private:
    void save(const QList<Workspace> &list) const;

    Profile m_profile;
};

} // namespace outpost
