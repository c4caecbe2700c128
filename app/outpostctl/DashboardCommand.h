#pragma once

#include "Command.h"

namespace outpost {
struct DashboardFigures;
}

namespace outpost::ctl {

// dashboard [--days N] [--json|--csv] [--local]: KPIs, funnel and SLA from the
// service where the plan allows, else computed from the cache and labelled so.
class DashboardCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(DashboardCommand)

public:
    QString name() const override { return QStringLiteral("dashboard"); }
    QString summary() const override;
    int run(CommandContext &context, const QStringList &arguments) override;

    static void print(QTextStream &out, const DashboardFigures &figures);
};

} // namespace outpost::ctl
