#pragma once

#include <chrono>

namespace outpost {

// How long the keychain is waited for. Keyrings on Linux are often not up yet,
// or still locked, when a client starts: an answer that comes late is waited
// for and retried within these bounds, never turned into "enter your key again".
struct KeychainPatience
{
    // The whole time one read, write or remove may take, retries included.
    std::chrono::milliseconds budget{15000};
    // The first pause before a retry; it doubles up to `maxRetryDelay`.
    std::chrono::milliseconds firstRetryDelay{250};
    std::chrono::milliseconds maxRetryDelay{4000};
    // After this long without an answer the store says once that it is waiting.
    std::chrono::milliseconds stallNotice{2000};
};

} // namespace outpost
