#pragma once

#include "common/Result.h"

#include <QSqlDatabase>
#include <QString>

class QSqlQuery;

struct sqlite3;

namespace outpost {

// One SQLite connection, owned by the thread that opened it. Every thread that
// touches a cache file opens its own Database (connections are never shared);
// WAL lets the GUI thread read while the sync thread writes.
class Database
{
public:
    Database() = default;
    ~Database();
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens or creates the file and migrates it to the latest schema.
    static Result<Database> open(const QString &path);
    // Opens without migrating: for the migration tests, which build old versions.
    static Result<Database> openRaw(const QString &path);

    bool isOpen() const { return m_db.isOpen(); }
    QString path() const { return m_path; }
    QSqlDatabase &connection() { return m_db; }

    // Runs a prepared statement; a failure becomes an Error with the statement's
    // own message (never the bound values: they may be personal data).
    static Result<void> exec(QSqlQuery &query, const char *what);
    // Runs one statement without parameters.
    Result<void> execute(const QString &sql, const char *what);

    Result<void> begin();
    Result<void> commit();
    void rollback();

    // The connection's own SQLite handle (nullptr if the driver hides it), for
    // the bulk paths where Qt's per-value wrapping costs more than SQLite's work.
    sqlite3 *handle();
    // Such a path calls this before each write statement it runs itself, so
    // that the test hook below counts (and can fail) it like any other.
    static Result<void> beforeRawWrite(const char *what);

#ifdef OUTPOST_TEST_HOOKS
    // Makes the n-th write statement from now on fail (1 = the next one); 0 disarms.
    static void failNthWrite(int n);
    static int writesSinceArmed();
#endif

private:
    static Result<Database> openConnection(const QString &path);
    void close();

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
};

} // namespace outpost
