#include "storage/SearchDocument.h"

#include <QList>

#include <cctype>

namespace outpost {

namespace {

constexpr char kMark = '\x01';

bool isControl(unsigned char c)
{
    return c < 0x20 || c == 0x7f;
}

bool isAsciiWordChar(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isAscii(QByteArrayView text)
{
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

bool isMark(QChar::Category c)
{
    return c == QChar::Mark_NonSpacing || c == QChar::Mark_SpacingCombining || c == QChar::Mark_Enclosing;
}

// "\1\1" + one character, or "\1" + two; each word start once per lead.
void addToken(QByteArray &marks, QByteArrayView start, bool single)
{
    QByteArray token;
    token.reserve(start.size() + 2);
    token += kMark;
    if (single)
        token += kMark;
    token += start;
    if (!marks.contains(token))
        marks += token;
}

void addAsciiMarks(QByteArray &marks, QByteArrayView text)
{
    bool atWordStart = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text.at(i));
        const bool wordChar = isAsciiWordChar(c);
        if (wordChar && atWordStart) {
            const char first[] = {static_cast<char>(std::tolower(c))};
            addToken(marks, QByteArrayView(first, 1), true);
            if (i + 1 < text.size() && isAsciiWordChar(static_cast<unsigned char>(text.at(i + 1)))) {
                const char pair[] = {first[0], static_cast<char>(std::tolower(text.at(i + 1)))};
                addToken(marks, QByteArrayView(pair, 2), false);
            }
        }
        atWordStart = !wordChar;
    }
}

void addUnicodeMarks(QByteArray &marks, QByteArrayView text)
{
    const QList<uint> codePoints = SearchDocument::fold(QString::fromUtf8(text)).toUcs4();
    bool atWordStart = true;
    for (qsizetype i = 0; i < codePoints.size(); ++i) {
        const bool wordChar = QChar::isLetterOrNumber(codePoints.at(i));
        if (wordChar && atWordStart) {
            addToken(marks, QString::fromUcs4(reinterpret_cast<const char32_t *>(&codePoints.at(i)), 1).toUtf8(), true);
            if (i + 1 < codePoints.size() && QChar::isLetterOrNumber(codePoints.at(i + 1)))
                addToken(marks, QString::fromUcs4(reinterpret_cast<const char32_t *>(&codePoints.at(i)), 2).toUtf8(),
                         false);
        }
        atWordStart = !wordChar;
    }
}

} // namespace

QByteArray SearchDocument::build(std::initializer_list<QByteArrayView> utf8Fields)
{
    QByteArray doc, marks;
    qsizetype size = 0;
    for (const QByteArrayView field : utf8Fields)
        size += field.size() + 1;
    doc.reserve(size * 2);
    for (const QByteArrayView field : utf8Fields) {
        // Control bytes never occur inside a multi-byte UTF-8 character.
        for (const char c : field)
            doc += isControl(static_cast<unsigned char>(c)) ? ' ' : c;
        doc += '\n';
        if (isAscii(field))
            addAsciiMarks(marks, field);
        else
            addUnicodeMarks(marks, field);
    }
    return doc + marks;
}

QString SearchDocument::wordStartToken(const QString &term)
{
    const QString folded = fold(term);
    const QList<uint> codePoints = folded.toUcs4();
    if (codePoints.isEmpty() || codePoints.size() > 2)
        return {};
    for (const uint c : codePoints) {
        if (!QChar::isLetterOrNumber(c))
            return {};
    }
    const QString mark = QString(QLatin1Char(kMark));
    return (codePoints.size() == 1 ? mark + mark : mark) + folded;
}

QString SearchDocument::fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString bare;
    bare.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (!isMark(c.category()))
            bare += c;
    }
    return bare.normalized(QString::NormalizationForm_C).toCaseFolded();
}

} // namespace outpost
