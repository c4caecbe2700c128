#include "InMemorySecretStore.h"

#include <QTimer>

namespace outpost::test {

Result<QString, SecretError> InMemorySecretStore::lookup(const QString &key) const
{
    if (m_failure)
        return *m_failure;
    if (!m_entries.contains(key))
        return SecretError{SecretError::Kind::NotFound, QStringLiteral("no such entry")};
    return m_entries.value(key);
}

void InMemorySecretStore::read(const QString &key, QObject *context, ReadDone done)
{
    ++m_calls;
    QTimer::singleShot(0, context, [done = std::move(done), result = lookup(key)] { done(result); });
}

void InMemorySecretStore::write(const QString &key, const QString &secret, QObject *context, WriteDone done)
{
    ++m_calls;
    Result<void, SecretError> result;
    if (m_failure)
        result = *m_failure;
    else
        m_entries.insert(key, secret);
    QTimer::singleShot(0, context, [done = std::move(done), result = std::move(result)] { done(result); });
}

void InMemorySecretStore::remove(const QString &key, QObject *context, WriteDone done)
{
    ++m_calls;
    Result<void, SecretError> result;
    if (m_failure)
        result = *m_failure;
    else
        m_entries.remove(key);
    QTimer::singleShot(0, context, [done = std::move(done), result = std::move(result)] { done(result); });
}

} // namespace outpost::test
