#pragma once

#include "Command.h"
#include "workspace/Workspace.h"

#include <optional>

class QCommandLineParser;

namespace outpost::ctl {

// workspace add NAME --url URL --client-id ID [service options]: reads the
// key from stdin, checks it with the service (KeyVerifier), stores it in the
// keychain, and only then registers the workspace. Any failure leaves
// nothing behind: no half-added workspace, no key anywhere else.
class WorkspaceAddCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceAddCommand)

public:
    QString name() const override { return QStringLiteral("workspace add"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;

private:
    // The workspace the options describe, or nullopt after printing why not.
    static std::optional<Workspace> workspaceFromOptions(const QCommandLineParser &parser, CommandContext &context,
                                                         int *code);
};

} // namespace outpost::ctl
