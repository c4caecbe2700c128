#include "storage/LeadIndexWriter.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace outpost {

namespace {

// The indexed columns of one lead row `l`, in the order of the FTS tables.
#define SEARCH_COLUMNS                                                                                                 \
    "l.id, outpost_search_text(l.name), outpost_search_text(l.phone), outpost_search_text(l.email), "                  \
    "(SELECT group_concat(outpost_search_text(value), char(10)) FROM json_each(l.tags) WHERE type = 'text')"
#define PAGE "l.id IN (SELECT value FROM json_each(?1))"

// The search statements come first in kDetach and kAttach: a deferred search
// index skips them.
constexpr int kSearchStatements = 2;

const char kDeferredKey[] = "search.deferred";

const char *const kDetach[] = {
    "INSERT INTO leads_fts (leads_fts, rowid, name, phone, email, tags) SELECT 'delete', " SEARCH_COLUMNS
    " FROM leads l WHERE " PAGE,
    "INSERT INTO leads_words (leads_words, rowid, name, phone, email, tags) SELECT 'delete', " SEARCH_COLUMNS
    " FROM leads l WHERE " PAGE,
    "DELETE FROM lead_tags WHERE lead_id IN (SELECT value FROM json_each(?1))",
    "INSERT INTO lead_counts (status, n) SELECT l.status, -count(*) FROM leads l WHERE " PAGE
    " GROUP BY l.status ON CONFLICT (status) DO UPDATE SET n = n + excluded.n",
};

const char *const kAttach[] = {
    "INSERT INTO leads_fts (rowid, name, phone, email, tags) SELECT " SEARCH_COLUMNS " FROM leads l WHERE " PAGE,
    "INSERT INTO leads_words (rowid, name, phone, email, tags) SELECT " SEARCH_COLUMNS " FROM leads l WHERE " PAGE,
    "INSERT OR IGNORE INTO lead_tags (tag, lead_id) SELECT j.value, l.id FROM leads l, json_each(l.tags) j "
    "WHERE j.type = 'text' AND " PAGE,
    "INSERT INTO lead_counts (status, n) SELECT l.status, count(*) FROM leads l WHERE " PAGE
    " GROUP BY l.status ON CONFLICT (status) DO UPDATE SET n = n + excluded.n",
};

QString idsJson(const QList<qint64> &ids)
{
    QString json = QStringLiteral("[");
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i)
            json += QLatin1Char(',');
        json += QString::number(ids.at(i));
    }
    return json + QLatin1Char(']');
}

} // namespace

LeadIndexWriter::LeadIndexWriter(Database &db)
    : m_db(db)
{}

Result<void> LeadIndexWriter::run(const char *const *statements, int count, const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return {};
    const QString json = idsJson(ids);
    for (int i = 0; i < count; ++i) {
        QSqlQuery q(m_db.connection());
        if (!q.prepare(QString::fromLatin1(statements[i])))
            return makeError(QStringLiteral("cannot prepare the search index: ") + q.lastError().databaseText());
        q.bindValue(0, json);
        auto r = Database::exec(q, "update the search index");
        if (!r)
            return r;
    }
    return {};
}

Result<void> LeadIndexWriter::detach(const QList<qint64> &ids)
{
    return runMaybeDeferred(kDetach, static_cast<int>(std::size(kDetach)), ids);
}

Result<void> LeadIndexWriter::attach(const QList<qint64> &ids)
{
    return runMaybeDeferred(kAttach, static_cast<int>(std::size(kAttach)), ids);
}

Result<void> LeadIndexWriter::runMaybeDeferred(const char *const *statements, int count, const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return {};
    auto deferred = searchDeferred();
    if (!deferred)
        return deferred.error();
    if (*deferred)
        return run(statements + kSearchStatements, count - kSearchStatements, ids);
    return run(statements, count, ids);
}

Result<bool> LeadIndexWriter::searchDeferred()
{
    if (!m_deferred) {
        auto deferred = searchDeferred(m_db);
        if (!deferred)
            return deferred;
        m_deferred = *deferred;
    }
    return *m_deferred;
}

Result<bool> LeadIndexWriter::searchDeferred(Database &db)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT 1 FROM meta WHERE key = ?")))
        return makeError(QStringLiteral("cannot read the search index state: ") + q.lastError().databaseText());
    q.bindValue(0, QString::fromLatin1(kDeferredKey));
    auto r = Database::exec(q, "read the search index state");
    if (!r)
        return r.error();
    return q.next();
}

Result<void> LeadIndexWriter::deferSearch()
{
    QSqlQuery q(m_db.connection());
    if (!q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, 1)")))
        return makeError(QStringLiteral("cannot defer the search index: ") + q.lastError().databaseText());
    q.bindValue(0, QString::fromLatin1(kDeferredKey));
    auto r = Database::exec(q, "defer the search index");
    if (r)
        m_deferred = true;
    return r;
}

Result<void> LeadIndexWriter::rebuildSearch(Database &db)
{
    const char *const statements[] = {
        "INSERT INTO leads_fts (leads_fts) VALUES ('delete-all')",
        "INSERT INTO leads_words (leads_words) VALUES ('delete-all')",
        "INSERT INTO leads_fts (rowid, name, phone, email, tags) SELECT " SEARCH_COLUMNS " FROM leads l",
        "INSERT INTO leads_words (rowid, name, phone, email, tags) SELECT " SEARCH_COLUMNS " FROM leads l",
    };
    for (const char *sql : statements) {
        auto r = db.execute(QString::fromLatin1(sql), "build the search index");
        if (!r)
            return r;
    }
    QSqlQuery done(db.connection());
    if (!done.prepare(QStringLiteral("DELETE FROM meta WHERE key = ?")))
        return makeError(QStringLiteral("cannot finish the search index: ") + done.lastError().databaseText());
    done.bindValue(0, QString::fromLatin1(kDeferredKey));
    return Database::exec(done, "finish the search index");
}

Result<void> LeadIndexWriter::rebuildAll(Database &db)
{
    const char *const statements[] = {
        "INSERT INTO leads_fts (leads_fts) VALUES ('delete-all')",
        "INSERT INTO leads_words (leads_words) VALUES ('delete-all')",
        "DELETE FROM lead_tags",
        "DELETE FROM lead_counts",
        "INSERT INTO leads_fts (rowid, name, phone, email, tags) SELECT " SEARCH_COLUMNS " FROM leads l",
        "INSERT INTO leads_words (rowid, name, phone, email, tags) SELECT " SEARCH_COLUMNS " FROM leads l",
        "INSERT OR IGNORE INTO lead_tags (tag, lead_id) SELECT j.value, l.id FROM leads l, json_each(l.tags) j "
        "WHERE j.type = 'text'",
        "INSERT INTO lead_counts (status, n) SELECT status, count(*) FROM leads GROUP BY status",
    };
    for (const char *sql : statements) {
        auto r = db.execute(QString::fromLatin1(sql), "rebuild the search index");
        if (!r)
            return r;
    }
    return {};
}

} // namespace outpost
