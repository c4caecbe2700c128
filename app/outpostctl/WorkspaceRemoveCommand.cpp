#include "WorkspaceRemoveCommand.h"

#include "CommandContext.h"
#include "KeyInput.h"
#include "LeadPrinter.h"

#include <QCommandLineParser>
#include <QDir>

namespace outpost::ctl {

namespace {

// Deletes the keychain entries one by one; the workspace goes only when all
// are gone, so a failure can simply be retried.
class RemoveFlow : public QObject
{
public:
    RemoveFlow(CommandContext &context, Workspace workspace, bool deleteCache)
        : QObject(QCoreApplication::instance())
        , m_context(context)
        , m_workspace(std::move(workspace))
        , m_deleteCache(deleteCache)
    {
        m_entries << SecretStore::apiKeyName(m_workspace.id);
        for (const QString &id : std::as_const(m_workspace.webhookSecretIds))
            m_entries << SecretStore::webhookSecretName(m_workspace.id, id);
    }

    void next()
    {
        if (m_entries.isEmpty()) {
            removeWorkspace();
            return;
        }
        m_context.secrets().remove(m_entries.takeFirst(), this, [this](Result<void, SecretError> removed) {
            if (!removed) {
                done(ExitError,
                     WorkspaceRemoveCommand::tr("%1 The workspace was not removed.").arg(removed.error().message));
                return;
            }
            next();
        });
    }

private:
    void removeWorkspace()
    {
        auto removed = m_context.registry().remove(m_workspace.id);
        if (!removed) {
            done(ExitError, removed.error().message);
            return;
        }
        const QString directory = m_context.registry().profile().workspaceDirectory(m_workspace.id);
        const QString name = LeadPrinter::printable(m_workspace.name);
        if (m_deleteCache) {
            QDir(directory).removeRecursively();
            m_context.out()
                << WorkspaceRemoveCommand::tr("Removed workspace \"%1\", its keychain entries and its cache.").arg(name)
                << Qt::endl;
        } else {
            m_context.out()
                << WorkspaceRemoveCommand::tr("Removed workspace \"%1\" and its keychain entries.").arg(name)
                << Qt::endl;
            if (QDir(directory).exists())
                m_context.out() << WorkspaceRemoveCommand::tr("Its cache stays in %1 (remove it with --delete-cache).")
                                       .arg(directory)
                                << Qt::endl;
        }
        done(ExitOk, QString());
    }

    void done(int code, const QString &message)
    {
        if (!message.isEmpty())
            m_context.fail(message);
        m_context.finish(code);
        deleteLater();
    }

    CommandContext &m_context;
    Workspace m_workspace;
    bool m_deleteCache;
    QStringList m_entries;
};

} // namespace

QString WorkspaceRemoveCommand::summary() const
{
    return tr("remove a workspace and delete its keys from the keychain");
}

int WorkspaceRemoveCommand::run(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The workspace to remove."));
    const QCommandLineOption yes({QStringLiteral("y"), QStringLiteral("yes")}, tr("Do not ask for confirmation."));
    const QCommandLineOption deleteCache(QStringLiteral("delete-cache"), tr("Delete the workspace's cache file too."));
    parser.addOptions({yes, deleteCache});
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return context.usageError(tr("workspace remove takes exactly one NAME"));
    const QString name = parser.positionalArguments().first();
    const auto workspace = context.registry().find(name);
    if (!workspace)
        return context.fail(tr("no workspace named \"%1\"").arg(LeadPrinter::printable(name)));
    if (!parser.isSet(yes)) {
        if (!KeyInput::stdinIsTerminal())
            return context.usageError(
                tr("removing \"%1\" needs confirmation: add --yes").arg(LeadPrinter::printable(name)));
        const QString question = parser.isSet(deleteCache)
                                     ? tr("Remove workspace \"%1\", its keys and its cache?")
                                     : tr("Remove workspace \"%1\" and delete its keys from the keychain?");
        if (!KeyInput::confirm(context.err(), question.arg(LeadPrinter::printable(workspace->name))))
            return context.fail(tr("nothing was removed"), ExitStoppedEarly);
    }
    auto *flow = new RemoveFlow(context, *workspace, parser.isSet(deleteCache));
    flow->next();
    return Pending;
}

} // namespace outpost::ctl
