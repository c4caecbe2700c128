#include "storage/Migrations.h"

#include "common/Logging.h"
#include "storage/Database.h"
#include "storage/LeadIndexWriter.h"
#include "storage/SlaBuckets.h"

#include <QSqlQuery>

#include <vector>

namespace outpost {

namespace {

struct Migration
{
    const char *name;
    std::vector<const char *> statements;
    // Runs after the statements, in the same transaction.
    Result<void> (*after)(Database &) = nullptr;
};

// Version N is reached by applying kMigrations[0..N-1]. Never edit a shipped
// migration: add a new one.
const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> list = {
        {"leads",
         {
             R"(CREATE TABLE leads (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL,
                  phone TEXT NOT NULL DEFAULT '',
                  email TEXT,
                  status TEXT NOT NULL,
                  channel TEXT NOT NULL DEFAULT '',
                  source TEXT,
                  tags TEXT NOT NULL DEFAULT '[]',
                  assigned_agent TEXT,
                  escalated INTEGER NOT NULL DEFAULT 0,
                  score INTEGER,
                  rating REAL,
                  created_at INTEGER NOT NULL,
                  updated_at INTEGER NOT NULL,
                  last_message_at INTEGER))",
             "CREATE INDEX leads_by_updated ON leads(updated_at, id)",
             "CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID",
         }},
        {"search, tags, counts and sort indexes",
         {
             // Derived from leads and kept by LeadIndexWriter in the same transaction,
             // not by triggers: FTS5 flushes its pending terms at every statement
             // savepoint, and a trigger makes one per row (12x slower ingest).
             // Tag filter: one row per (tag, lead).
             "CREATE TABLE lead_tags (tag TEXT NOT NULL, lead_id INTEGER NOT NULL, PRIMARY KEY (tag, lead_id)) "
             "WITHOUT ROWID",
             "CREATE INDEX lead_tags_by_lead ON lead_tags(lead_id)",
             // Exact counts per status without a COUNT(*) over a million rows.
             "CREATE TABLE lead_counts (status TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID",
             // Substrings of 3+ characters, in any column, any script, case-insensitive.
             // Contentless: what is indexed is computed in C++ (tags one per line,
             // control characters as spaces), not read back from leads.
             "CREATE VIRTUAL TABLE leads_fts USING fts5(name, phone, email, tags, content='', "
             "tokenize='trigram')",
             // Word prefixes of 1-2 characters: the trigram index cannot answer those.
             "CREATE VIRTUAL TABLE leads_words USING fts5(name, phone, email, tags, content='', "
             "tokenize='unicode61 remove_diacritics 2', prefix='1 2')",
             // Keyset windows for every sortable column, and the pipeline columns.
             "CREATE INDEX leads_by_created ON leads(created_at, id)",
             "CREATE INDEX leads_by_status ON leads(status, updated_at, id)",
             "CREATE INDEX leads_by_name ON leads(name COLLATE NOCASE, id)",
             "CREATE INDEX leads_by_last_message ON leads(ifnull(last_message_at, 0), id)",
         },
         // Whatever a version-1 file already holds joins the new structures (its
         // search index is built by the "one search index" migration below).
         &LeadIndexWriter::rebuildTagsAndCounts},
        {"lead details",
         {
             R"(CREATE TABLE messages (
                  lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
                  id TEXT NOT NULL,
                  direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
                  author TEXT,
                  text TEXT NOT NULL,
                  channel TEXT,
                  sent_at INTEGER NOT NULL,
                  UNIQUE (lead_id, id)))",
             "CREATE INDEX messages_by_time ON messages(lead_id, sent_at)",
             R"(CREATE TABLE notes (
                  lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
                  id TEXT NOT NULL,
                  author TEXT,
                  text TEXT NOT NULL,
                  created_at INTEGER NOT NULL,
                  UNIQUE (lead_id, id)))",
             R"(CREATE TABLE appointments (
                  lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
                  id TEXT NOT NULL,
                  datetime TEXT NOT NULL,
                  service TEXT,
                  status TEXT,
                  UNIQUE (lead_id, id)))",
             // When the details were last fetched: sync compares it with updated_at.
             "ALTER TABLE leads ADD COLUMN details_fetched_at INTEGER",
         }},
        {"sync state",
         {
             // The lead's updated_at and last_message_at when its details were
             // stored: details are due again when either moves on.
             "ALTER TABLE leads ADD COLUMN details_updated_at INTEGER",
             "ALTER TABLE leads ADD COLUMN details_message_at INTEGER",
             // Leads whose details sync should fetch, the agent's own first, newest first.
             R"(CREATE TABLE details_due (
                  lead_id INTEGER PRIMARY KEY REFERENCES leads(id) ON DELETE CASCADE,
                  mine INTEGER NOT NULL DEFAULT 0,
                  rank INTEGER NOT NULL))",
             "CREATE INDEX details_due_order ON details_due(mine DESC, rank DESC)",
             // Ids seen by a full scan in progress: what a complete scan did not see is gone.
             "CREATE TABLE scan_seen (lead_id INTEGER PRIMARY KEY)",
             // Overview, funnel, SLA and campaigns as last fetched.
             "CREATE TABLE snapshots (name TEXT PRIMARY KEY, body TEXT NOT NULL, fetched_at INTEGER NOT NULL) "
             "WITHOUT ROWID",
         }},
        {"campaigns and analytics",
         {
             // Per lead, what its messages say about response times (the service's own
             // definitions): kept by triggers, because details arrive one lead at a time
             // and the dashboard must not aggregate millions of messages per look.
             R"(CREATE TABLE lead_activity (
                  lead_id INTEGER PRIMARY KEY REFERENCES leads(id) ON DELETE CASCADE,
                  first_in_at INTEGER,
                  first_out_at INTEGER,
                  last_in_at INTEGER,
                  last_out_at INTEGER,
                  human_replies INTEGER NOT NULL DEFAULT 0))",
             R"(CREATE TRIGGER lead_activity_on_insert AFTER INSERT ON messages BEGIN
                  INSERT OR REPLACE INTO lead_activity
                  SELECT NEW.lead_id, a.fi,
                         (SELECT min(sent_at) FROM messages
                           WHERE lead_id = NEW.lead_id AND direction = 'out' AND sent_at >= a.fi),
                         a.li, a.lo, a.hr
                    FROM (SELECT min(CASE WHEN direction = 'in' THEN sent_at END) AS fi,
                                 max(CASE WHEN direction = 'in' THEN sent_at END) AS li,
                                 max(CASE WHEN direction = 'out' THEN sent_at END) AS lo,
                                 coalesce(sum(direction = 'out' AND ifnull(author, '') != 'Bot'), 0) AS hr
                            FROM messages WHERE lead_id = NEW.lead_id) AS a;
                END)",
             R"(CREATE TRIGGER lead_activity_on_delete AFTER DELETE ON messages BEGIN
                  DELETE FROM lead_activity WHERE lead_id = OLD.lead_id
                     AND NOT EXISTS (SELECT 1 FROM messages WHERE lead_id = OLD.lead_id);
                END)",
             // Details cached before this version join at once.
             R"(INSERT OR REPLACE INTO lead_activity
                  SELECT a.lead_id, a.fi,
                         (SELECT min(sent_at) FROM messages m
                           WHERE m.lead_id = a.lead_id AND m.direction = 'out' AND m.sent_at >= a.fi),
                         a.li, a.lo, a.hr
                    FROM (SELECT lead_id,
                                 min(CASE WHEN direction = 'in' THEN sent_at END) AS fi,
                                 max(CASE WHEN direction = 'in' THEN sent_at END) AS li,
                                 max(CASE WHEN direction = 'out' THEN sent_at END) AS lo,
                                 coalesce(sum(direction = 'out' AND ifnull(author, '') != 'Bot'), 0) AS hr
                            FROM messages GROUP BY lead_id) AS a)",
             // Campaigns this app created (origin 'local') and those the service listed
             // (origin 'server'). send_key is the Idempotency-Key of the one send:
             // written before the request, so a send that may have happened is asked
             // again with the same key, never blindly repeated.
             R"(CREATE TABLE campaigns (
                  local_id INTEGER PRIMARY KEY,
                  server_id INTEGER UNIQUE,
                  origin TEXT NOT NULL DEFAULT 'local',
                  name TEXT NOT NULL,
                  filters TEXT NOT NULL DEFAULT '{}',
                  message TEXT NOT NULL,
                  status TEXT NOT NULL DEFAULT 'draft',
                  created_at INTEGER NOT NULL,
                  sent_at INTEGER,
                  queued INTEGER,
                  create_key TEXT,
                  send_key TEXT,
                  stats TEXT,
                  stats_at INTEGER,
                  last_error TEXT))",
         }},
        {"outbox",
         {
             // Every change a person makes to server state, in the order made,
             // written with its optimistic change to the cache (OutboxStore).
             R"(CREATE TABLE outbox (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  op TEXT NOT NULL,
                  lead_ids TEXT NOT NULL DEFAULT '[]',
                  payload TEXT NOT NULL,
                  idempotency_key TEXT NOT NULL UNIQUE,
                  base TEXT NOT NULL DEFAULT '{}',
                  state TEXT NOT NULL DEFAULT 'pending',
                  attempts INTEGER NOT NULL DEFAULT 0,
                  last_error TEXT,
                  created_at INTEGER NOT NULL,
                  updated_at INTEGER NOT NULL,
                  first_sent_at INTEGER,
                  probe TEXT,
                  conflict TEXT,
                  result TEXT,
                  local_ref TEXT))",
             "CREATE INDEX outbox_by_state ON outbox(state, id)",
             // The leads a row changes: per-lead order, and "pending" marks in lists.
             R"(CREATE TABLE outbox_targets (
                  lead_id INTEGER NOT NULL,
                  row_id INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
                  PRIMARY KEY (lead_id, row_id)) WITHOUT ROWID)",
             "CREATE INDEX outbox_targets_by_row ON outbox_targets(row_id)",
         }},
        {"webhook replay ids",
         {
             // Ids of accepted webhook events, so a replay is refused across a
             // restart of the receiver; pruned once older than the tolerance allows.
             "CREATE TABLE webhook_events (id TEXT PRIMARY KEY, received_at INTEGER NOT NULL) WITHOUT ROWID",
             "CREATE INDEX webhook_events_by_time ON webhook_events(received_at)",
         }},
        {"status sort index",
         {
             // The list sorted by status reads windows keyed by (status, id):
             // leads_by_status is keyed by (status, updated_at, id) for the
             // pipeline, and with it every window sorted whole statuses (seconds).
             "CREATE INDEX leads_by_status_id ON leads(status, id)",
         }},
        {"one search index",
         {
             // One trigram index instead of a trigram and a word index: word starts
             // of 1-2 characters are marked tokens in the same text
             // (SearchDocument), so ingest tokenizes each lead once and a query of
             // any length is one FTS lookup. One column: nothing searches a field
             // alone, and each field on its own line keeps matches inside a field.
             // The rowid is the lead id, the list's default order (newest first):
             // the first matches stream out of the index without a sort.
             "DROP TABLE leads_fts",
             "DROP TABLE leads_words",
             "CREATE VIRTUAL TABLE leads_search USING fts5(doc, content='', tokenize='trigram')",
         },
         &LeadIndexWriter::rebuildSearchSoon},
        {"dashboard buckets",
         {
             // The SLA and overview summed per hour of creation and agent (SlaBuckets).
             SlaBuckets::kCreateTable,
             SlaBuckets::kFill,
             SlaBuckets::kDropActivityOnInsert,
             SlaBuckets::kDropActivityOnDelete,
             SlaBuckets::kActivityOnInsert,
             SlaBuckets::kActivityOnDelete,
         }},
        {"campaign audience indexes",
         {
             // The campaign builder's preview at a million leads: each filter
             // column walked in lead id order (the order the service sends in,
             // so the first matches end the walk), with the date filters
             // checked in the index without reading the lead's row.
             "CREATE INDEX leads_audience_by_status ON leads(status, id, created_at, last_message_at)",
             "CREATE INDEX leads_audience_by_channel ON leads(channel, id, created_at, last_message_at)",
             "CREATE INDEX leads_audience_by_source ON leads(source, id, created_at, last_message_at)",
             "CREATE INDEX leads_audience_by_agent ON leads(assigned_agent, id, created_at, last_message_at)",
         }},
        {"campaign audience covering indexes",
         {
             // Each audience index also holds the other filter columns: a walk
             // of one filter's leads checks every other filter in the index
             // (tens of nanoseconds a lead) instead of reading the lead's row
             // (about a microsecond), so even a filter set that matches almost
             // nobody out of 150,000 walked leads answers in a few ms.
             "DROP INDEX IF EXISTS leads_audience_by_status",
             "DROP INDEX IF EXISTS leads_audience_by_channel",
             "DROP INDEX IF EXISTS leads_audience_by_source",
             "DROP INDEX IF EXISTS leads_audience_by_agent",
             "CREATE INDEX leads_audience_by_status ON leads(status, id, channel, source, assigned_agent, created_at, "
             "last_message_at)",
             "CREATE INDEX leads_audience_by_channel ON leads(channel, id, status, source, assigned_agent, created_at, "
             "last_message_at)",
             "CREATE INDEX leads_audience_by_source ON leads(source, id, status, channel, assigned_agent, created_at, "
             "last_message_at)",
             "CREATE INDEX leads_audience_by_agent ON leads(assigned_agent, id, status, channel, source, created_at, "
             "last_message_at)",
         }},
    };
    return list;
}

} // namespace

