#pragma once

namespace outpost {

// Who is waiting for a request, most urgent first: what a person just
// clicked, then the outbox, then list pages, then detail prefetch.
enum class RequestPriority {
    User = 0,
    Outbox = 1,
    List = 2,
    Prefetch = 3,
};

} // namespace outpost
