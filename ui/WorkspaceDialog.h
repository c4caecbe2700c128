#pragma once

#include "workspace/Workspace.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QComboBox;

namespace outpost {

class KeyVerifier;
class SecretStore;
class WorkspaceRegistry;
struct KeyCheckError;
struct SecretError;

// Adds a workspace or edits one: name, service address, client id, the
// service's profile and the API key. A key is checked with one call before
// anything is saved, then stored in the keychain (never anywhere else), then
// the workspace is written to the registry. Open it with open() or show():
// every step is asynchronous.
class WorkspaceDialog : public QDialog
{
    Q_OBJECT

public:
    // Adds a new workspace.
    WorkspaceDialog(WorkspaceRegistry &registry, SecretStore &secrets, KeyVerifier &verifier,
                    QWidget *parent = nullptr);
    // Edits `workspace`; an empty key field keeps the stored key.
    WorkspaceDialog(WorkspaceRegistry &registry, SecretStore &secrets, KeyVerifier &verifier,
                    const Workspace &workspace, QWidget *parent = nullptr);
    ~WorkspaceDialog() override;

    bool isEditing() const { return m_editing; }
    // Why the dialog was opened (e.g. the service refused the stored key):
    // shown above the fields, with the key field focused.
    void setReason(const QString &text);
    // What the dialog says right now (errors, progress), for tests and screen readers.
    QString statusText() const;

signals:
    // The workspace is in the registry and its key (if one was entered) in the keychain.
    void workspaceSaved(const QUuid &id);

private slots:
    void save();
    void saveWithoutCheck();

private:
    void build();
    void fill(const Workspace &workspace);
    void updateKeyWarnings();
    std::optional<Workspace> workspaceFromFields();
    void checkKey(const Workspace &workspace, const QString &key);
    void onKeyChecked(const Workspace &workspace, const QString &key, const KeyCheckError *error);
    void storeKey(const Workspace &workspace, const QString &key);
    void onKeyStored(const Workspace &workspace, const SecretError *error);
    void finish(const Workspace &workspace);
    Workspace withLatestState(const Workspace &edited) const;
    void setBusy(bool busy, const QString &text = QString());
    void showError(const QString &text);

    WorkspaceRegistry &m_registry;
    SecretStore &m_secrets;
    KeyVerifier &m_verifier;
    Workspace m_original;
    bool m_editing = false;
    bool m_busy = false;

    QLineEdit *m_name = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLineEdit *m_clientId = nullptr;
    QLineEdit *m_key = nullptr;
    QLabel *m_keyWarnings = nullptr;
    QLineEdit *m_signatureHeader = nullptr;
    QSpinBox *m_rateLimit = nullptr;
    QComboBox *m_rateWindow = nullptr;
    QLineEdit *m_keyPrefix = nullptr;
    QLabel *m_reason = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_saveUnchecked = nullptr;
};

} // namespace outpost
