#pragma once

#include "common/Result.h"
#include "workspace/WorkspaceRegistry.h"

#include <QCoreApplication>

#include <memory>

namespace outpost::sim {
class SimThread;
}

namespace outpost {

// `outpost --demo`: the reference server runs inside the app on loopback, with
// a seeded world that keeps moving, and the profile gets a "Demo" workspace
// that points at it. The app stores the server's key in the keychain like any
// other workspace's key.
class DemoWorkspace
{
    Q_DECLARE_TR_FUNCTIONS(DemoWorkspace)

public:
    DemoWorkspace();
    ~DemoWorkspace();

    Result<Workspace> start(WorkspaceRegistry &registry, qint64 leads);
    // The API key the demo service made for this run.
    QString serverKey() const;
    bool isRunning() const { return m_sim != nullptr; }

private:
    std::unique_ptr<sim::SimThread> m_sim;
};

} // namespace outpost
