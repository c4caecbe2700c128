#pragma once

#include "api/ApiConfig.h"
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
// that points at it. Its key is the server's own throwaway key, held in memory
// only: the demo never writes to the person's keychain.
class DemoWorkspace
{
    Q_DECLARE_TR_FUNCTIONS(DemoWorkspace)

public:
    DemoWorkspace();
    ~DemoWorkspace();

    Result<Workspace> start(WorkspaceRegistry &registry, qint64 leads);
    ApiConfig apiConfig(const Workspace &workspace) const;

private:
    std::unique_ptr<sim::SimThread> m_sim;
};

} // namespace outpost
