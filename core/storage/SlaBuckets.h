#pragma once

namespace outpost {

// The dashboard's figures summed per hour of creation and per agent, so that
// the SLA and the overview over a million leads read a few thousand rows
// instead of joining every lead to its response facts (seconds).
//
// Kept exact without triggers on `leads` (they would slow ingest, see
// LeadIndexWriter): the lead writer subtracts a page's contributions before it
// rewrites the rows (kDetachPage) and adds them back after (kAttachPage), and
// the message triggers that keep `lead_activity` (never fired between the
// two) swap a lead's old response facts for its new ones. Every bucket is
// therefore the sum, over the leads created in that hour, of what each lead
// and its response facts contribute now.
//
// A lead's contribution: one lead; resolved (closed or lost) with its
// resolution span (updated_at - created_at) and whether it met the 24 h
// target; responded (a first incoming message and a reply after it) with the
// span and whether it met the 5 min target; open, waiting for a human (last
// message incoming), escalated and open; converted (booked or closed),
// escalated, resolved by the bot alone; its rating. NewLeadEntries computes
// the same in C++ for leads new to the cache: a change here changes it too.
class SlaBuckets
{
public:
    static constexpr long long bucketMs = 3600000;

// Columns of sla_buckets after the key, in order.
#define OUTPOST_SLA_FIGURES                                                                                            \
    "leads, resolved, resolution_ms, resolution_ok, responded, response_ms, response_ok, open_leads, waiting_human, "  \
    "escalated_open, converted, escalated, bot_resolved, rated, rating_sum"
#define OUTPOST_SLA_COLUMNS "hour, has_agent, agent, " OUTPOST_SLA_FIGURES
#define OUTPOST_SLA_RESOLVED "(l.status IN ('closed', 'lost'))"
#define OUTPOST_SLA_RESPONDED "(a.first_in_at IS NOT NULL AND a.first_out_at IS NOT NULL)"
// One bucket row per (hour, agent) of the leads `l` joined to their facts `a`;
// S is "" to add the contributions, "-" to take them away.
#define OUTPOST_SLA_VALUES(S)                                                                                          \
    "l.created_at / 3600000, l.assigned_agent IS NOT NULL, ifnull(l.assigned_agent, ''), " S "count(*), " S            \
    "sum(" OUTPOST_SLA_RESOLVED "), " S "sum(CASE WHEN " OUTPOST_SLA_RESOLVED                                          \
    " THEN l.updated_at - l.created_at ELSE 0 END), " S "sum(" OUTPOST_SLA_RESOLVED                                    \
    " AND l.updated_at - l.created_at <= 86400000), " S "sum(" OUTPOST_SLA_RESPONDED "), " S                           \
    "sum(CASE WHEN " OUTPOST_SLA_RESPONDED " THEN a.first_out_at - a.first_in_at ELSE 0 END), " S                      \
    "sum(" OUTPOST_SLA_RESPONDED " AND a.first_out_at - a.first_in_at <= 300000), " S "sum(NOT " OUTPOST_SLA_RESOLVED  \
    "), " S "sum(NOT " OUTPOST_SLA_RESOLVED " AND ifnull(a.last_in_at > coalesce(a.last_out_at, 0), 0)), " S           \
    "sum(NOT " OUTPOST_SLA_RESOLVED " AND l.escalated != 0), " S "sum(l.status IN ('booked', 'closed')), " S           \
    "sum(l.escalated != 0), " S "sum(" OUTPOST_SLA_RESOLVED                                                            \
    " AND l.escalated = 0 AND ifnull(a.human_replies, 0) = 0), " S "count(l.rating), " S "total(l.rating)"
#define OUTPOST_SLA_MERGE " GROUP BY 1, 2, 3" OUTPOST_SLA_UPSERT
#define OUTPOST_SLA_UPSERT                                                                                             \
    " ON CONFLICT (hour, has_agent, agent) DO UPDATE SET leads = leads + excluded.leads, "                             \
    "resolved = resolved + excluded.resolved, resolution_ms = resolution_ms + excluded.resolution_ms, "                \
    "resolution_ok = resolution_ok + excluded.resolution_ok, responded = responded + excluded.responded, "             \
    "response_ms = response_ms + excluded.response_ms, response_ok = response_ok + excluded.response_ok, "             \
    "open_leads = open_leads + excluded.open_leads, waiting_human = waiting_human + excluded.waiting_human, "          \
    "escalated_open = escalated_open + excluded.escalated_open, converted = converted + excluded.converted, "          \
    "escalated = escalated + excluded.escalated, bot_resolved = bot_resolved + excluded.bot_resolved, "                \
    "rated = rated + excluded.rated, rating_sum = rating_sum + excluded.rating_sum"
#define OUTPOST_SLA_JOIN "FROM leads l LEFT JOIN lead_activity a ON a.lead_id = l.id "
// Takes away (S "-") or adds (S "+") what the response facts of lead `ID`,
// as lead_activity holds them now, contribute to its bucket. Plain UPDATEs
// of an existing row: a conflict clause inside a trigger gives way to the
// outer statement's (messages are written with INSERT OR REPLACE).
#define OUTPOST_SLA_FACTS(S, ID)                                                                                       \
    "UPDATE sla_buckets SET (responded, response_ms, response_ok, waiting_human, bot_resolved) = (SELECT "             \
    "sla_buckets.responded " S " (" OUTPOST_SLA_RESPONDED "), sla_buckets.response_ms " S                              \
    " (CASE WHEN " OUTPOST_SLA_RESPONDED                                                                               \
    " THEN a.first_out_at - a.first_in_at ELSE 0 END), sla_buckets.response_ok " S " (" OUTPOST_SLA_RESPONDED          \
    " AND a.first_out_at - a.first_in_at <= 300000), sla_buckets.waiting_human " S " (NOT " OUTPOST_SLA_RESOLVED       \
    " AND ifnull(a.last_in_at > coalesce(a.last_out_at, 0), 0)), "                                                     \
    "sla_buckets.bot_resolved " S " (" OUTPOST_SLA_RESOLVED                                                            \
    " AND l.escalated = 0 AND ifnull(a.human_replies, 0) = 0) " OUTPOST_SLA_JOIN "WHERE l.id = " ID                    \
    ") WHERE (hour, has_agent, agent) = (SELECT l.created_at / 3600000, l.assigned_agent IS NOT NULL, "                \
    "ifnull(l.assigned_agent, '') FROM leads l WHERE l.id = " ID ");"

