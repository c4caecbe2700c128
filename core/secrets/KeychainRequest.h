#pragma once

#include "common/Result.h"
#include "secrets/KeychainPatience.h"
#include "secrets/SecretStore.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace QKeychain {
class Job;
}

namespace outpost {

// One read, write or remove against QtKeychain, carried to an answer: it
// retries while the keychain is missing or locked, within a time budget, and
// reports an error whose kind and message say what a person can do about it.
// Lives on the thread that created it; its callback runs there.
class KeychainRequest : public QObject
{
    Q_OBJECT

public:
    enum class Action {
        Read,
        Write,
        Remove,
    };
    using Done = std::function<void(Result<QByteArray, SecretError>)>;

    KeychainRequest(Action action, QString key, QByteArray data, KeychainPatience patience, QObject *context, Done done,
                    QObject *parent = nullptr);

    void start();

    // QtKeychain's answer as an error kind and a message for a person; `retry`
    // says whether waiting may help.
    static SecretError classify(int keychainError, const QString &detail, Action action, bool *retry);

signals:
    // The keychain makes us wait (slow, locked or not up yet); emitted at most once.
    void waiting(const QString &message);
    // The keychain answered (whatever it said): any earlier wait is over.
    void answered();

private:
    void startAttempt();
    void onJobFinished(QKeychain::Job *job);
    void onDeadline();
    void retryLater(const SecretError &error);
    void announceWait(const QString &message);
    void finish(Result<QByteArray, SecretError> result);
    QKeychain::Job *createJob();

    Action m_action;
    QString m_key;
    QByteArray m_data;
    KeychainPatience m_patience;
    QPointer<QObject> m_context;
    bool m_guarded = false;
    Done m_done;
    QTimer m_deadline;
    QTimer m_stall;
    QTimer m_retry;
    std::chrono::milliseconds m_nextDelay;
    int m_attempts = 0;
    bool m_announced = false;
    bool m_finished = false;
    bool m_jobPending = false;
};

} // namespace outpost
