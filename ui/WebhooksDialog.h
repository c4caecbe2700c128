#pragma once

#include "admin/WebhookInfo.h"
#include "workspace/Workspace.h"

#include <QDialog>
#include <QJsonArray>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace outpost {

class ApiClient;
class SecretStore;
class WebhookAdmin;
class WorkspaceClient;
class WorkspaceRegistry;

// The workspace's webhooks at its service: list, create (HTTPS, or HTTP to
// this computer for local testing; the events to send; the secret shown once
// and kept in the system keychain), delete (asks first), send a test event,
// and the selected webhook's delivery log. Non-modal; all work asynchronous.
class WebhooksDialog : public QDialog
{
    Q_OBJECT

public:
    WebhooksDialog(const Workspace &workspace, SecretStore &secrets, WorkspaceRegistry &registry,
                   QWidget *parent = nullptr);
    ~WebhooksDialog() override;

    QString statusText() const;
    int webhookCount() const;
    int deliveryCount() const;
    QString shownSecret() const;
    void selectWebhook(const QString &id);

public slots:
    void refresh();
    void create();
    QWidget *deleteSelected();
    void deleteConfirmed(const QString &id);
    void sendTest();
    void loadDeliveries();

signals:
    void webhooksLoaded();
    void created(const QString &id);
    void deliveriesLoaded();
    void testSent(bool ok);

private:
    void build();
    QWidget *buildCreateForm();
    void onClientReady(ApiClient *client);
    void showWebhooks(const QList<WebhookInfo> &hooks);
    void showDeliveries(const QJsonArray &deliveries);
    QString selectedId() const;
    QStringList checkedEvents() const;
    void setBusy(bool busy);
    void setStatus(const QString &text, bool error = false);

    Workspace m_workspace;
    SecretStore &m_secrets;
    WorkspaceRegistry &m_registry;
    WorkspaceClient *m_client = nullptr;
    std::unique_ptr<WebhookAdmin> m_admin;
    QString m_secret;

    QTreeWidget *m_hooks = nullptr;
    QTreeWidget *m_deliveries = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_showDeliveries = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QList<QCheckBox *> m_events;
    QPushButton *m_create = nullptr;
    QLineEdit *m_secretField = nullptr;
    QLabel *m_secretNote = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace outpost
