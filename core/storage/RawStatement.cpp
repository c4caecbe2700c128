#include "storage/RawStatement.h"

#include "storage/Database.h"

#include <sqlite3.h>

namespace outpost {

void RawStatement::Finalizer::operator()(sqlite3_stmt *statement) const
{
    sqlite3_finalize(statement);
}

RawStatement::RawStatement(sqlite3 *handle, sqlite3_stmt *statement)
    : m_handle(handle)
    , m_statement(statement)
{}

Result<RawStatement> RawStatement::prepare(sqlite3 *handle, const char *sql)
{
    sqlite3_stmt *prepared = nullptr;
    if (sqlite3_prepare_v2(handle, sql, -1, &prepared, nullptr) != SQLITE_OK)
        return makeError(QStringLiteral("cannot prepare a cache query: ") + QString::fromUtf8(sqlite3_errmsg(handle)));
    return RawStatement(handle, prepared);
}

void RawStatement::bindText(int column, const QString &text)
{
    if (text.isNull()) {
        sqlite3_bind_null(get(), column);
        return;
    }
    bindUtf8(column, text.toUtf8());
}

void RawStatement::bindUtf8(int column, QByteArray utf8)
{
    if (column >= m_texts.size())
        m_texts.resize(column + 1);
    // Bound before the previous text of the column is freed: the statement never points at freed memory.
    std::swap(m_texts[column], utf8);
    const QByteArray &kept = m_texts.at(column);
    sqlite3_bind_text(get(), column, kept.constData(), static_cast<int>(kept.size()), SQLITE_STATIC);
}

Result<void> RawStatement::step(const char *what)
{
    auto allowed = Database::beforeRawWrite(what);
    if (!allowed)
        return allowed;
    const int rc = sqlite3_step(get());
    sqlite3_reset(get());
    if (rc != SQLITE_DONE)
        return makeError(
            QStringLiteral("cannot %1: %2").arg(QLatin1StringView(what), QString::fromUtf8(sqlite3_errmsg(m_handle))));
    return {};
}

} // namespace outpost
