#pragma once

#include "admin/AdminError.h"
#include "admin/ApiKeyInfo.h"
#include "workspace/Workspace.h"

#include <QObject>
#include <QPointer>

namespace outpost {

class ApiClient;
class SecretStore;

// Rotation without downtime, as one asynchronous operation: create the new
// key, store it in the keychain as the workspace's key, verify a call succeeds
// with it, revoke the old one. Whatever step fails, the workspace is left on a
// key that works: before the switch nothing changed; if the new key fails its
// check the old one goes back into the keychain and the new one is revoked; if
// only revoking the old one fails, the new key stays and the old one is named
// for revoking by hand. Each step is reported, for a dialog or a terminal.
class KeyRotation : public QObject
{
    Q_OBJECT

public:
    enum class Step {
        ReadCurrentKey, // the workspace's key from the keychain
        FindCurrentKey, // which listed key it is, to revoke it at the end
        CreateKey,
        StoreKey,
        VerifyKey,
        RevokeOldKey,
        RollBack, // only after a failure of StoreKey or VerifyKey
    };
    Q_ENUM(Step)

    enum class Outcome {
        Rotated,              // new key in use, old key revoked
        OldKeyStillValid,     // new key in use; the old one could not be revoked
        RolledBack,           // a step failed; the old key is in use and the new one is gone
        RolledBackNewKeyLeft, // as RolledBack, but the new key could not be revoked
        NotStarted,           // failed before anything changed
        // The old key could not be put back into the keychain: the new one
        // stays there and neither is revoked, so the keychain's key still works.
        NewKeyKept,
    };
    Q_ENUM(Outcome)

    struct Options
    {
        QString newKeyName;
        // Tries of each call: a person is waiting at a dialog.
        int maxAttempts = 2;
        qint64 backoffBaseMs = 300;
        int transferTimeoutMs = 15000;
    };

    KeyRotation(Workspace workspace, SecretStore &secrets, Options options, QObject *parent = nullptr);
    ~KeyRotation() override;

    void start();

    // Valid once CreateKey succeeded; never holds the secret.
    const ApiKeyInfo &newKey() const { return m_newKey; }
    const ApiKeyInfo &oldKey() const { return m_oldKey; }
    static QString stepName(Step step);

signals:
    void stepStarted(outpost::KeyRotation::Step step);
    // `message` says why a step failed; empty on success.
    void stepFinished(outpost::KeyRotation::Step step, bool ok, const QString &message);
    // `failedStep` is meaningful unless the outcome is Rotated; `message` sums it up.
    void finished(outpost::KeyRotation::Outcome outcome, outpost::KeyRotation::Step failedStep, const QString &message,
                  const outpost::AdminError &error);

private:
    void readCurrentKey();
    void findCurrentKey();
    void createKey();
    void storeKey();
    void verifyKey();
    void revokeOldKey();
    void rollBack(Step failedStep, const AdminError &error, bool restoreOldKey);
    void revokeNewKey(Step failedStep, const AdminError &error);

    bool begin(Step step);
    void fail(Step step, const AdminError &error);
    void succeed(Step step);
    void end(Outcome outcome, Step step, const QString &message, const AdminError &error = {});
    ApiClient *clientFor(const QString &key);
    void forgetSecrets();

    Workspace m_workspace;
    QPointer<SecretStore> m_secrets;
    Options m_options;
    QString m_oldSecret;
    QString m_newSecret;
    ApiKeyInfo m_oldKey;
    ApiKeyInfo m_newKey;
    ApiClient *m_oldClient = nullptr;
    ApiClient *m_newClient = nullptr;
    bool m_running = false;
};

} // namespace outpost