int Migrations::latestVersion()
{
    return static_cast<int>(migrations().size());
}

Result<int> Migrations::currentVersion(Database &db)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return makeError(QStringLiteral("cannot read the schema version of %1").arg(db.path()));
    return q.value(0).toInt();
}

Result<void> Migrations::migrate(Database &db, int target)
{
    if (target < 0)
        target = latestVersion();
    auto current = currentVersion(db);
    if (!current)
        return current.error();
    if (*current > latestVersion())
        return makeError(QStringLiteral("the cache %1 was written by a newer Outpost (schema %2; this one knows up "
                                        "to %3): it was left untouched")
                             .arg(db.path())
                             .arg(*current)
                             .arg(latestVersion()));

    for (int version = *current; version < target; ++version) {
        const Migration &m = migrations().at(static_cast<size_t>(version));
        qCInfo(lcStorage) << "migrating" << db.path() << "to version" << version + 1 << m.name;
        auto began = db.begin();
        if (!began)
            return began.error();
        for (const char *sql : m.statements) {
            auto r = db.execute(QString::fromUtf8(sql), "migrate the cache");
            if (!r) {
                db.rollback();
                return makeError(QStringLiteral("migration %1 (%2) failed: %3")
                                     .arg(version + 1)
                                     .arg(QLatin1StringView(m.name), r.error().message));
            }
        }
        if (m.after) {
            auto r = m.after(db);
            if (!r) {
                db.rollback();
                return makeError(QStringLiteral("migration %1 (%2) failed: %3")
                                     .arg(version + 1)
                                     .arg(QLatin1StringView(m.name), r.error().message));
            }
        }
        auto bumped = db.execute(QStringLiteral("PRAGMA user_version = %1").arg(version + 1), "migrate the cache");
        if (!bumped) {
            db.rollback();
            return bumped.error();
        }
        auto committed = db.commit();
        if (!committed)
            return committed.error();
    }
    return {};
}

} // namespace outpost
