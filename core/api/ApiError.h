#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace outpost {

// Every way a request can end without a usable answer, as a value. The kind
// decides what the caller does (the contract's status table); `retryable`
// says whether asking again can help; `ambiguous` says the server may have
// acted although no answer arrived (never re-send such a request blindly).
struct ApiError
{
    enum class Kind {
        Network,      // no connection, refused, reset, TLS failure
        Timeout,      // no complete answer in time
        BadResponse,  // 2xx whose body is not the JSON object the contract promises
        BadRequest,   // 400
        Unauthorized, // 401: stop this workspace, ask for a key, keep the outbox
        Forbidden,    // 403: the plan lacks this feature
        NotFound,     // 404
        Conflict,     // 409
        RateLimited,  // 429
        Server,       // 5xx
        Http,         // any other status
        Cancelled,    // we gave up on it ourselves
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;
    // The server's `error` text when it sent one, else our own description.
    QString message;
    bool retryable = false;
    bool ambiguous = false;
    // A Network error from the TLS handshake (certificate not verified).
    bool tls = false;
    // A Network error because the host name does not resolve.
    bool hostNotFound = false;
    // From Retry-After, in milliseconds, when the server sent one.
    std::optional<qint64> retryAfterMs;

    // Classifies a complete HTTP answer (status >= 300), whatever its body:
    // JSON with `error`, empty, HTML, truncated.
    static ApiError fromHttp(int status, const QByteArray &body);
    static ApiError network(const QString &message, bool ambiguous);
    static ApiError timeout(bool ambiguous);
    static ApiError badResponse(const QString &message);
    static ApiError cancelled();

    // One line for logs and error output; never contains a secret.
    QString describe() const;
};

} // namespace outpost
