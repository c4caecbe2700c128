#include "ListenCommand.h"

#include "CommandContext.h"
#include "LeadPrinter.h"
#include "StopSignal.h"
#include "api/ApiClient.h"
#include "storage/WebhookEventLog.h"
#include "webhooks/WebhookEventApplier.h"
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

// Reads the workspace's API key and webhook secrets, opens its cache, then
// listens until `count` events were accepted and applied (or for ever). Each
// accepted event goes to the cache and to stdout as one JSON line; notices
// and everything else to stderr. Never prints a secret or a refused body.
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
    // The receiver and the applier use the cache: they go before it does.
    ~ListenFlow() override
    {
        delete m_receiver;
        delete m_applier;
    }

    void start()
    {
        if (m_workspace.isOffline()) {
            next();
            return;
        }
        m_context.secrets().read(
            SecretStore::apiKeyName(m_workspace.id), this, [this](Result<QString, SecretError> key) {
                if (key)
                    m_api = new ApiClient(ApiConfig::forWorkspace(m_workspace, *key),
                                          RateBudget::forWorkspace(m_workspace), this);
                else
                    m_context.err() << ListenCommand::tr("Warning: no API key for \"%1\" (%2); "
                                                         "events are applied as they come, "
                                                         "without fetching new leads' details.")
                                           .arg(LeadPrinter::printable(m_workspace.name), key.error().message)
                                    << Qt::endl;
                next();
            });
    }

private:
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

    void listen()
    {
        if (m_secrets.isEmpty()) {
            done(ExitError, ListenCommand::tr("workspace \"%1\" has no webhook secret in the keychain: create a "
                                              "webhook for it first (its secret is stored when it is created)")
                                .arg(LeadPrinter::printable(m_workspace.name)));
            return;
        }
        if (!openCache())
            return;
        const QByteArray header = m_workspace.service.signatureHeader.toLatin1();
        m_receiver = new WebhookReceiver(WebhookSignature(m_secrets, header), this);
        for (QByteArray &secret : m_secrets)
            secret.fill('\0');
        m_receiver->setEventLog(m_log.get());
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

    bool openCache()
    {
        auto cache = m_context.openCache(m_workspace);
        if (!cache) {
            done(ExitError, cache.error().message);
            return false;
        }
        m_cache.emplace(std::move(cache).value());
        m_log = std::make_unique<WebhookEventLog>(*m_cache);
        m_applier = new WebhookEventApplier(*m_cache, m_api, this);
        connect(m_applier, &WebhookEventApplier::notice, this,
                [this](const QString &title, const QString &text, qint64) {
                    m_context.err() << ListenCommand::tr("Notice: %1: %2")
                                           .arg(LeadPrinter::printable(title), LeadPrinter::printable(text))
                                    << Qt::endl;
                });
        connect(m_applier, &WebhookEventApplier::warning, this, [this](const QString &message) {
            m_context.err() << ListenCommand::tr("Warning: %1").arg(LeadPrinter::printable(message)) << Qt::endl;
        });
        connect(m_applier, &WebhookEventApplier::eventApplied, this, [this] {
            if (++m_applied == m_count)
                summarize();
        });
        return true;
    }

    void onEvent(const QJsonObject &event)
    {
        m_context.out() << QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)) << Qt::endl;
        ++m_accepted;
        m_applier->apply(event);
    }

    void summarize()
    {
        if (m_summarized)
            return;
        m_summarized = true;
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
    int m_applied = 0;
    bool m_summarized = false;
    QStringList m_pending;
    QList<QByteArray> m_secrets;
    ApiClient *m_api = nullptr;
    std::optional<Database> m_cache;
    std::unique_ptr<WebhookEventLog> m_log;
    WebhookEventApplier *m_applier = nullptr;
    WebhookReceiver *m_receiver = nullptr;
};

} // namespace

QString ListenCommand::summary() const
{
    return tr("receive the workspace's webhooks, verify them, apply them to the cache and print each as a JSON line");
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
    flow->start();
    return Pending;
}

} // namespace outpost::ctl
