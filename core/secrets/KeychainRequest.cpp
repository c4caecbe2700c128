#include "secrets/KeychainRequest.h"

#include "common/Logging.h"

#include <qt6keychain/keychain.h>

#include <algorithm>

namespace outpost {

namespace {

QString unavailableMessage(const QString &detail, KeychainRequest::Action action)
{
    QString text = KeychainRequest::tr("No keychain is reachable: no Secret Service answered on the session bus (%1).")
                       .arg(detail);
    if (action == KeychainRequest::Action::Write)
        text += u' ' + KeychainRequest::tr("Nothing was stored: Outpost keeps API keys only in the system keychain, "
                                           "never in a file.");
    text += u' ' + KeychainRequest::tr("To fix it, start a Secret Service provider in your desktop session (GNOME "
                                       "Keyring, KWallet or KeePassXC with Secret Service integration), make sure "
                                       "libsecret is installed and DBUS_SESSION_BUS_ADDRESS names your session bus, "
                                       "then try again.");
    return text;
}

QString lockedMessage(const QString &detail)
{
    return KeychainRequest::tr("The keychain is locked (%1). Unlock it (GNOME: the \"Login\" keyring in \"Passwords "
                               "and Keys\"; KDE: KWallet) and try again; a key already stored is not asked for again.")
        .arg(detail);
}

QString refusedMessage(const QString &detail)
{
    return KeychainRequest::tr("Access to the keychain was refused (%1). Allow Outpost to use the keychain, or unlock "
                               "it, and try again.")
        .arg(detail);
}

QString timeoutMessage(std::chrono::milliseconds budget)
{
    return KeychainRequest::tr("The keychain did not answer within %1 seconds. It may be locked and waiting for its "
                               "password in a prompt you cannot see, or still starting. Unlock it and try again; a "
                               "key already stored is not asked for again.")
        .arg(std::max<qint64>(1, budget.count() / 1000));
}

QString waitingMessage()
{
    return KeychainRequest::tr("Waiting for the system keychain to answer (it may be starting or locked)…");
}

} // namespace

KeychainRequest::KeychainRequest(Action action, QString key, QByteArray data, KeychainPatience patience,
                                 QObject *context, Done done, QObject *parent)
    : QObject(parent)
    , m_action(action)
    , m_key(std::move(key))
    , m_data(std::move(data))
    , m_patience(patience)
    , m_context(context)
    , m_guarded(context != nullptr)
    , m_done(std::move(done))
    , m_nextDelay(patience.firstRetryDelay)
{
    m_deadline.setSingleShot(true);
    m_stall.setSingleShot(true);
    m_retry.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &KeychainRequest::onDeadline);
    connect(&m_stall, &QTimer::timeout, this, [this] { announceWait(waitingMessage()); });
    connect(&m_retry, &QTimer::timeout, this, &KeychainRequest::startAttempt);
}

void KeychainRequest::start()
{
    m_deadline.start(m_patience.budget);
    startAttempt();
}

QKeychain::Job *KeychainRequest::createJob()
{
    // No parent and auto-delete: a job that never answers (an invisible unlock
    // prompt) must outlive this request, because QtKeychain's callback still
    // points at it; deleting it early would be a use-after-free.
    const QString service = SecretStore::serviceName();
    QKeychain::Job *job = nullptr;
    switch (m_action) {
    case Action::Read:
        job = new QKeychain::ReadPasswordJob(service);
        break;
    case Action::Write: {
        auto *write = new QKeychain::WritePasswordJob(service);
        // Binary: QtKeychain hands text to libsecret as a C string, which would
        // cut a secret at its first NUL; binary data travels base64-encoded.
        write->setBinaryData(m_data);
        job = write;
        break;
    }
    case Action::Remove:
        job = new QKeychain::DeletePasswordJob(service);
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(m_key);
    return job;
}

void KeychainRequest::startAttempt()
{
    ++m_attempts;
    QKeychain::Job *job = createJob();
    connect(job, &QKeychain::Job::finished, this, &KeychainRequest::onJobFinished);
    m_jobPending = true;
    m_stall.start(m_patience.stallNotice);
    job->start();
}

SecretError KeychainRequest::classify(int keychainError, const QString &detail, Action action, bool *retry)
{
    *retry = false;
    switch (static_cast<QKeychain::Error>(keychainError)) {
    case QKeychain::EntryNotFound:
        return {SecretError::Kind::NotFound, tr("No key is stored in the keychain for this entry.")};
    case QKeychain::AccessDenied:
        // libsecret's "is locked": the keyring may be unlocked by the session any moment.
        *retry = true;
        return {SecretError::Kind::Locked, lockedMessage(detail)};
    case QKeychain::AccessDeniedByUser:
        return {SecretError::Kind::Locked, refusedMessage(detail)};
    case QKeychain::NoBackendAvailable:
    case QKeychain::OtherError:
        // On the Secret Service path these are D-Bus failures: no bus, no
        // provider, or one still starting. Worth waiting for.
        *retry = true;
        return {SecretError::Kind::Unavailable, unavailableMessage(detail, action)};
    case QKeychain::NoError:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NotImplemented:
        break;
    }
    return {SecretError::Kind::Other, tr("The keychain failed: %1").arg(detail)};
}

void KeychainRequest::onJobFinished(QKeychain::Job *job)
{
    m_jobPending = false;
    m_stall.stop();
    if (m_finished)
        return;
    const auto error = job->error();
    if (error == QKeychain::NoError || (error == QKeychain::EntryNotFound && m_action == Action::Remove)) {
        emit answered();
        auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job);
        finish(read ? read->binaryData() : QByteArray());
        return;
    }
    bool retry = false;
    const SecretError classified = classify(error, job->errorString(), m_action, &retry);
    qCDebug(lcSecrets) << "keychain attempt" << m_attempts << "failed with QtKeychain error" << error
                       << "retry:" << retry;
    if (!retry) {
        emit answered();
        finish(classified);
        return;
    }
    retryLater(classified);
}

void KeychainRequest::retryLater(const SecretError &error)
{
    const auto remaining = std::chrono::milliseconds(m_deadline.remainingTime());
    if (remaining <= m_nextDelay) {
        finish(error);
        return;
    }
    announceWait(waitingMessage());
    m_retry.start(m_nextDelay);
    m_nextDelay = std::min(m_nextDelay * 2, m_patience.maxRetryDelay);
}

void KeychainRequest::onDeadline()
{
    if (m_finished)
        return;
    m_retry.stop();
    m_stall.stop();
    // The pending job (if any) is abandoned, not deleted: see createJob().
    finish(SecretError{SecretError::Kind::Locked, timeoutMessage(m_patience.budget)});
}

void KeychainRequest::announceWait(const QString &message)
{
    if (m_announced)
        return;
    m_announced = true;
    emit waiting(message);
}

void KeychainRequest::finish(Result<QByteArray, SecretError> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    m_retry.stop();
    m_stall.stop();
    // The callback may delete whoever owns this request: nothing below it may
    // touch a member.
    Done done = std::move(m_done);
    const bool deliver = !m_guarded || m_context;
    deleteLater();
    if (deliver)
        done(std::move(result));
}

} // namespace outpost