    static constexpr char kCreateTable[] = "CREATE TABLE sla_buckets ("
                                           "hour INTEGER NOT NULL, has_agent INTEGER NOT NULL, agent TEXT NOT NULL, "
                                           "leads INTEGER NOT NULL, resolved INTEGER NOT NULL, "
                                           "resolution_ms INTEGER NOT NULL, resolution_ok INTEGER NOT NULL, "
                                           "responded INTEGER NOT NULL, response_ms INTEGER NOT NULL, "
                                           "response_ok INTEGER NOT NULL, open_leads INTEGER NOT NULL, "
                                           "waiting_human INTEGER NOT NULL, escalated_open INTEGER NOT NULL, "
                                           "converted INTEGER NOT NULL, escalated INTEGER NOT NULL, "
                                           "bot_resolved INTEGER NOT NULL, rated INTEGER NOT NULL, "
                                           "rating_sum REAL NOT NULL, "
                                           "PRIMARY KEY (hour, has_agent, agent)) WITHOUT ROWID";
    // Everything the cache holds, once (the migration that adds the table).
    static constexpr char kFill[] =
        "INSERT INTO sla_buckets (" OUTPOST_SLA_COLUMNS
        ") SELECT " OUTPOST_SLA_VALUES("") " " OUTPOST_SLA_JOIN "WHERE true" OUTPOST_SLA_MERGE;
    static constexpr char kColumns[] = OUTPOST_SLA_COLUMNS;
    // Bucket-shaped rows of the leads created in [?, ?): the part of a
    // window that does not fill a whole bucket.
    static constexpr char kRowsCreatedBetween[] =
        "SELECT " OUTPOST_SLA_VALUES("") " " OUTPOST_SLA_JOIN
                                         "WHERE l.created_at >= ? AND l.created_at < ? GROUP BY 1, 2, 3";
    // Bound to ?1: the page's lead ids as a JSON array.
    static constexpr char kDetachPage[] =
        "INSERT INTO sla_buckets (" OUTPOST_SLA_COLUMNS
        ") SELECT " OUTPOST_SLA_VALUES("-") " " OUTPOST_SLA_JOIN
                                            "WHERE l.id IN (SELECT value FROM json_each(?1))" OUTPOST_SLA_MERGE;
    static constexpr char kAttachPage[] =
        "INSERT INTO sla_buckets (" OUTPOST_SLA_COLUMNS
        ") SELECT " OUTPOST_SLA_VALUES("") " " OUTPOST_SLA_JOIN
                                           "WHERE l.id IN (SELECT value FROM json_each(?1))" OUTPOST_SLA_MERGE;
    // Adds one bucket's sums, bound in the order of kColumns (NewLeadEntries).
    static constexpr char kAddRow[] =
        "INSERT INTO sla_buckets (" OUTPOST_SLA_COLUMNS
        ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" OUTPOST_SLA_UPSERT;
    // The message triggers of the "campaigns and analytics" migration, with
    // the lead's old facts taken out of its bucket before they change and the
    // new ones added after.
    static constexpr char kDropActivityOnInsert[] = "DROP TRIGGER lead_activity_on_insert";
    static constexpr char kDropActivityOnDelete[] = "DROP TRIGGER lead_activity_on_delete";
    static constexpr char kActivityOnInsert[] =
        "CREATE TRIGGER lead_activity_on_insert AFTER INSERT ON messages BEGIN " OUTPOST_SLA_FACTS(
            "-", "NEW.lead_id") " INSERT OR REPLACE INTO lead_activity "
                                "SELECT NEW.lead_id, a.fi, (SELECT min(sent_at) FROM messages "
                                "WHERE lead_id = NEW.lead_id AND direction = 'out' AND sent_at >= a.fi), a.li, a.lo, "
                                "a.hr FROM (SELECT min(CASE WHEN direction = 'in' THEN sent_at END) AS fi, "
                                "max(CASE WHEN direction = 'in' THEN sent_at END) AS li, "
                                "max(CASE WHEN direction = 'out' THEN sent_at END) AS lo, "
                                "coalesce(sum(direction = 'out' AND ifnull(author, '') != 'Bot'), 0) AS hr "
                                "FROM messages WHERE lead_id = NEW.lead_id) AS a; " OUTPOST_SLA_FACTS(
                                    "+", "NEW.lead_id") " END";
    static constexpr char kActivityOnDelete[] =
        "CREATE TRIGGER lead_activity_on_delete AFTER DELETE ON messages BEGIN " OUTPOST_SLA_FACTS(
            "-", "OLD.lead_id") " DELETE FROM lead_activity WHERE lead_id = OLD.lead_id AND NOT EXISTS "
                                "(SELECT 1 FROM messages WHERE lead_id = OLD.lead_id); " OUTPOST_SLA_FACTS(
                                    "+", "OLD.lead_id") " END";

#undef OUTPOST_SLA_FACTS
#undef OUTPOST_SLA_MERGE
#undef OUTPOST_SLA_UPSERT
#undef OUTPOST_SLA_VALUES
#undef OUTPOST_SLA_RESPONDED
#undef OUTPOST_SLA_RESOLVED
#undef OUTPOST_SLA_JOIN
#undef OUTPOST_SLA_COLUMNS
#undef OUTPOST_SLA_FIGURES
};

} // namespace outpost
