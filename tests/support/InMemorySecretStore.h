#pragma once

#include "secrets/SecretStore.h"

#include <QHash>

#include <optional>

namespace outpost::test {

// A SecretStore in memory, for unit tests of classes that only need *a* store
// (the product and the keychain tests use KeychainSecretStore). Answers from
// the event loop like the real one, never synchronously.
class InMemorySecretStore : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    void read(const QString &key, QObject *context, ReadDone done) override;
    void write(const QString &key, const QString &secret, QObject *context, WriteDone done) override;
    void remove(const QString &key, QObject *context, WriteDone done) override;

    // Every call fails with `error` until cleared (e.g. an unavailable keychain).
    void setFailure(std::optional<SecretError> error) { m_failure = std::move(error); }
    const QHash<QString, QString> &entries() const { return m_entries; }
    int calls() const { return m_calls; }

private:
    Result<QString, SecretError> lookup(const QString &key) const;

    QHash<QString, QString> m_entries;
    std::optional<SecretError> m_failure;
    int m_calls = 0;
};

} // namespace outpost::test
