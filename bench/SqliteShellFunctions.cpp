// A loadable extension for the sqlite3 shell with Outpost's SQL functions, so
// the benchmarks' floors run exactly the statements the app runs:
//   .load bench/liboutpost_sqlite_functions outpost_sqlite_functions_init
#include "storage/SqlFunctions.h"

#include <QtGlobal>

#include <sqlite3.h>

extern "C" Q_DECL_EXPORT int outpost_sqlite_functions_init(sqlite3 *db, char **, const void *)
{
    return outpost::SqlFunctions::registerOn(db) ? SQLITE_OK : SQLITE_ERROR;
}
