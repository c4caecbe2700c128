#pragma once

#include <QString>
#include <QStringList>

namespace outpost {

// Turns what a person typed into the three ways the cache can answer it:
// terms of 3+ characters go to the trigram index (substring anywhere), shorter
// terms made of letters and digits to the word-prefix index, and anything else
// (short punctuation, a lone emoji) to a literal scan. Every term matches
// literally: FTS5 syntax in the input is quoted away, never interpreted.
class SearchQuery
{
public:
    static SearchQuery parse(const QString &text);

    bool isEmpty() const { return m_trigramTerms.isEmpty() && m_prefixTerms.isEmpty() && m_literalTerms.isEmpty(); }
    // FTS5 expressions, empty when no term of that kind was typed.
    QString trigramMatch() const;
    QString prefixMatch() const;
    // Terms for the scan: a case-insensitive substring of name, phone, email or a tag.
    const QStringList &literalTerms() const { return m_literalTerms; }
    const QStringList &prefixTerms() const { return m_prefixTerms; }

    static QString quotePhrase(const QString &term);

private:
    QStringList m_trigramTerms;
    QStringList m_prefixTerms;
    QStringList m_literalTerms;
};

} // namespace outpost
