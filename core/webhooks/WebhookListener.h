#pragma once

#include "storage/Database.h"
#include "webhooks/WebhookOutcome.h"
#include "workspace/Workspace.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>

#include <memory>
#include <optional>

namespace outpost {

class ApiClient;
class SecretStore;
class WebhookEventApplier;
class WebhookEventLog;
class WebhookReceiver;

// Live updates for one workspace: reads its webhook secrets (and its API key,
// for new leads' details) from the keychain, opens its own connection to the
// workspace's cache, and runs a verifying receiver whose accepted events are
// applied to that cache. Everything is asynchronous; stop() or destruction
// closes the port.
class WebhookListener : public QObject
{
    Q_OBJECT

public:
    WebhookListener(Workspace workspace, QString cachePath, SecretStore &secrets, QObject *parent = nullptr);
    ~WebhookListener() override;

    void start(const QHostAddress &address, quint16 port);
    void stop();
    bool isListening() const;
    quint16 port() const;
    const Workspace &workspace() const { return m_workspace; }
    WebhookReceiver *receiver() const { return m_receiver.get(); }

signals:
    void listening(quint16 port);
    void failed(const QString &message);
    void leadsChanged(const QList<qint64> &ids);
    void notice(const QString &title, const QString &text, qint64 leadId);
    void warning(const QString &message);
    // Each accepted event (before it is applied), each refused delivery, each
    // event fully applied: for a terminal that prints and counts them.
    void eventReceived(const QJsonObject &event);
    void eventRejected(outpost::webhook::Outcome outcome, const QString &reason);
    void eventApplied(const QString &eventId, qint64 leadId, bool ok);

private:
    void readKey();
    void readSecrets(QStringList pending);
    void open();

    Workspace m_workspace;
    QString m_cachePath;
    SecretStore &m_secrets;
    QHostAddress m_address;
    quint16 m_port = 0;
    QList<QByteArray> m_secretBytes;
    ApiClient *m_api = nullptr;
    std::optional<Database> m_db;
    std::unique_ptr<WebhookEventLog> m_log;
    std::unique_ptr<WebhookEventApplier> m_applier;
    std::unique_ptr<WebhookReceiver> m_receiver;
};

} // namespace outpost
