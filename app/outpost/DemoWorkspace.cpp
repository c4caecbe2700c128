#include "DemoWorkspace.h"

#include "SimThread.h"

#include <QDir>

namespace outpost {

namespace {

const QString kDemoName = QStringLiteral("Demo");
// The demo's service allows more than the contract's 100 a minute, so the
// first sync of the seeded world takes seconds, not minutes.
constexpr int kDemoRatePerMinute = 1200;

} // namespace

DemoWorkspace::DemoWorkspace() = default;

DemoWorkspace::~DemoWorkspace()
{
    if (m_sim)
        m_sim->stopServer();
}

Result<Workspace> DemoWorkspace::start(WorkspaceRegistry &registry, qint64 leads)
{
    if (auto made = registry.profile().ensureExists(); !made)
        return made.error();
    sim::SimOptions options;
    // The world is kept beside the profile, so the next demo starts where this one ends.
    options.databasePath = QDir(registry.profile().directory()).filePath(QStringLiteral("demo-service.sqlite"));
    options.leads = leads;
    options.seed = 2026;
    options.clientId = QStringLiteral("demo");
    options.rateLimit = kDemoRatePerMinute;
    options.rateWindowSecs = 60;
    options.activityPerMinute = 12;
    m_sim = std::make_unique<sim::SimThread>(options);
    QString error;
    if (!m_sim->startServer(&error)) {
        m_sim.reset();
        return makeError(tr("The demo service did not start: %1").arg(error));
    }

    Workspace workspace;
    if (std::optional<Workspace> existing = registry.find(kDemoName))
        workspace = *existing;
    workspace.name = kDemoName;
    workspace.baseUrl = m_sim->baseUrl(); // a new port every run
    workspace.clientId = m_sim->clientId();
    workspace.service.rateLimit = kDemoRatePerMinute;
    workspace.service.rateWindowSeconds = 60;
    if (workspace.id.isNull()) {
        auto added = registry.add(workspace);
        if (!added)
            return added.error();
        workspace = *added;
    } else if (auto updated = registry.update(workspace); !updated) {
        return updated.error();
    }
    if (auto made = registry.setDefault(workspace.id); !made)
        return made.error();
    return workspace;
}

QString DemoWorkspace::serverKey() const
{
    return m_sim ? m_sim->apiKey() : QString();
}

} // namespace outpost
