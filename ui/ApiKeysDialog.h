#pragma once

#include <QDateTime>

#include "admin/ApiKeyInfo.h"
#include "admin/KeyRotation.h"
#include "workspace/Workspace.h"

#include <QDialog>

#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTreeWidget;
class QWidget;

namespace outpost {

class ApiClient;
class KeyAdmin;
class SecretStore;
class WorkspaceClient;

// The workspace's API keys at its service: list (never a secret), create
// (its secret shown once, offered as this workspace's key), revoke (asks
// first) and rotation in one action with each step shown as it runs.
// Non-modal; all work is asynchronous.
class ApiKeysDialog : public QDialog
{
    Q_OBJECT

public:
    ApiKeysDialog(const Workspace &workspace, SecretStore &secrets, QWidget *parent = nullptr);
    ~ApiKeysDialog() override;

    QString statusText() const;
    // How the last rotation ended, step and reason included; empty before one.
    QString rotationText() const;
    int keyCount() const;
    // The secret shown after a create, empty once dismissed.
    QString shownSecret() const;

public slots:
    void refresh();
    // `expiresAt` invalid: the key never expires.
    void createKey(const QString &name, const QDateTime &expiresAt = QDateTime());
    void useCreatedKey();
    void dismissSecret();
    // Asks first (returns the question box); revokeConfirmed() does it.
    QWidget *revokeSelected();
    void revokeConfirmed(const QString &id);
    void rotate();

signals:
    void keysLoaded();
    void rotationFinished(outpost::KeyRotation::Outcome outcome);
    // The workspace's stored key changed (rotation, or a new key put to use).
    void workspaceKeyChanged();

private:
    void build();
    void connectClient();
    void onClientReady(ApiClient *client);
    void showKeys(const QList<ApiKeyInfo> &keys);
    void askForName();
    void showSecret(const QString &secret);
    void setBusy(bool busy);
    void setStatus(const QString &text, bool error = false);
    void onStepStarted(KeyRotation::Step step);
    void onStepFinished(KeyRotation::Step step, bool ok, const QString &message);
    void onRotationFinished(KeyRotation::Outcome outcome, KeyRotation::Step failedStep, const QString &message);

    Workspace m_workspace;
    SecretStore &m_secrets;
    WorkspaceClient *m_client = nullptr;
    std::unique_ptr<KeyAdmin> m_admin;
    KeyRotation *m_rotation = nullptr;
    QString m_currentKeyId;
    QString m_createdSecret;

    QTreeWidget *m_keys = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_revoke = nullptr;
    QPushButton *m_rotate = nullptr;
    QWidget *m_secretPanel = nullptr;
    QLineEdit *m_secretField = nullptr;
    QPushButton *m_useKey = nullptr;
    QListWidget *m_steps = nullptr;
    QLabel *m_rotationSummary = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace outpost
