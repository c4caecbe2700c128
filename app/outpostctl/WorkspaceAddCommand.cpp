#include "WorkspaceAddCommand.h"

#include "CommandContext.h"
#include "KeyInput.h"
#include "LeadPrinter.h"
#include "secrets/ApiKeyFormat.h"
#include "workspace/KeyVerifier.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSslCertificate>

namespace outpost::ctl {

namespace {

const QString kUrl = QStringLiteral("url");
const QString kClientId = QStringLiteral("client-id");
const QString kPerMinute = QStringLiteral("rate-per-minute");
const QString kPerHour = QStringLiteral("rate-per-hour");
const QString kSignatureHeader = QStringLiteral("signature-header");
const QString kCaFile = QStringLiteral("ca-file");
const QString kNoVerify = QStringLiteral("no-verify");

int exitCodeFor(KeyCheckError::Kind kind)
{
    return kind == KeyCheckError::Kind::Rejected ? ExitAuthNeeded : ExitError;
}

bool isHeaderToken(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
                        QStringView(u"!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

// Verify (unless told not to), store the key, register: each step only after
// the one before succeeded. Lives until it calls finish().
class AddFlow : public QObject
{
public:
    AddFlow(CommandContext &context, Workspace workspace, QString key, bool verify)
        : QObject(QCoreApplication::instance())
        , m_context(context)
        , m_workspace(std::move(workspace))
        , m_key(std::move(key))
        , m_verify(verify)
    {}

    void start()
    {
        KeyVerifier *verifier = m_verify ? m_context.keyVerifier() : nullptr;
        if (!verifier) {
            if (m_verify)
                m_context.err() << WorkspaceAddCommand::tr("Note: the key was not checked against the service (this "
                                                           "build has no key check yet).")
                                << Qt::endl;
            store();
            return;
        }
        verifier->verify(m_workspace, m_key, this, [this](Result<void, KeyCheckError> checked) {
            if (!checked) {
                done(exitCodeFor(checked.error().kind),
                     WorkspaceAddCommand::tr("%1 Nothing was added.").arg(checked.error().message));
                return;
            }
            store();
        });
    }

private:
    void store()
    {
        m_workspace.id = QUuid::createUuid();
        m_context.secrets().write(
            SecretStore::apiKeyName(m_workspace.id), m_key, this, [this](Result<void, SecretError> written) {
                if (!written) {
                    done(ExitError,
                         WorkspaceAddCommand::tr("%1 The workspace was not added.").arg(written.error().message));
                    return;
                }
                registerWorkspace();
            });
    }

    void registerWorkspace()
    {
        auto added = m_context.registry().add(m_workspace);
        if (!added) {
            // Take the key back out: a key without its workspace is an orphan in the keychain.
            const QString message = added.error().message;
            m_context.secrets().remove(SecretStore::apiKeyName(m_workspace.id), this,
                                       [this, message](Result<void, SecretError>) { done(ExitError, message); });
            return;
        }
        m_context.out() << WorkspaceAddCommand::tr("Added workspace \"%1\"; its API key is in the system keychain.")
                               .arg(LeadPrinter::printable(added->name))
                        << Qt::endl;
        done(ExitOk, QString());
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

QString WorkspaceAddCommand::summary() const
{
    return tr("add a workspace; its API key is read from standard input into the keychain");
}

std::optional<Workspace> WorkspaceAddCommand::workspaceFromOptions(const QCommandLineParser &parser,
                                                                   CommandContext &context, int *code)
{
    auto refuse = [&](const QString &message) {
        *code = context.usageError(message);
        return std::nullopt;
    };
    if (parser.positionalArguments().size() != 1)
        return refuse(tr("workspace add takes exactly one NAME"));
    Workspace w;
    w.name = parser.positionalArguments().first();
    if (auto valid = WorkspaceRegistry::validateName(w.name); !valid)
        return refuse(valid.error().message);
    if (!parser.isSet(kUrl) || !parser.isSet(kClientId))
        return refuse(tr("workspace add needs --url and --client-id"));
    w.baseUrl = QUrl(parser.value(kUrl), QUrl::StrictMode);
    if (auto valid = WorkspaceRegistry::validateBaseUrl(w.baseUrl); !valid)
        return refuse(valid.error().message);
    w.clientId = parser.value(kClientId);
    if (auto valid = WorkspaceRegistry::validateClientId(w.clientId); !valid)
        return refuse(valid.error().message);
    if (parser.isSet(kPerMinute) && parser.isSet(kPerHour))
        return refuse(tr("give --rate-per-minute or --rate-per-hour, not both"));
    if (parser.isSet(kPerMinute) || parser.isSet(kPerHour)) {
        const bool hourly = parser.isSet(kPerHour);
        bool ok = false;
        const int rate = parser.value(hourly ? kPerHour : kPerMinute).toInt(&ok);
        if (!ok || rate <= 0)
            return refuse(tr("the rate limit must be a whole number above 0"));
        w.service.rateLimit = rate;
        w.service.rateWindowSeconds = hourly ? 3600 : 60;
    }
    if (parser.isSet(kSignatureHeader)) {
        w.service.signatureHeader = parser.value(kSignatureHeader);
        if (!isHeaderToken(w.service.signatureHeader))
            return refuse(
                tr("\"%1\" is not a valid HTTP header name").arg(LeadPrinter::printable(w.service.signatureHeader)));
    }
    if (parser.isSet(kCaFile)) {
        const QFileInfo file(parser.value(kCaFile));
        if (!file.isFile() || !file.isReadable())
            return refuse(tr("cannot read the CA file %1").arg(file.filePath()));
        if (QSslCertificate::fromPath(file.absoluteFilePath(), QSsl::Pem).isEmpty())
            return refuse(tr("%1 holds no PEM certificate").arg(file.filePath()));
        w.service.caFile = file.absoluteFilePath();
    }
    if (context.registry().find(w.name))
        return refuse(tr("a workspace named \"%1\" exists already").arg(LeadPrinter::printable(w.name)));
    return w;
}

int WorkspaceAddCommand::run(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("A name for the workspace."));
    parser.addOptions({
        {kUrl, tr("The service's base URL (https://, or http:// on this computer)."), QStringLiteral("URL")},
        {kClientId, tr("The client id the service gave you."), QStringLiteral("ID")},
        {kPerMinute, tr("The service's documented limit per minute (default 100)."), QStringLiteral("N")},
        {kPerHour, tr("The service's documented limit per hour, for services that count hourly."), QStringLiteral("N")},
        {kSignatureHeader, tr("The header that signs its webhooks (default X-Signature)."), QStringLiteral("H")},
        {kCaFile, tr("An extra CA certificate (PEM) for a self-hosted service."), QStringLiteral("F")},
        {kNoVerify, tr("Store the key without checking it with the service (e.g. offline).")},
    });
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    int code = ExitUsage;
    std::optional<Workspace> workspace = workspaceFromOptions(parser, context, &code);
    if (!workspace)
        return code;

    auto input = KeyInput::read(context.err(), workspace->name);
    if (!input)
        return context.fail(input.error().message);
    ApiKeyFormat::Verdict verdict = ApiKeyFormat::check(*input, workspace->service.keyPrefix);
    input->fill(u'\0');
    if (!verdict.ok())
        return context.fail(tr("%1; nothing was added").arg(verdict.error));
    for (const QString &warning : std::as_const(verdict.warnings))
        context.err() << tr("Warning: %1").arg(warning) << Qt::endl;

    auto *flow = new AddFlow(context, *workspace, verdict.key, !parser.isSet(kNoVerify));
    verdict.key.fill(u'\0');
    flow->start();
    return Pending;
}

} // namespace outpost::ctl
