#include "storage/SearchQuery.h"

#include "storage/SearchDocument.h"

#include <QRegularExpression>

namespace outpost {

namespace {

struct TermShape
{
    int codePoints = 0;
    bool lettersAndDigitsOnly = true;
};

TermShape shapeOf(const QString &term)
{
    TermShape shape;
    const QList<uint> codePoints = term.toUcs4();
    for (const uint c : codePoints) {
        ++shape.codePoints;
        // Combining marks belong to their letter (Devanagari "प्" is a word start).
        const QChar::Category category = QChar::category(c);
        const bool mark = category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
                          category == QChar::Mark_Enclosing;
        if (!QChar::isLetterOrNumber(c) && !mark)
            shape.lettersAndDigitsOnly = false;
    }
    return shape;
}

} // namespace

QString SearchQuery::quotePhrase(const QString &term)
{
    QString quoted = term;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

SearchQuery SearchQuery::parse(const QString &text)
{
    SearchQuery q;
    // Control characters (NUL included) separate terms like spaces: FTS5 would
    // otherwise read a NUL as the end of the query.
    // Compiled once per thread (sync parses too): a keystroke parses its text
    // for the window and again for the count.
    thread_local const QRegularExpression separators(QStringLiteral("[\\s\\x{0}-\\x{1f}\\x{7f}]+"));
    const QStringList terms = text.split(separators, Qt::SkipEmptyParts);
    for (const QString &term : terms) {
        const TermShape shape = shapeOf(term);
        if (shape.codePoints >= 3) {
            q.m_trigramTerms.append(term);
            continue;
        }
        const QString wordStart = shape.lettersAndDigitsOnly ? SearchDocument::wordStartToken(term) : QString();
        if (!wordStart.isEmpty())
            q.m_wordStartTokens.append(wordStart);
        else
            q.m_literalTerms.append(term);
    }
    return q;
}

QString SearchQuery::match() const
{
    QStringList phrases;
    for (const QString &t : m_trigramTerms)
        phrases.append(quotePhrase(t));
    for (const QString &t : m_wordStartTokens)
        phrases.append(quotePhrase(t));
    return phrases.join(QStringLiteral(" AND "));
}

} // namespace outpost
