#include "ListenCommand.h"

#include "CommandContext.h"
#include "LeadPrinter.h"
#include "StopSignal.h"
#include "webhooks/WebhookReceiver.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QMetaEnum>

namespace outpost::ctl {

namespace {

QString outcomeName(webhook::Outcome outcome)
{
    return QString::fromLatin1(QMetaEnum::fromType<webhook::Outcome>().valueToKey(static_cast<int>(outcome)));
}

// Reads the webhook secrets, then listens until `count` events were accepted
// (or for ever). Events go to stdout, one JSON object a line; everything
// else to stderr. Never prints a secret or a refused body.
class ListenFlow : public QObject
{
public:
    ListenFlow(CommandContext &context, Workspace workspace, QHostAddress address, quint16 port, int count)
        : QObject(QCoreApplication::instance())
        , m_context(context)
        , m_workspace(std::move(workspace))
        , m_address(std::move(address))
        , m_port(port)
        , m_count(count)
        , m_pending(m_workspace.webhookSecretIds)
    {}

    void next()
    {
        if (m_pending.isEmpty()) {
            listen();
            return;
        }
        const QString id = m_pending.takeFirst();
        m_context.secrets().read(SecretStore::webhookSecretName(m_workspace.id, id), this,
                                 [this, id](Result<QString, SecretError> secret) {
                                     if (secret) {
                                         m_secrets.append(secret->toUtf8());
                                     } else if (secret.error().kind == SecretError::Kind::NotFound) {
                                         m_context.err() << ListenCommand::tr("Warning: the secret of webhook %1 is "
                                                                              "not in the keychain.")
                                                                .arg(LeadPrinter::printable(id))
                                                         << Qt::endl;
                                     } else {
                                         done(ExitError, secret.error().message);
                                         return;
                                     }
                                     next();
                                 });
    }

private:
    void listen()
    {
        if (m_secrets.isEmpty()) {
            done(ExitError, ListenCommand::tr("workspace \"%1\" has no webhook secret in the keychain: create a "
                                              "webhook for it first (its secret is stored when it is created)")
                                .arg(LeadPrinter::printable(m_workspace.name)));
            return;
        }
        const QByteArray header = m_workspace.service.signatureHeader.toLatin1();
        m_receiver = new WebhookReceiver(WebhookSignature(m_secrets, header), this);
        for (QByteArray &secret : m_secrets)
            secret.fill('\0');
        connect(m_receiver, &WebhookReceiver::eventReceived, this, &ListenFlow::onEvent);
        connect(m_receiver, &WebhookReceiver::eventRejected, this,
                [this](webhook::Outcome outcome, const QString &reason) {
                    m_context.err() << ListenCommand::tr("Refused a delivery (%1): %2")
                                           .arg(outcomeName(outcome), LeadPrinter::printable(reason))
                                    << Qt::endl;
                });
        auto port = m_receiver->listen(m_address, m_port);
        if (!port) {
            done(ExitError, port.error().message);
            return;
        }
        if (!m_address.isLoopback())
            m_context.err() << ListenCommand::tr("Warning: listening beyond this computer over plain HTTP; put a TLS "
                                                 "proxy in front of it.")
                            << Qt::endl;
        auto *stop = new StopSignal(this);
        connect(stop, &StopSignal::stopRequested, this, [this] { summarize(); });
        m_context.err() << ListenCommand::tr("Listening on %1 port %2 for webhooks of \"%3\" (signature header %4).")
                               .arg(m_address.toString())
                               .arg(*port)
                               .arg(LeadPrinter::printable(m_workspace.name), QString::fromLatin1(header))
                        << Qt::endl;
    }

    void onEvent(const QJsonObject &event)
    {
        m_context.out() << QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)) << Qt::endl;
        if (++m_accepted == m_count)
            summarize();
    }

    void summarize()
    {
        m_receiver->close();
        m_context.err() << ListenCommand::tr("Received %1 events; %2 deliveries refused.")
                               .arg(m_accepted)
                               .arg(m_receiver->rejectedCount())
                        << Qt::endl;
        done(ExitOk, QString());
    }

    void done(int code, const QString &message)
    {
        if (!message.isEmpty())
            m_context.fail(message);
        m_context.finish(code);
    }

    CommandContext &m_context;
    Workspace m_workspace;
    QHostAddress m_address;
    quint16 m_port;
    int m_count;
    int m_accepted = 0;
    QStringList m_pending;
    QList<QByteArray> m_secrets;
    WebhookReceiver *m_receiver = nullptr;
};

} // namespace

QString ListenCommand::summary() const
{
    return tr("receive the workspace's webhooks, verify them and print each event as a JSON line");
}

int ListenCommand::run(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption port(QStringLiteral("port"), tr("The TCP port (default 0: any free port, printed)."),
                                  QStringLiteral("P"), QStringLiteral("0"));
    const QCommandLineOption bind(QStringLiteral("bind"), tr("The address to listen on (default 127.0.0.1)."),
                                  QStringLiteral("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption count(QStringLiteral("count"), tr("Stop after N accepted events."), QStringLiteral("N"),
                                   QStringLiteral("0"));
    parser.addOptions({port, bind, count});
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(tr("listen takes no arguments"));
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535)
        return context.usageError(tr("--port must be a number from 0 to 65535"));
    const QHostAddress address(parser.value(bind));
    if (address.isNull())
        return context.usageError(tr("\"%1\" is not an IP address").arg(LeadPrinter::printable(parser.value(bind))));
    const int events = parser.value(count).toInt(&ok);
    if (!ok || events < 0)
        return context.usageError(tr("--count must be a number of events"));

    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error().message);
    auto *flow = new ListenFlow(context, *workspace, address, static_cast<quint16>(portNumber), events);
    flow->next();
    return Pending;
}

} // namespace outpost::ctl
