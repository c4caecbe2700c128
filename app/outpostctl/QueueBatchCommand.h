#pragma once

#include "Command.h"
#include "QueueCommand.h"

#include <memory>
#include <vector>

namespace outpost::ctl {

// Queues many changes in one run: standard input holds one queue command a
// line ("set-status 12 contacted", "note 12 \"Called back\"", quoted as in a
// shell; blank lines and lines starting with # are skipped). Each line is
// its own outbox row, validated and written as the single command does; the
// first bad line stops the run (the lines before it stay queued) and is named.
class QueueBatchCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(QueueBatchCommand)

public:
    QueueBatchCommand();

    QString name() const override { return QStringLiteral("queue"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;

private:
    QueueCommand *find(const QString &name) const;
    int runLine(CommandContext &context, const QString &line, int number) const;

    std::vector<std::unique_ptr<QueueCommand>> m_commands;
};

} // namespace outpost::ctl
