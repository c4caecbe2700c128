#pragma once

#include "common/Result.h"
#include "domain/LeadDetail.h"
#include "storage/LeadQuery.h"

#include <QHash>
#include <QList>

#include <memory>
#include <optional>
#include <unordered_map>

class QSqlQuery;

namespace outpost {

class Database;

// The cached leads of one workspace and their details. Reads are short indexed
// queries (safe on the GUI thread); writes of a page happen in one transaction,
// all or nothing.
class LeadStore
{
public:
    // Fields whose distinct values the filter menus offer.
    enum class Field {
        Channel,
        Tag,
        Agent,
    };

    explicit LeadStore(Database &db);
    ~LeadStore();
    LeadStore(LeadStore &&) = default;

    // The connection it reads and writes through (for queries of its own, like the campaigns' audience).
    Database &database() { return m_db; }

    // Inserts or updates a page. A copy older than the cached one (by updated_at)
    // never overwrites it, so duplicates across pages are harmless.
    Result<void> upsert(const QList<Lead> &leads);
    Result<void> remove(const QList<qint64> &ids);
    // The lead and all of its messages, notes and appointments, in one transaction.
    Result<void> saveDetail(const LeadDetail &detail);
    // The same writes inside a transaction the caller holds, for callers that
    // write more in it (sync's page and its checkpoint: both or neither).
    Result<void> upsertWithinTransaction(const QList<Lead> &leads) { return upsertInTransaction(leads); }
    // The same, for a caller that has just read the cached updated_at of the
    // page's leads (id -> msecs; absent: not cached) in this transaction.
    Result<void> upsertWithinTransaction(const QList<Lead> &leads, QHash<qint64, qint64> cachedVersions)
    {
        return upsertInTransaction(leads, std::move(cachedVersions));
    }
    Result<void> removeWithinTransaction(const QList<qint64> &ids) { return removeInTransaction(ids); }
    Result<void> saveDetailWithinTransaction(const LeadDetail &detail);

    Result<std::optional<Lead>> lead(qint64 id);
    Result<std::optional<LeadDetail>> detail(qint64 id);
    // When the details of this lead were last stored (invalid: never).
    Result<QDateTime> detailsFetchedAt(qint64 id);

    Result<QList<Lead>> window(const LeadQuery &query);
    // The number of matches, at most `cap` when cap >= 0 (counting stops there).
    // Instant for no filter or a status alone: those counts are kept by triggers.
    Result<qint64> count(const LeadFilter &filter, qint64 cap = -1);
    Result<qint64> totalCount();
    // The cursors of the rows at positions every-1, 2*every-1, ... of the whole
    // sorted list (query.limit, offset and after are ignored): one pass over the
    // matches, so a view can later jump anywhere with a keyset seek plus a short
    // OFFSET. Slow on a big list: run it off the GUI thread. `idsInOrder`, when
    // given, receives every id of the list in its order from the same pass.
    Result<QList<LeadCursor>> sampleCursors(const LeadQuery &query, int every, QList<qint64> *idsInOrder = nullptr);
    Result<QHash<QString, qint64>> countsByStatus();
    // The distinct non-empty values of a field, sorted, at most `limit`. Tags
    // come from their index; channel and agent scan the table (run it off the
    // GUI thread on a big cache).
    Result<QStringList> distinctValues(Field field, int limit = 500);

private:
    Result<QSqlQuery *> cachedQuery(const QString &sql);
    Result<void> upsertInTransaction(const QList<Lead> &leads);
    Result<void> upsertInTransaction(const QList<Lead> &leads, QHash<qint64, qint64> versions);
    Result<void> removeInTransaction(const QList<qint64> &ids);
    Result<void> replaceDetailRows(const LeadDetail &detail);

    Database &m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

} // namespace outpost
