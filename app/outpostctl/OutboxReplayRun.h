#pragma once

#include "outbox/OutboxReplayer.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QObject>

namespace outpost::ctl {

class CommandContext;

// One replay of a workspace's outbox from the command line: reads the key,
// drains the outbox through the workspace's rate budget, prints what it did
// and ends the command (0 nothing left, 3 key refused, 4 rows remain, 1 error).
// With a row id, the exit code says whether that row reached the service.
class OutboxReplayRun : public QObject
{
    Q_OBJECT

public:
    // Starts at once; ends the command through context.finish().
    static void start(CommandContext &context, const Workspace &workspace, qint64 waitForRow = 0);

private:
    OutboxReplayRun(CommandContext &context, const Workspace &workspace, const QString &key, qint64 waitForRow);
    void onFinished(OutboxReplayer::Outcome outcome, const QString &message);
    int exitCodeFor(OutboxReplayer::Outcome outcome);

    CommandContext &m_context;
    Workspace m_workspace;
    OutboxReplayer *m_replayer = nullptr;
    qint64 m_waitForRow = 0;
};

} // namespace outpost::ctl
