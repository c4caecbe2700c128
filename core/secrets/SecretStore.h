#pragma once

#include "common/Result.h"

#include <QObject>
#include <QPointer>
#include <QUuid>

#include <functional>

namespace outpost {

// Why a secret could not be read or written. The kinds decide what a person is
// told: a missing entry asks for a key, an unavailable keychain explains how to
// get one, a locked one is waited for.
struct SecretError
{
    enum class Kind {
        NotFound,    // no such entry: the only case in which asking for a key again is right
        Unavailable, // no keychain reachable (no Secret Service on the session bus)
        Locked,      // the keychain refused or is locked; retrying later may succeed
        Other,
    };

    Kind kind = Kind::Other;
    QString message;
};

// Where API keys and webhook secrets live: the operating system's keychain in
// the product, memory in unit tests of other classes. Asynchronous: the answer
// arrives through `done`, called on the calling thread, and only while
// `context` lives (no nested event loop anywhere).
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using ReadDone = std::function<void(Result<QString, SecretError>)>;
    using WriteDone = std::function<void(Result<void, SecretError>)>;

    using QObject::QObject;

    virtual void read(const QString &key, QObject *context, ReadDone done) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context, WriteDone done) = 0;
    virtual void remove(const QString &key, QObject *context, WriteDone done) = 0;

    // The service name every entry is stored under.
    static QString serviceName() { return QStringLiteral("Outpost"); }
    static QString apiKeyName(const QUuid &workspace)
    {
        return QStringLiteral("workspace/%1/api-key").arg(workspace.toString(QUuid::WithoutBraces));
    }
    static QString webhookSecretName(const QUuid &workspace, const QString &webhookId)
    {
        return QStringLiteral("workspace/%1/webhook/%2").arg(workspace.toString(QUuid::WithoutBraces), webhookId);
    }
};

} // namespace outpost
