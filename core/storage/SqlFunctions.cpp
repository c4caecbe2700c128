#include "storage/SqlFunctions.h"

#include "storage/Database.h"
#include "storage/SearchDocument.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace outpost {

namespace {

QByteArrayView textArgument(sqlite3_value *value)
{
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_value_text(value));
    return bytes ? QByteArrayView(bytes, sqlite3_value_bytes(value)) : QByteArrayView();
}

void searchDocument(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    if (argc != 4) {
        sqlite3_result_error(context, "outpost_search_doc takes name, phone, email and tags", -1);
        return;
    }
    const QByteArray doc = SearchDocument::build(
        {textArgument(argv[0]), textArgument(argv[1]), textArgument(argv[2]), textArgument(argv[3])});
    sqlite3_result_text(context, doc.constData(), static_cast<int>(doc.size()), SQLITE_TRANSIENT);
}

} // namespace

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
    const int rc = sqlite3_create_function_v2(sqlite, "outpost_search_doc", 4, flags, nullptr, &searchDocument, nullptr,
                                              nullptr, nullptr);
    if (rc != SQLITE_OK)
        return makeError(QStringLiteral("cannot register SQL functions: ") + QString::fromUtf8(sqlite3_errstr(rc)));
    return {};
}

} // namespace outpost
