#pragma once

#include <QPointer>
#include <QUuid>
#include <QWidget>

#include <memory>

class QDialog;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace outpost {

class KeyVerifier;
class SecretStore;
class WorkspaceRegistry;
struct Workspace;

// Settings: the profile's workspaces (add, edit, remove, switch) and, for the
// selected one, the entry points to its API keys and webhooks. Every dialog
// opens without blocking (open()/show()); keychain and network work is
// asynchronous.
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    // `secrets` and `verifier` may be null: the system keychain and a check
    // against the workspace's service are used then.
    SettingsPage(WorkspaceRegistry &registry, SecretStore *secrets = nullptr, KeyVerifier *verifier = nullptr,
                 QWidget *parent = nullptr);
    ~SettingsPage() override;

    SecretStore &secrets() { return *m_secrets; }
    KeyVerifier &verifier() { return *m_verifier; }
    QUuid selectedWorkspace() const;
    void selectWorkspace(const QUuid &id);
    QString statusText() const;

public slots:
    void reload();
    // Each returns the dialog it opened (owned by this page, deleted on close).
    QDialog *addWorkspace();
    QDialog *editWorkspace();
    // Asks first; `alsoDeleteCache` is the answer's default.
    QWidget *removeWorkspace();
    QDialog *openApiKeys();
    QDialog *openWebhooks();
    // A 401 during normal work: the workspace's dialog, asking for a new key
    // and saying why. Unsent edits stay in the outbox meanwhile.
    QDialog *askForNewKey(const QUuid &id, const QString &reason);
    // The removal itself, once confirmed: keychain entries, registry, cache.
    void removeConfirmed(const QUuid &id, bool deleteCache);

signals:
    // The registry changed (added, edited, removed): lists elsewhere reload.
    void workspacesChanged();
    void workspaceAdded(const QUuid &id);
    void switchRequested(const QUuid &id);
    void workspaceRemoved(const QUuid &id);
    // A new key for this workspace is in the keychain (entered, or rotated).
    void workspaceKeyChanged(const QUuid &id);

private:
    void build();
    void updateButtons();
    std::optional<Workspace> selected() const;
    void forgetSecrets(const QUuid &id, QStringList names, bool deleteCache);
    void finishRemoval(const QUuid &id, bool deleteCache);
    void setStatus(const QString &text);

    WorkspaceRegistry &m_registry;
    std::unique_ptr<SecretStore> m_ownSecrets;
    std::unique_ptr<KeyVerifier> m_ownVerifier;
    SecretStore *m_secrets;
    KeyVerifier *m_verifier;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_switch = nullptr;
    QPushButton *m_keys = nullptr;
    QPushButton *m_webhooks = nullptr;
    QLabel *m_status = nullptr;
    QPointer<QDialog> m_keyPrompt;
};

} // namespace outpost
