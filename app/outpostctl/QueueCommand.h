#pragma once

#include "Command.h"

namespace outpost::ctl {

// The commands that change server state: each validates its input, queues
// the change in the outbox with its optimistic change to the cache, prints
// the row id and returns at once; --wait replays the outbox and exits 0 only
// when this change reached the service.
class QueueCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(QueueCommand)

public:
    enum class Kind {
        SetStatus,
        Note,
        Reply,
        Book,
        Tag,
        BulkStage,
        BulkTag,
        BulkMessage,
    };

    explicit QueueCommand(Kind kind)
        : m_kind(kind)
    {}

    QString name() const override;
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;

private:
    QString syntax() const;
    int expectedArguments() const;

    Kind m_kind;
};

} // namespace outpost::ctl
