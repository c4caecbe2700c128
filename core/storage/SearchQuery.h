#pragma once

#include <QString>
#include <QStringList>

namespace outpost {

// Turns what a person typed into the two ways the cache can answer it: terms
// of 3+ characters are substrings anywhere, shorter terms made of letters and
// digits word starts (both one FTS5 expression over the search index, see
// SearchDocument), and anything else (short punctuation, a lone emoji) a
// literal scan. Every term matches literally: FTS5 syntax in the input is
// quoted away, never interpreted.
class SearchQuery
{
public:
    static SearchQuery parse(const QString &text);

    bool isEmpty() const { return m_trigramTerms.isEmpty() && m_wordStartTokens.isEmpty() && m_literalTerms.isEmpty(); }
    // The FTS5 expression for leads_search, empty when no term goes there.
    QString match() const;
    // Terms for the scan: a case-insensitive substring of name, phone, email or a tag.
    const QStringList &literalTerms() const { return m_literalTerms; }

    static QString quotePhrase(const QString &term);

private:
    QStringList m_trigramTerms;
    QStringList m_wordStartTokens;
    QStringList m_literalTerms;
};

} // namespace outpost
