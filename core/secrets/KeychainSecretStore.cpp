#include "secrets/KeychainSecretStore.h"

#include "secrets/KeychainRequest.h"

namespace outpost {

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : KeychainSecretStore(KeychainPatience{}, parent)
{}

KeychainSecretStore::KeychainSecretStore(KeychainPatience patience, QObject *parent)
    : SecretStore(parent)
    , m_patience(patience)
{}

void KeychainSecretStore::track(KeychainRequest *request)
{
    connect(request, &KeychainRequest::waiting, this, [this](const QString &message) {
        if (m_waiting)
            return;
        m_waiting = true;
        emit waitingForKeychain(message);
    });
    connect(request, &KeychainRequest::answered, this, [this] {
        if (!m_waiting)
            return;
        m_waiting = false;
        emit keychainAnswered();
    });
    request->start();
}

void KeychainSecretStore::read(const QString &key, QObject *context, ReadDone done)
{
    auto finished = [done = std::move(done)](Result<QByteArray, SecretError> result) {
        if (!result)
            done(result.error());
        else
            done(QString::fromUtf8(*result));
    };
    track(new KeychainRequest(KeychainRequest::Action::Read, key, {}, m_patience, context, std::move(finished), this));
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context, WriteDone done)
{
    auto finished = [done = std::move(done)](Result<QByteArray, SecretError> result) {
        if (!result)
            done(result.error());
        else
            done({});
    };
    track(new KeychainRequest(KeychainRequest::Action::Write, key, secret.toUtf8(), m_patience, context,
                              std::move(finished), this));
}

void KeychainSecretStore::remove(const QString &key, QObject *context, WriteDone done)
{
    auto finished = [done = std::move(done)](Result<QByteArray, SecretError> result) {
        if (!result)
            done(result.error());
        else
            done({});
    };
    track(
        new KeychainRequest(KeychainRequest::Action::Remove, key, {}, m_patience, context, std::move(finished), this));
}

} // namespace outpost
