#include "storage/SqlFunctions.h"

#include "storage/Database.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <cctype>
#include <string>

namespace outpost {

namespace {

QString textArgument(sqlite3_value *value)
{
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_value_text(value));
    return bytes ? QString::fromUtf8(bytes, sqlite3_value_bytes(value)) : QString();
}

// Control bytes never occur inside a multi-byte UTF-8 character: scanning bytes is safe.
void searchText(sqlite3_context *context, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    std::string out(bytes, static_cast<size_t>(sqlite3_value_bytes(argv[0])));
    for (char &c : out) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = ' ';
    }
    sqlite3_result_text(context, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

bool isAscii(const unsigned char *bytes, int size)
{
    for (int i = 0; i < size; ++i) {
        if (bytes[i] >= 0x80)
            return false;
    }
    return true;
}

bool isAsciiWordChar(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The common case, ASCII text and prefix, without leaving UTF-8.
bool asciiWordPrefix(const unsigned char *text, int size, const QByteArray &prefix)
{
    bool atWordStart = true;
    for (int i = 0; i < size; ++i) {
        const bool wordChar = isAsciiWordChar(text[i]);
        if (wordChar && atWordStart && size - i >= prefix.size()) {
            int k = 0;
            while (k < prefix.size() && std::tolower(text[i + k]) == prefix.at(k))
                ++k;
            if (k == prefix.size())
                return true;
        }
        atWordStart = !wordChar;
    }
    return false;
}

// The folded prefix, computed once per statement (SQLite keeps it with the argument).
struct FoldedPrefix
{
    QString folded;
    QByteArray ascii; // lower-case, when the prefix is plain ASCII
};

void wordPrefix(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    auto *prefix = static_cast<FoldedPrefix *>(sqlite3_get_auxdata(context, 0));
    if (!prefix) {
        prefix = new FoldedPrefix{SqlFunctions::fold(textArgument(argv[0])), {}};
        if (isAscii(reinterpret_cast<const unsigned char *>(prefix->folded.toUtf8().constData()),
                    static_cast<int>(prefix->folded.toUtf8().size())))
            prefix->ascii = prefix->folded.toLatin1();
        sqlite3_set_auxdata(context, 0, prefix, [](void *p) { delete static_cast<FoldedPrefix *>(p); });
        prefix = static_cast<FoldedPrefix *>(sqlite3_get_auxdata(context, 0));
        if (!prefix) {
            sqlite3_result_error_nomem(context);
            return;
        }
    }
    for (int i = 1; i < argc; ++i) {
        if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
            continue;
        const auto *bytes = sqlite3_value_text(argv[i]);
        const int size = sqlite3_value_bytes(argv[i]);
        const bool match = !prefix->ascii.isEmpty() && isAscii(bytes, size)
                               ? asciiWordPrefix(bytes, size, prefix->ascii)
                               : SqlFunctions::hasWordPrefix(textArgument(argv[i]), prefix->folded);
        if (match) {
            sqlite3_result_int(context, 1);
            return;
        }
    }
    sqlite3_result_int(context, 0);
}

bool isMark(QChar::Category c)
{
    return c == QChar::Mark_NonSpacing || c == QChar::Mark_SpacingCombining || c == QChar::Mark_Enclosing;
}

} // namespace

QString SqlFunctions::fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (!isMark(c.category()))
            out += c;
    }
    return out.toCaseFolded();
}

bool SqlFunctions::hasWordPrefix(const QString &text, const QString &foldedPrefix)
{
    if (foldedPrefix.isEmpty())
        return true;
    const QString folded = fold(text);
    bool atWordStart = true;
    for (qsizetype i = 0; i < folded.size(); ++i) {
        const bool wordChar = folded.at(i).isLetterOrNumber() || folded.at(i).isSurrogate();
        if (wordChar && atWordStart && QStringView(folded).mid(i).startsWith(foldedPrefix))
            return true;
        atWordStart = !wordChar;
    }
    return false;
}

Result<void> SqlFunctions::registerOn(Database &db)
{
    const QVariant handle = db.connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return makeError(QStringLiteral("the SQLite driver does not expose its handle"));
    return registerOn(*static_cast<sqlite3 *const *>(handle.data()));
}

Result<void> SqlFunctions::registerOn(sqlite3 *sqlite)
{
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    int rc = sqlite3_create_function_v2(sqlite, "outpost_search_text", 1, flags, nullptr, &searchText, nullptr, nullptr,
                                        nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(sqlite, "outpost_word_prefix", -1, flags, nullptr, &wordPrefix, nullptr,
                                        nullptr, nullptr);
    if (rc != SQLITE_OK)
        return makeError(QStringLiteral("cannot register SQL functions: ") + QString::fromUtf8(sqlite3_errstr(rc)));
    return {};
}

} // namespace outpost
