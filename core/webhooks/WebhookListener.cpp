#include "webhooks/WebhookListener.h"

#include "api/ApiClient.h"
#include "secrets/SecretStore.h"
#include "storage/WebhookEventLog.h"
#include "webhooks/WebhookEventApplier.h"
#include "webhooks/WebhookReceiver.h"

namespace outpost {

WebhookListener::WebhookListener(Workspace workspace, QString cachePath, SecretStore &secrets, QObject *parent)
    : QObject(parent)
    , m_workspace(std::move(workspace))
    , m_cachePath(std::move(cachePath))
    , m_secrets(secrets)
{}

WebhookListener::~WebhookListener()
{
    stop();
}

void WebhookListener::start(const QHostAddress &address, quint16 port)
{
    stop();
    m_address = address;
    m_port = port;
    if (m_workspace.webhookSecretIds.isEmpty()) {
        emit failed(tr("workspace \"%1\" has no webhook secret in the keychain: create a webhook for it first "
                       "(its secret is stored when it is created)")
                        .arg(m_workspace.name));
        return;
    }
    readKey();
}

void WebhookListener::stop()
{
    // The receiver and the applier use the connection: they go first.
    m_receiver.reset();
    m_applier.reset();
    m_log.reset();
    m_db.reset();
    delete m_api;
    m_api = nullptr;
    for (QByteArray &secret : m_secretBytes)
        secret.fill('\0');
    m_secretBytes.clear();
}

bool WebhookListener::isListening() const
{
    return m_receiver && m_receiver->port() != 0;
}

quint16 WebhookListener::port() const
{
    return m_receiver ? m_receiver->port() : 0;
}

void WebhookListener::readKey()
{
    if (m_workspace.isOffline()) {
        readSecrets(m_workspace.webhookSecretIds);
        return;
    }
    m_secrets.read(SecretStore::apiKeyName(m_workspace.id), this, [this](Result<QString, SecretError> key) {
        // Without a key events still apply; new leads' details wait for the next sync.
        if (key)
            m_api =
                new ApiClient(ApiConfig::forWorkspace(m_workspace, *key), RateBudget::forWorkspace(m_workspace), this);
        else
            emit warning(tr("No API key could be read (%1): new leads arrive without their details until the next "
                            "sync.")
                             .arg(key.error().message));
        readSecrets(m_workspace.webhookSecretIds);
    });
}

void WebhookListener::readSecrets(QStringList pending)
{
    if (pending.isEmpty()) {
        open();
        return;
    }
    const QString id = pending.takeFirst();
    m_secrets.read(SecretStore::webhookSecretName(m_workspace.id, id), this,
                   [this, id, pending](Result<QString, SecretError> secret) {
                       if (secret) {
                           m_secretBytes.append(secret->toUtf8());
                       } else if (secret.error().kind == SecretError::Kind::NotFound) {
                           emit warning(tr("The secret of webhook %1 is not in the keychain.").arg(id));
                       } else {
                           emit failed(tr("The webhook secrets could not be read from the system keychain: %1")
                                           .arg(secret.error().message));
                           return;
                       }
                       readSecrets(pending);
                   });
}

void WebhookListener::open()
{
    if (m_secretBytes.isEmpty()) {
        emit failed(tr("workspace \"%1\" has no webhook secret in the keychain: create a webhook for it first "
                       "(its secret is stored when it is created)")
                        .arg(m_workspace.name));
        return;
    }
    auto db = Database::open(m_cachePath);
    if (!db) {
        emit failed(db.error().message);
        return;
    }
    m_db.emplace(std::move(db).value());
    m_log = std::make_unique<WebhookEventLog>(*m_db);
    m_applier = std::make_unique<WebhookEventApplier>(*m_db, m_api);
    m_receiver = std::make_unique<WebhookReceiver>(
        WebhookSignature(m_secretBytes, m_workspace.service.signatureHeader.toLatin1()));
    for (QByteArray &secret : m_secretBytes)
        secret.fill('\0');
    m_secretBytes.clear();
    m_receiver->setEventLog(m_log.get());
    // Announced first, applied next: a terminal prints the event before its notice.
    connect(m_receiver.get(), &WebhookReceiver::eventReceived, this, &WebhookListener::eventReceived);
    connect(m_receiver.get(), &WebhookReceiver::eventReceived, m_applier.get(), &WebhookEventApplier::apply);
    connect(m_applier.get(), &WebhookEventApplier::leadsChanged, this, &WebhookListener::leadsChanged);
    connect(m_applier.get(), &WebhookEventApplier::notice, this, &WebhookListener::notice);
    connect(m_applier.get(), &WebhookEventApplier::warning, this, &WebhookListener::warning);
    connect(m_applier.get(), &WebhookEventApplier::eventApplied, this, &WebhookListener::eventApplied);
    connect(m_receiver.get(), &WebhookReceiver::eventRejected, this, &WebhookListener::eventRejected);
    auto bound = m_receiver->listen(m_address, m_port);
    if (!bound) {
        const QString message = bound.error().message;
        stop();
        emit failed(message);
        return;
    }
    emit listening(*bound);
}

} // namespace outpost
