#include "CtlApp.h"

#include "CampaignCommand.h"
#include "CampaignsCommand.h"
#include "CommandContext.h"
#include "ConflictsCommand.h"
#include "DashboardCommand.h"
#include "ImportJsonCommand.h"
#include "KeysCommand.h"
#include "LeadsCommand.h"
#include "ListenCommand.h"
#include "OutboxCommand.h"
#include "QueueBatchCommand.h"
#include "QueueCommand.h"
#include "ReplayCommand.h"
#include "ResolveCommand.h"
#include "ShowCommand.h"
#include "StatusCommand.h"
#include "SyncCommand.h"
#include "WebhooksCommand.h"
#include "WorkspaceCommand.h"
#include "api/ApiKeyVerifier.h"

#include <QTextStream>

namespace outpost::ctl {

namespace {

struct GlobalOptions
{
    QString profile;
    QString workspace;
    bool help = false;
    bool version = false;
    QString command;
    QStringList rest;
    QString error;
};

// Global options may stand anywhere before "--"; everything else belongs to the command.
GlobalOptions parseGlobal(const QStringList &args)
{
    GlobalOptions g;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto takeValue = [&](const QString &option, QString &target) {
            if (a.startsWith(option + QLatin1Char('='))) {
                target = a.mid(option.size() + 1);
                return true;
            }
            if (a == option) {
                if (i + 1 >= args.size())
                    g.error = CtlApp::tr("%1 needs a value").arg(option);
                else
                    target = args.at(++i);
                return true;
            }
            return false;
        };
        if (a == QLatin1StringView("--")) {
            g.rest += args.mid(i);
            break;
        }
        if (takeValue(QStringLiteral("--profile"), g.profile) || takeValue(QStringLiteral("--workspace"), g.workspace))
            continue;
        if (g.command.isEmpty() && (a == QLatin1StringView("--help") || a == QLatin1StringView("-h"))) {
            g.help = true;
        } else if (g.command.isEmpty() && (a == QLatin1StringView("--version") || a == QLatin1StringView("-v"))) {
            g.version = true;
        } else if (g.command.isEmpty() && !a.startsWith(QLatin1Char('-'))) {
            g.command = a;
        } else if (g.command.isEmpty()) {
            g.error = CtlApp::tr("unknown option %1").arg(a);
        } else {
            g.rest.append(a);
        }
    }
    return g;
}

} // namespace

CtlApp::CtlApp()
{
    m_commands.push_back(std::make_unique<CampaignCommand>());
    m_commands.push_back(std::make_unique<CampaignsCommand>());
    m_commands.push_back(std::make_unique<DashboardCommand>());
    m_commands.push_back(std::make_unique<QueueCommand>(QueueCommand::Kind::BulkMessage));
    m_commands.push_back(std::make_unique<QueueCommand>(QueueCommand::Kind::BulkStage));
    m_commands.push_back(std::make_unique<QueueCommand>(QueueCommand::Kind::BulkTag));
    m_commands.push_back(std::make_unique<QueueCommand>(QueueCommand::Kind::Book));
    m_commands.push_back(std::make_unique<ConflictsCommand>());
    m_commands.push_back(std::make_unique<ImportJsonCommand>());
    m_commands.push_back(std::make_unique<KeysCommand>());
    m_commands.push_back(std::make_unique<LeadsCommand>());
    m_commands.push_back(std::make_unique<ListenCommand>());
    m_commands.push_back(std::make_unique<QueueCommand>(QueueCommand::Kind::Note));
    m_commands.push_back(std::make_unique<OutboxCommand>());
    m_commands.push_back(std::make_unique<QueueBatchCommand>());
    m_commands.push_back(std::make_unique<ReplayCommand>());
    m_commands.push_back(std::make_unique<QueueCommand>(QueueCommand::Kind::Reply));
    m_commands.push_back(std::make_unique<ResolveCommand>());
    m_commands.push_back(std::make_unique<QueueCommand>(QueueCommand::Kind::SetStatus));
    m_commands.push_back(std::make_unique<ShowCommand>());
    m_commands.push_back(std::make_unique<StatusCommand>());
    m_commands.push_back(std::make_unique<SyncCommand>());
    m_commands.push_back(std::make_unique<QueueCommand>(QueueCommand::Kind::Tag));
    m_commands.push_back(std::make_unique<WebhooksCommand>());
    m_commands.push_back(std::make_unique<WorkspaceCommand>());
}

CtlApp::~CtlApp() = default;

Command *CtlApp::find(const QString &name) const
{
    for (const auto &c : m_commands) {
        if (c->name() == name)
            return c.get();
    }
    return nullptr;
}

QString CtlApp::usage() const
{
    QString text = tr("Usage: outpostctl [--profile DIR] [--workspace NAME] COMMAND [ARGS...]\n\n"
                      "Outpost's core on the command line: the same cache, sync and outbox as the app.\n\n"
                      "Options:\n"
                      "  --profile DIR       keep settings and caches in DIR (default: %1)\n"
                      "  --workspace NAME    act on this workspace (default: the default workspace)\n"
                      "  -h, --help          show this help; COMMAND --help shows a command's help\n"
                      "  -v, --version       show the version\n\n"
                      "Commands:\n")
                       .arg(Profile::defaultDirectory());
    for (const auto &c : m_commands)
        text += QStringLiteral("  %1 %2\n").arg(c->name().leftJustified(18), c->summary());
    text += tr("\nExit codes: 0 done, 1 error, 2 usage, 3 authentication needed, 4 stopped early.\n");
    return text;
}

int CtlApp::run(const QStringList &arguments)
{
    const GlobalOptions g = parseGlobal(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!g.error.isEmpty()) {
        err << "outpostctl: " << g.error << Qt::endl << tr("Try 'outpostctl --help'.") << Qt::endl;
        return ExitUsage;
    }
    if (g.version) {
        out << "outpostctl " << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitOk;
    }
    if (g.help) {
        out << usage();
        return ExitOk;
    }
    if (g.command.isEmpty()) {
        err << "outpostctl: " << tr("no command given") << Qt::endl << Qt::endl << usage();
        return ExitUsage;
    }
    Command *command = find(g.command);
    if (!command) {
        err << "outpostctl: " << tr("unknown command \"%1\"").arg(g.command) << Qt::endl
            << tr("Try 'outpostctl --help'.") << Qt::endl;
        return ExitUsage;
    }
    m_context = std::make_unique<CommandContext>(Profile(g.profile.isEmpty() ? Profile::defaultDirectory() : g.profile),
                                                 g.workspace);
    m_context->setKeyVerifier(std::make_unique<ApiKeyVerifier>());
    const int code = command->run(*m_context, g.rest);
    return code == Command::Pending ? QCoreApplication::exec() : code;
}

} // namespace outpost::ctl
