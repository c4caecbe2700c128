#include "storage/LeadIndexWriter.h"

#include "domain/Lead.h"
#include "storage/Database.h"
#include "storage/NewLeadEntries.h"
#include "storage/SlaBuckets.h"

#include <QSqlError>
#include <QSqlQuery>

namespace outpost {

namespace {

// What the search index holds for one lead row `l` (SearchDocument::build).
#define SEARCH_DOC                                                                                                     \
    "outpost_search_doc(l.name, l.phone, l.email, "                                                                    \
    "(SELECT group_concat(value, char(10)) FROM json_each(l.tags) WHERE type = 'text'))"
#define PAGE "l.id IN (SELECT value FROM json_each(?1))"

// The search statement comes first in kDetach and kAttach: a deferred search
// index skips it.
constexpr int kSearchStatements = 1;

const char kDeferredKey[] = "search.deferred";
const char kBuiltUpToKey[] = "search.built_upto";
const char kBuiltRowsKey[] = "search.built_rows";

const char *const kDetach[] = {
    "INSERT INTO leads_search (leads_search, rowid, doc) SELECT 'delete', l.id, " SEARCH_DOC
    " FROM leads l WHERE " PAGE,
    "DELETE FROM lead_tags WHERE lead_id IN (SELECT value FROM json_each(?1))",
    "INSERT INTO lead_counts (status, n) SELECT l.status, -count(*) FROM leads l WHERE " PAGE
    " GROUP BY l.status ON CONFLICT (status) DO UPDATE SET n = n + excluded.n",
    SlaBuckets::kDetachPage,
};

const char *const kAttach[] = {
    "INSERT INTO leads_search (rowid, doc) SELECT l.id, " SEARCH_DOC " FROM leads l WHERE " PAGE,
    "INSERT OR IGNORE INTO lead_tags (tag, lead_id) SELECT j.value, l.id FROM leads l, json_each(l.tags) j "
    "WHERE j.type = 'text' AND " PAGE,
    "INSERT INTO lead_counts (status, n) SELECT l.status, count(*) FROM leads l WHERE " PAGE
    " GROUP BY l.status ON CONFLICT (status) DO UPDATE SET n = n + excluded.n",
    SlaBuckets::kAttachPage,
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

Result<void> LeadIndexWriter::attachNew(const QList<const Lead *> &leads)
{
    QList<qint64> ids;
    ids.reserve(leads.size());
    for (const Lead *lead : leads)
        ids.append(lead->id);
    sqlite3 *handle = m_db.handle();
    if (!handle)
        return attach(ids);
    auto r = runMaybeDeferred(kAttach, kSearchStatements, ids);
    if (r)
        r = NewLeadEntries::write(handle, leads);
    return r;
}

Result<void> LeadIndexWriter::runMaybeDeferred(const char *const *statements, int count, const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return {};
    if (!m_progress) {
        auto progress = searchProgress(m_db);
        if (!progress)
            return progress.error();
        m_progress = *progress;
    }
    if (!m_progress->deferred)
        return run(statements, count, ids);
    // Leads the deferred build already reached stay in step with their rows.
    QList<qint64> built;
    for (qint64 id : ids) {
        if (id <= m_progress->builtUpTo)
            built << id;
    }
    auto r = run(statements, kSearchStatements, built);
    if (!r)
        return r;
    return run(statements + kSearchStatements, count - kSearchStatements, ids);
}

Result<bool> LeadIndexWriter::searchDeferred()
{
    if (!m_progress) {
        auto progress = searchProgress(m_db);
        if (!progress)
            return progress.error();
        m_progress = *progress;
    }
    return m_progress->deferred;
}

Result<bool> LeadIndexWriter::searchDeferred(Database &db)
{
    auto progress = searchProgress(db);
    if (!progress)
        return progress.error();
    return progress->deferred;
}

Result<LeadIndexWriter::SearchProgress> LeadIndexWriter::searchProgress(Database &db)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT key, value FROM meta WHERE key IN (?, ?, ?)")))
        return makeError(QStringLiteral("cannot read the search index state: ") + q.lastError().databaseText());
    q.bindValue(0, QString::fromLatin1(kDeferredKey));
    q.bindValue(1, QString::fromLatin1(kBuiltUpToKey));
    q.bindValue(2, QString::fromLatin1(kBuiltRowsKey));
    auto r = Database::exec(q, "read the search index state");
    if (!r)
        return r.error();
    SearchProgress progress;
    while (q.next()) {
        const QString key = q.value(0).toString();
        if (key == QLatin1StringView(kDeferredKey))
            progress.deferred = true;
        else if (key == QLatin1StringView(kBuiltUpToKey))
            progress.builtUpTo = q.value(1).toLongLong();
        else
            progress.builtRows = q.value(1).toLongLong();
    }
    if (!progress.deferred)
        return SearchProgress();
    return progress;
}

namespace {

Result<void> setMeta(Database &db, const char *key, const QVariant &value)
{
    QSqlQuery q(db.connection());
    if (!q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")))
        return makeError(QStringLiteral("cannot save the search index state: ") + q.lastError().databaseText());
    q.bindValue(0, QString::fromLatin1(key));
    q.bindValue(1, value);
    return Database::exec(q, "save the search index state");
}

Result<void> forgetMeta(Database &db, const char *key)
{
    QSqlQuery q(db.connection());
    if (!q.prepare(QStringLiteral("DELETE FROM meta WHERE key = ?")))
        return makeError(QStringLiteral("cannot finish the search index: ") + q.lastError().databaseText());
    q.bindValue(0, QString::fromLatin1(key));
    return Database::exec(q, "finish the search index");
}

} // namespace

Result<void> LeadIndexWriter::deferSearch()
{
    // A deferral starts from nothing built: the first chunk clears what the
    // indexes held before (entries of leads changed since would be stale).
    auto r = setMeta(m_db, kDeferredKey, 1);
    if (r)
        r = forgetMeta(m_db, kBuiltUpToKey);
    if (r)
        r = forgetMeta(m_db, kBuiltRowsKey);
    if (r)
        m_progress = SearchProgress{true, 0, 0};
    return r;
}

Result<qint64> LeadIndexWriter::indexSearchChunk(Database &db, int maxLeads)
{
    auto progress = searchProgress(db);
    if (!progress)
        return progress.error();
    if (!progress->deferred)
        return 0;
    if (progress->builtUpTo <= 0) {
        if (auto r = db.execute(QStringLiteral("INSERT INTO leads_search (leads_search) VALUES ('delete-all')"),
                                "clear the search index");
            !r)
            return r.error();
    }
    QSqlQuery range(db.connection());
    range.setForwardOnly(true);
    if (!range.prepare(
            QStringLiteral("SELECT max(id), count(*) FROM (SELECT id FROM leads WHERE id > ? ORDER BY id LIMIT ?)")))
        return makeError(QStringLiteral("cannot plan the search index: ") + range.lastError().databaseText());
    range.bindValue(0, progress->builtUpTo);
    range.bindValue(1, maxLeads);
    if (auto r = Database::exec(range, "plan the search index"); !r)
        return r.error();
    const qint64 last = range.next() ? range.value(0).toLongLong() : 0;
    const qint64 rows = range.value(1).toLongLong();
    range.finish();
    if (rows == 0) {
        for (const char *key : {kDeferredKey, kBuiltUpToKey, kBuiltRowsKey}) {
            if (auto r = forgetMeta(db, key); !r)
                return r.error();
        }
        return 0;
    }
    QSqlQuery q(db.connection());
    if (!q.prepare(QStringLiteral("INSERT INTO leads_search (rowid, doc) SELECT l.id, " SEARCH_DOC
                                  " FROM leads l WHERE l.id > ?1 AND l.id <= ?2")))
        return makeError(QStringLiteral("cannot build the search index: ") + q.lastError().databaseText());
    q.bindValue(0, progress->builtUpTo);
    q.bindValue(1, last);
    if (auto r = Database::exec(q, "build the search index"); !r)
        return r.error();
    auto r = setMeta(db, kBuiltUpToKey, last);
    if (r)
        r = setMeta(db, kBuiltRowsKey, progress->builtRows + rows);
    if (!r)
        return r.error();
    return rows;
}

Result<void> LeadIndexWriter::rebuildTagsAndCounts(Database &db)
{
    const char *const statements[] = {
        "DELETE FROM lead_tags",
        "DELETE FROM lead_counts",
        "INSERT OR IGNORE INTO lead_tags (tag, lead_id) SELECT j.value, l.id FROM leads l, json_each(l.tags) j "
        "WHERE j.type = 'text'",
        "INSERT INTO lead_counts (status, n) SELECT status, count(*) FROM leads GROUP BY status",
    };
    for (const char *sql : statements) {
        auto r = db.execute(QString::fromLatin1(sql), "rebuild the lead tags and counts");
        if (!r)
            return r;
    }
    return {};
}

Result<void> LeadIndexWriter::rebuildSearch(Database &db)
{
    const char *const statements[] = {
        "INSERT INTO leads_search (leads_search) VALUES ('delete-all')",
        "INSERT INTO leads_search (rowid, doc) SELECT l.id, " SEARCH_DOC " FROM leads l",
        // Whole now: a deferred build in progress would add its rows twice.
        "DELETE FROM meta WHERE key IN ('search.deferred', 'search.built_upto', 'search.built_rows')",
    };
    for (const char *sql : statements) {
        auto r = db.execute(QString::fromLatin1(sql), "rebuild the search index");
        if (!r)
            return r;
    }
    return {};
}

Result<void> LeadIndexWriter::rebuildSearchSoon(Database &db)
{
    // A big cache would hold the opening of the app for many seconds: its index
    // is built like a first fill's, in chunks, with progress, and resumable.
    constexpr qint64 kInlineUpTo = 50000;
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM leads LIMIT %1)").arg(kInlineUpTo + 1)) ||
        !q.next())
        return makeError(QStringLiteral("cannot count the cached leads: ") + q.lastError().databaseText());
    const qint64 leads = q.value(0).toLongLong();
    q.finish();
    if (leads <= kInlineUpTo)
        return rebuildSearch(db);
    return LeadIndexWriter(db).deferSearch();
}

Result<void> LeadIndexWriter::rebuildAll(Database &db)
{
    auto r = rebuildTagsAndCounts(db);
    if (r)
        r = rebuildSearch(db);
    return r;
}

} // namespace outpost
