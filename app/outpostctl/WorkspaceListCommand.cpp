#include "WorkspaceListCommand.h"

#include "CommandContext.h"
#include "LeadPrinter.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace outpost::ctl {

namespace {

enum class KeyState {
    Stored,
    Missing,
    Unknown, // the keychain could not be asked
};

QString keyStateName(KeyState state)
{
    switch (state) {
    case KeyState::Stored:
        return QStringLiteral("stored");
    case KeyState::Missing:
        return QStringLiteral("missing");
    case KeyState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString keyStateText(KeyState state)
{
    switch (state) {
    case KeyState::Stored:
        return WorkspaceListCommand::tr("stored");
    case KeyState::Missing:
        return WorkspaceListCommand::tr("missing");
    case KeyState::Unknown:
        break;
    }
    return WorkspaceListCommand::tr("unknown");
}

QString rateText(const ServiceProfile &service)
{
    if (service.rateWindowSeconds == 3600)
        return WorkspaceListCommand::tr("%1/h").arg(service.rateLimit);
    if (service.rateWindowSeconds == 60)
        return WorkspaceListCommand::tr("%1/min").arg(service.rateLimit);
    return WorkspaceListCommand::tr("%1/%2 s").arg(service.rateLimit).arg(service.rateWindowSeconds);
}

// Asks the keychain about one workspace after another; after the first
// "keychain unreachable" the rest are "unknown" without waiting again.
class ListFlow : public QObject
{
public:
    ListFlow(CommandContext &context, bool json)
        : QObject(QCoreApplication::instance())
        , m_context(context)
        , m_json(json)
        , m_workspaces(context.registry().workspaces())
    {
        const auto fallback = context.registry().defaultWorkspace();
        m_defaultId = fallback ? fallback->id : QUuid();
    }

    void next()
    {
        if (m_states.size() == m_workspaces.size()) {
            print();
            return;
        }
        if (!m_keychainError.isEmpty()) {
            m_states.append(KeyState::Unknown);
            next();
            return;
        }
        const Workspace &w = m_workspaces.at(m_states.size());
        m_context.secrets().read(SecretStore::apiKeyName(w.id), this, [this](Result<QString, SecretError> read) {
            if (read) {
                m_states.append(KeyState::Stored);
            } else if (read.error().kind == SecretError::Kind::NotFound) {
                m_states.append(KeyState::Missing);
            } else {
                m_states.append(KeyState::Unknown);
                m_keychainError = read.error().message;
            }
            next();
        });
    }

private:
    void print()
    {
        if (!m_keychainError.isEmpty())
            m_context.err() << WorkspaceListCommand::tr("Warning: %1").arg(m_keychainError) << Qt::endl;
        if (m_json)
            printJson();
        else
            printTable();
        m_context.finish(ExitOk);
        deleteLater();
    }

    void printJson()
    {
        QJsonArray list;
        for (qsizetype i = 0; i < m_workspaces.size(); ++i) {
            const Workspace &w = m_workspaces.at(i);
            list.append(QJsonObject{
                {QStringLiteral("id"), w.idText()},
                {QStringLiteral("name"), w.name},
                {QStringLiteral("base_url"), w.baseUrl.toString()},
                {QStringLiteral("client_id"), w.clientId},
                {QStringLiteral("default"), w.id == m_defaultId},
                {QStringLiteral("key"), keyStateName(m_states.at(i))},
                {QStringLiteral("signature_header"), w.service.signatureHeader},
                {QStringLiteral("rate_limit"), w.service.rateLimit},
                {QStringLiteral("rate_window_seconds"), w.service.rateWindowSeconds},
                {QStringLiteral("ca_file"), w.service.caFile},
                {QStringLiteral("plan"), w.plan},
            });
        }
        m_context.out() << QString::fromUtf8(QJsonDocument(list).toJson());
    }

    void printTable()
    {
        if (m_workspaces.isEmpty()) {
            m_context.out() << WorkspaceListCommand::tr("No workspaces yet: add one with `outpostctl workspace add`.")
                            << Qt::endl;
            return;
        }
        QTextStream &out = m_context.out();
        out << QStringLiteral("  %1 %2 %3 %4 %5\n")
                   .arg(LeadPrinter::fit(WorkspaceListCommand::tr("NAME"), 20),
                        LeadPrinter::fit(WorkspaceListCommand::tr("URL"), 34),
                        LeadPrinter::fit(WorkspaceListCommand::tr("CLIENT ID"), 14),
                        LeadPrinter::fit(WorkspaceListCommand::tr("RATE"), 9), WorkspaceListCommand::tr("KEY"));
        for (qsizetype i = 0; i < m_workspaces.size(); ++i) {
            const Workspace &w = m_workspaces.at(i);
            const QString url = w.isOffline() ? WorkspaceListCommand::tr("(offline)") : w.baseUrl.toString();
            out << (w.id == m_defaultId ? QStringLiteral("* ") : QStringLiteral("  "))
                << QStringLiteral("%1 %2 %3 %4 %5\n")
                       .arg(LeadPrinter::fit(w.name, 20), LeadPrinter::fit(url, 34), LeadPrinter::fit(w.clientId, 14),
                            LeadPrinter::fit(rateText(w.service), 9), keyStateText(m_states.at(i)));
        }
        out.flush();
    }

    CommandContext &m_context;
    bool m_json;
    QList<Workspace> m_workspaces;
    QUuid m_defaultId;
    QList<KeyState> m_states;
    QString m_keychainError;
};

} // namespace

QString WorkspaceListCommand::summary() const
{
    return tr("list the workspaces and whether each has a key in the keychain");
}

int WorkspaceListCommand::run(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    parser.addOption(json);
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(tr("workspace list takes no arguments"));
    auto *flow = new ListFlow(context, parser.isSet(json));
    flow->next();
    return Pending;
}

} // namespace outpost::ctl
