#pragma once

#include <QObject>

namespace outpost::webhook {
Q_NAMESPACE

// What became of one delivery; the receiver counts each kind.
enum class Outcome {
    Accepted,         // verified, new: emitted
    Duplicate,        // verified, but its id was seen: answered 200, not emitted again
    MissingSignature, // 401
    BadSignature,     // 401
    Stale,            // timestamp more than the tolerance off: 400
    Malformed,        // not a JSON event object with id, event and timestamp: 400
    TooLarge,         // body over the limit: 413
    WrongMethod,      // not a POST: 405
    BadRequest,       // not HTTP we accept (framing, head size): 4xx/501
    TimedOut,         // the request did not arrive in time (slowloris): 408
    Overloaded,       // too many open connections: closed at once
    Unavailable,      // the cache could not record the event: 503, the sender retries
};
Q_ENUM_NS(Outcome)

} // namespace outpost::webhook
