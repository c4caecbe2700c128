#pragma once

#include "secrets/KeychainPatience.h"
#include "secrets/SecretStore.h"

namespace outpost {

class KeychainRequest;

// The product's SecretStore: the operating system's keychain through
// QtKeychain (the Secret Service on Linux), service "Outpost". Never falls
// back to a file. A keychain that is slow, locked or not up yet is waited for
// and retried within `patience`; the answer says exactly what went wrong.
// Use it from one thread (QtKeychain queues its jobs per process).
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(QObject *parent = nullptr);
    explicit KeychainSecretStore(KeychainPatience patience, QObject *parent = nullptr);

    const KeychainPatience &patience() const { return m_patience; }

    void read(const QString &key, QObject *context, ReadDone done) override;
    void write(const QString &key, const QString &secret, QObject *context, WriteDone done) override;
    void remove(const QString &key, QObject *context, WriteDone done) override;

signals:
    // Once per stretch of waiting, however many requests wait: one clear
    // message for the person, instead of a prompt for a key already stored.
    void waitingForKeychain(const QString &message);
    // The keychain answered again after a wait.
    void keychainAnswered();

private:
    void track(KeychainRequest *request);

    KeychainPatience m_patience;
    bool m_waiting = false;
};

} // namespace outpost
