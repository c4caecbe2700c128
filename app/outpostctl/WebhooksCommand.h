#pragma once

#include "Command.h"

namespace outpost::ctl {

// webhooks [list] [--json] | create NAME URL --event E... | delete ID | test ID | deliveries ID [--json]:
// the service's webhooks. A new webhook's secret is printed once and kept in the keychain.
class WebhooksCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(WebhooksCommand)

public:
    QString name() const override { return QStringLiteral("webhooks"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;

private:
    int list(CommandContext &context, const QStringList &arguments);
    int create(CommandContext &context, const QStringList &arguments);
    int remove(CommandContext &context, const QStringList &arguments);
    int sendTest(CommandContext &context, const QStringList &arguments);
    int deliveries(CommandContext &context, const QStringList &arguments);
    // Parses a sole ID argument; returns -1 to go on, or an exit code.
    int parseId(QCommandLineParser &parser, CommandContext &context, const QStringList &arguments, const QString &what,
                QString &id) const;
};

} // namespace outpost::ctl
