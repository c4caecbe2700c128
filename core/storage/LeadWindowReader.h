#pragma once

#include "common/Result.h"
#include "domain/Lead.h"
#include "storage/LeadQuery.h"
#include "storage/LeadSql.h"

#include <QList>
#include <QString>

#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace outpost {

class Database;

// Reads windows of leads (LeadSql::select) through the connection's own
// sqlite3 handle, its statements prepared once and kept: the lead list reads
// one on every keystroke and every scroll, and QSqlQuery's cached result (a
// QVariant per cell, text converted to UTF-16 inside SQLite) cost more than
// the query. The same rows as LeadStore::window. Destroy it before the
// Database it reads.
class LeadWindowReader
{
public:
    explicit LeadWindowReader(Database &db);
    ~LeadWindowReader();
    LeadWindowReader(const LeadWindowReader &) = delete;
    LeadWindowReader &operator=(const LeadWindowReader &) = delete;

    Result<QList<Lead>> window(const LeadQuery &query);

    // The first window of a list and its count up to `cap` + 1: what a search
    // needs on each keystroke. A rare term's matches are all in the window, and
    // then they are counted there rather than by a second walk of the FTS index.
    struct FirstPage
    {
        qint64 matches = 0; // at most cap + 1
        QList<Lead> rows;   // the first query.limit of them, in order
    };
    Result<FirstPage> firstPage(const LeadQuery &query, qint64 cap);

private:
    Result<sqlite3_stmt *> statement(const QString &sql);
    // Prepares (or reuses) and binds; the caller steps and then calls done().
    Result<sqlite3_stmt *> bound(const LeadSql::Statement &sql);
    Result<void> done(sqlite3_stmt *st, int rc);
    void clearStatements();

    sqlite3 *m_handle;
    std::unordered_map<QString, sqlite3_stmt *> m_statements;
};

} // namespace outpost
