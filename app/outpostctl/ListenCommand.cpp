#include "ListenCommand.h"

#include "CommandContext.h"
#include "LeadPrinter.h"
#include "StopSignal.h"
#include "webhooks/WebhookListener.h"
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

// Listens for the workspace's webhooks until `count` events were accepted
// and applied to its cache (or for ever). Each accepted event goes to stdout
// as one JSON line; notices and everything else to stderr. Never prints a
// secret or a refused body.
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
    {}

    void start()
    {
        // Creates the workspace's directory and brings its cache to the current schema.
        if (auto cache = m_context.openCache(m_workspace); !cache) {
            done(ExitError, cache.error().message);
            return;
        }
        m_listener = new WebhookListener(m_workspace, m_context.registry().profile().cachePath(m_workspace.id),
                                         m_context.secrets(), this);
        connect(m_listener, &WebhookListener::failed, this,
                [this](const QString &message) { done(ExitError, message); });
        connect(m_listener, &WebhookListener::warning, this, [this](const QString &message) {
            m_context.err() << ListenCommand::tr("Warning: %1").arg(LeadPrinter::printable(message)) << Qt::endl;
        });
        connect(m_listener, &WebhookListener::notice, this, [this](const QString &title, const QString &text, qint64) {
            m_context.err()
                << ListenCommand::tr("Notice: %1: %2").arg(LeadPrinter::printable(title), LeadPrinter::printable(text))
                << Qt::endl;
        });
        connect(m_listener, &WebhookListener::eventReceived, this, [this](const QJsonObject &event) {
            m_context.out() << QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)) << Qt::endl;
            ++m_accepted;
        });
        connect(m_listener, &WebhookListener::eventRejected, this,
                [this](webhook::Outcome outcome, const QString &reason) {
                    m_context.err() << ListenCommand::tr("Refused a delivery (%1): %2")
                                           .arg(outcomeName(outcome), LeadPrinter::printable(reason))
                                    << Qt::endl;
                });
        connect(m_listener, &WebhookListener::eventApplied, this, [this] {
            if (++m_applied == m_count)
                summarize();
        });
        connect(m_listener, &WebhookListener::listening, this, &ListenFlow::onListening);
        m_listener->start(m_address, m_port);
    }

private:
    void onListening(quint16 port)
    {
        if (!m_address.isLoopback())
            m_context.err() << ListenCommand::tr("Warning: listening beyond this computer over plain HTTP; put a TLS "
                                                 "proxy in front of it.")
                            << Qt::endl;
        auto *stop = new StopSignal(this);
        connect(stop, &StopSignal::stopRequested, this, [this] { summarize(); });
        m_context.err() << ListenCommand::tr("Listening on %1 port %2 for webhooks of \"%3\" (signature header %4).")
                               .arg(m_address.toString())
                               .arg(port)
                               .arg(LeadPrinter::printable(m_workspace.name), m_workspace.service.signatureHeader)
                        << Qt::endl;
    }

    void summarize()
    {
        if (m_summarized)
            return;
        m_summarized = true;
        // Only the port closes here: this may run inside the applier's own signal.
        int refused = 0;
        if (WebhookReceiver *receiver = m_listener->receiver()) {
            refused = receiver->rejectedCount();
            receiver->close();
        }
        m_context.err() << ListenCommand::tr("Received %1 events; %2 deliveries refused.").arg(m_accepted).arg(refused)
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
    WebhookListener *m_listener = nullptr;
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
