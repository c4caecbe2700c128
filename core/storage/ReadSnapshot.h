#pragma once

#include <QtGlobal>

struct sqlite3;

namespace outpost {

// A read that spans several statements sees one state of the cache, as one
// statement would: a read transaction on `handle` while this lives. Inside
// the caller's own transaction (one state already) it neither opens another
// nor ends the caller's.
class ReadSnapshot
{
public:
    // With `wanted` false it does nothing: a read of one statement needs none.
    explicit ReadSnapshot(sqlite3 *handle, bool wanted = true);
    ~ReadSnapshot();
    Q_DISABLE_COPY_MOVE(ReadSnapshot)

private:
    sqlite3 *m_began = nullptr; // the handle, when this began the transaction
};

} // namespace outpost
