#pragma once

#include "common/Result.h"

#include <QString>

struct sqlite3;

namespace outpost {

class Database;

// SQL functions Outpost registers on every connection it opens:
//   outpost_search_text(text)  the text as the search indexes see it: control
//                              characters as spaces (FTS5 ends text at a NUL)
//   outpost_word_prefix(prefix, text...)  1 when a word of any text starts
//                              with prefix, folded like the word index folds
//                              (case and diacritics ignored)
class SqlFunctions
{
public:
    static Result<void> registerOn(Database &db);
    // The same on a raw handle: the sqlite3 shell loads them too (bench floors).
    static Result<void> registerOn(sqlite3 *handle);

    // The folding of outpost_word_prefix, for tests and callers in C++.
    static QString fold(const QString &text);
    static bool hasWordPrefix(const QString &text, const QString &foldedPrefix);
};

} // namespace outpost
