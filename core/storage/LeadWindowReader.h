#pragma once

#include "common/Result.h"
#include "domain/Lead.h"
#include "storage/LeadQuery.h"

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

private:
    Result<sqlite3_stmt *> statement(const QString &sql);
    void clearStatements();

    sqlite3 *m_handle;
    std::unordered_map<QString, sqlite3_stmt *> m_statements;
};

} // namespace outpost
