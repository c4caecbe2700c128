#pragma once

#include "common/Result.h"
#include "workspace/Workspace.h"

#include <QObject>
#include <QString>

#include <functional>

namespace outpost {

// Why a key failed its check against the service, in the words a person needs.
struct KeyCheckError
{
    enum class Kind {
        Rejected,  // 401: the key is wrong, expired or revoked
        BadUrl,    // no such service at that address (DNS, 404, not the API)
        Tls,       // the certificate could not be verified
        NoNetwork, // offline or the service unreachable: adding may go on unverified
        Other,
    };
    Kind kind = Kind::Other;
    QString message;
};

// The check a new key goes through before it is saved: one cheap API call
// with it against the workspace's service. Asynchronous like SecretStore:
// `done` runs on the calling thread, only while `context` lives.
//
// SEAM: the implementation belongs to the API client (core/api); outpostctl's
// CommandContext::keyVerifier() and the GUI's add dialog take it from there.
class KeyVerifier
{
public:
    using Done = std::function<void(Result<void, KeyCheckError>)>;

    virtual ~KeyVerifier() = default;
    virtual void verify(const Workspace &workspace, const QString &key, QObject *context, Done done) = 0;
};

} // namespace outpost
