#pragma once

#include "admin/AdminError.h"
#include "workspace/Workspace.h"

#include <QObject>

#include <functional>

namespace outpost {
class ApiClient;
}

namespace outpost::ctl {

class CommandContext;

// One keys or webhooks command's run: the workspace's key read from the
// keychain, an ApiClient with it, and the exit that matches an AdminError.
// Lives until finish(); deletes itself then.
class AdminSession : public QObject
{
    Q_OBJECT

public:
    using Ready = std::function<void(AdminSession &)>;

    AdminSession(CommandContext &context, Workspace workspace);
    ~AdminSession() override;

    // Resolves the chosen workspace and starts a session for it, or prints why
    // not and returns the exit code (nullptr).
    static AdminSession *open(CommandContext &context, int &code);

    void start(Ready ready);

    CommandContext &context() { return m_context; }
    const Workspace &workspace() const { return m_workspace; }
    ApiClient &client() { return *m_client; }
    // The workspace's key as read from the keychain: for comparisons only, never printed.
    const QString &currentKey() const { return m_key; }

    void finish(int code);
    void fail(const AdminError &error);
    static int exitCodeFor(const AdminError &error);

private:
    CommandContext &m_context;
    Workspace m_workspace;
    QString m_key;
    ApiClient *m_client = nullptr;
};

} // namespace outpost::ctl
