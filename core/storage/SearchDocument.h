#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <initializer_list>

namespace outpost {

// What the one search index (a trigram FTS5 table) holds for a lead, and how a
// short query finds it there.
//
// A trigram index answers substrings of 3+ characters by itself. Word starts of
// 1-2 characters are written into the same text as marked tokens: the mark
// character (U+0001) never reaches a query, since queries split on control
// characters. "\1\1j" says a word starts with "j", "\1jo" one starts with "jo";
// each is a single trigram, looked up like any other. Word starts are folded
// (case and diacritics ignored): "an" finds "Ångström".
class SearchDocument
{
public:
    // The indexed text of one lead: each field on its own line, control
    // characters as spaces (FTS5 ends text at a NUL), then its word-start marks.
    static QByteArray build(std::initializer_list<QByteArrayView> utf8Fields);

    // The token that finds words starting with `term` (1-2 letters or digits
    // once folded), or an empty string when the term has another shape.
    static QString wordStartToken(const QString &term);

    // Case folded, diacritics removed, composed again (Hangul stays one syllable).
    static QString fold(const QString &text);
};

} // namespace outpost
