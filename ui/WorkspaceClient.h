#pragma once

#include "workspace/Workspace.h"

#include <QObject>

namespace outpost {

class ApiClient;
class SecretStore;

// An ApiClient for one workspace's admin dialogs: reads the workspace's key
// from the keychain (asynchronously) and builds a client with it that shares
// the workspace's rate budget. The client is a child of this object.
class WorkspaceClient : public QObject
{
    Q_OBJECT

public:
    WorkspaceClient(Workspace workspace, SecretStore &secrets, QObject *parent = nullptr);

    void start();
    ApiClient *client() const { return m_client; }
    const Workspace &workspace() const { return m_workspace; }

signals:
    void ready(outpost::ApiClient *client);
    void failed(const QString &message);

private:
    Workspace m_workspace;
    SecretStore &m_secrets;
    ApiClient *m_client = nullptr;
};

} // namespace outpost
