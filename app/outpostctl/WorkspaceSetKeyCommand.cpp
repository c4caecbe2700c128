#include "WorkspaceSetKeyCommand.h"

#include "CommandContext.h"
#include "KeyInput.h"
#include "LeadPrinter.h"
#include "secrets/ApiKeyFormat.h"
#include "workspace/KeyVerifier.h"

#include <QCommandLineParser>

namespace outpost::ctl {

namespace {

// Check (unless told not to), then store. The old key stays until the new one is written.
class SetKeyFlow : public QObject
{
public:
    SetKeyFlow(CommandContext &context, Workspace workspace, QString key, bool verify)
        : QObject(QCoreApplication::instance())
        , m_context(context)
        , m_workspace(std::move(workspace))
        , m_key(std::move(key))
        , m_verify(verify)
    {}

    void start()
    {
        KeyVerifier *verifier = m_verify && !m_workspace.isOffline() ? m_context.keyVerifier() : nullptr;
        if (!verifier) {
            if (m_verify && !m_workspace.isOffline())
                m_context.err() << WorkspaceSetKeyCommand::tr("Note: the key was not checked against the service "
                                                              "(this build has no key check yet).")
                                << Qt::endl;
            store();
            return;
        }
        verifier->verify(m_workspace, m_key, this, [this](Result<void, KeyCheckError> checked) {
            if (!checked) {
                done(checked.error().kind == KeyCheckError::Kind::Rejected ? ExitAuthNeeded : ExitError,
                     WorkspaceSetKeyCommand::tr("%1 The stored key was not changed.").arg(checked.error().message));
                return;
            }
            store();
        });
    }

private:
    void store()
    {
        m_context.secrets().write(SecretStore::apiKeyName(m_workspace.id), m_key, this,
                                  [this](Result<void, SecretError> written) {
                                      if (!written) {
                                          done(ExitError, written.error().message);
                                          return;
                                      }
                                      m_context.out() << WorkspaceSetKeyCommand::tr(
                                                             "Stored the new API key of \"%1\" in the system keychain.")
                                                             .arg(LeadPrinter::printable(m_workspace.name))
                                                      << Qt::endl;
                                      done(ExitOk, QString());
                                  });
    }

    void done(int code, const QString &message)
    {
        m_key.fill(u'\0');
        if (!message.isEmpty())
            m_context.fail(message);
        m_context.finish(code);
        deleteLater();
    }

    CommandContext &m_context;
    Workspace m_workspace;
    QString m_key;
    bool m_verify;
};

} // namespace

QString WorkspaceSetKeyCommand::summary() const
{
    return tr("replace a workspace's API key with one read from standard input");
}

int WorkspaceSetKeyCommand::run(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The workspace (default: --workspace or the default)."));
    const QCommandLineOption noVerify(QStringLiteral("no-verify"),
                                      tr("Store the key without checking it with the service."));
    parser.addOption(noVerify);
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (parser.positionalArguments().size() > 1)
        return context.usageError(tr("workspace set-key takes at most one NAME"));
    const QString name = parser.positionalArguments().value(0, context.workspaceName());
    auto workspace = context.registry().resolve(name);
    if (!workspace)
        return context.fail(workspace.error().message);

    auto input = KeyInput::read(context.err(), workspace->name);
    if (!input)
        return context.fail(input.error().message);
    ApiKeyFormat::Verdict verdict = ApiKeyFormat::check(*input, workspace->service.keyPrefix);
    input->fill(u'\0');
    if (!verdict.ok())
        return context.fail(tr("%1; the stored key was not changed").arg(verdict.error));
    for (const QString &warning : std::as_const(verdict.warnings))
        context.err() << tr("Warning: %1").arg(warning) << Qt::endl;

    auto *flow = new SetKeyFlow(context, *workspace, verdict.key, !parser.isSet(noVerify));
    verdict.key.fill(u'\0');
    flow->start();
    return Pending;
}

} // namespace outpost::ctl
