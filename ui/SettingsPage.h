#pragma once

#include <QPointer>
#include <QUuid>
#include <QWidget>

#include <memory>

class QDialog;
class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace outpost {

class DesktopNotifier;
class KeyVerifier;
class WebhookListener;
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
    // Live updates: the receiver running for one workspace, if any.
    WebhookListener *listener() const { return m_listener; }
    DesktopNotifier *notifier() const { return m_notifier; }

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
    // Receives the selected workspace's webhooks on `port` (0: any free one),
    // applies them to its cache and notifies; or stops doing so. Remembered per
    // workspace: the page starts receiving again when it is built.
    void startLiveUpdates(quint16 port);
    void stopLiveUpdates();

signals:
    // The registry changed (added, edited, removed): lists elsewhere reload.
    void workspacesChanged();
    void workspaceAdded(const QUuid &id);
    void switchRequested(const QUuid &id);
    void workspaceRemoved(const QUuid &id);
    // A new key for this workspace is in the keychain (entered, or rotated).
    void workspaceKeyChanged(const QUuid &id);
    // Live updates changed these leads of that workspace's cache.
    void liveLeadsChanged(const QUuid &workspace, const QList<qint64> &ids);
    // A notice for the window where the desktop has no tray.
    void inAppNotice(const QString &text);

private:
    void build();
    void updateButtons();
    std::optional<Workspace> selected() const;
    void forgetSecrets(const QUuid &id, QStringList names, bool deleteCache);
    void finishRemoval(const QUuid &id, bool deleteCache);
    void setStatus(const QString &text);
    QWidget *buildLiveUpdates();
    void updateLiveUpdates();
    void rememberLiveUpdates(const QUuid &id, bool on, quint16 port);
    void forgetLiveUpdates(const QUuid &id);
    void restoreLiveUpdates();

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
    DesktopNotifier *m_notifier = nullptr;
    WebhookListener *m_listener = nullptr;
    QSpinBox *m_port = nullptr;
    QPushButton *m_live = nullptr;
    QLabel *m_liveStatus = nullptr;
};

} // namespace outpost
