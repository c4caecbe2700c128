#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace outpost {

// A statement prepared on the raw SQLite handle, for the bulk writes where
// Qt's driver (a QVariant per value, text bound as UTF-16) costs more than
// SQLite's own work. Writes go through Database::beforeRawWrite, so the test
// hook that fails the n-th write counts them like any other.
class RawStatement
{
public:
    static Result<RawStatement> prepare(sqlite3 *handle, const char *sql);

    sqlite3_stmt *get() const { return m_statement.get(); }
    // Binds text as UTF-8; a null QString binds NULL, as Qt's driver does.
    void bindText(int column, const QString &text);
    // Binds UTF-8 text kept by the statement until the column's next bind, not copied by SQLite.
    void bindUtf8(int column, QByteArray utf8);
    // Runs the bound statement once, then resets it for the next values.
    Result<void> step(const char *what);

private:
    struct Finalizer
    {
        void operator()(sqlite3_stmt *statement) const;
    };

    RawStatement(sqlite3 *handle, sqlite3_stmt *statement);

    sqlite3 *m_handle = nullptr;
    // Declared before the statement, so they outlive its finalization.
    QList<QByteArray> m_texts;
    std::unique_ptr<sqlite3_stmt, Finalizer> m_statement;
};

} // namespace outpost
