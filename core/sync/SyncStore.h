#pragma once

#include "common/Result.h"
#include "domain/LeadDetail.h"
#include "domain/LeadsPage.h"
#include "storage/LeadStore.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace outpost {

class Database;

// What the sync engine writes to a workspace's cache, each step in one
// transaction with its checkpoint: a killed sync resumes where it stopped and
// never leaves a half-applied page.
class SyncStore
{
public:
    // How a page is applied.
    struct PageContext
    {
        // Part of a full scan: its ids are remembered, to find what vanished.
        bool scanning = false;
        // Leads new or changed by this page get their details fetched.
        bool detailsForChanged = false;
        // The agent's own leads are fetched first.
        QString agent;
        // Saved with the page: where to resume (empty: the run is complete).
        QString nextCursor;
    };
    struct Applied
    {
        QList<qint64> changed; // inserted or updated
        QList<qint64> removed;
        QDateTime newest; // the largest updated_at in the page
    };
    struct Snapshot
    {
        QJsonObject body;
        QDateTime fetchedAt;
    };

    explicit SyncStore(Database &db);

    Result<Applied> applyPage(const LeadsPage &page, const PageContext &context);
    // After a complete scan: removes every cached lead it did not see.
    Result<QList<qint64>> removeUnseen();
    // Before a full scan's first page: forgets any earlier scan, and notes
    // whether the cache is empty (then there is nothing to find gone).
    Result<void> startScan();
    Result<void> clearScan();

    // A full scan into a cache with (almost) no leads defers the search index
    // and suspends the optional sort indexes (see LeadIndexWriter and
    // LeadSortIndexes), and builds them once at the end, a step at a time: each
    // step is one short transaction, so that other writers (a person's edit)
    // get their turn in between, and a run killed or cancelled during the build
    // resumes it where it stopped. Until done, search misses the leads not
    // reached yet: searchBuild() says how far it is, for anyone to show.
    struct SearchBuild
    {
        bool building = false; // false: the index is whole
        qint64 done = 0;       // leads indexed so far (all of them when whole)
        qint64 total = 0;      // leads in the cache
    };
    Result<bool> searchDeferred();
    // One step of the build: a sort index, or up to `maxLeads` leads of the
    // search index. Returns the state after it.
    Result<SearchBuild> buildDeferredSearchStep(int maxLeads);
    // Every step to the end (each still its own transaction).
    Result<void> buildDeferredSearch();
    Result<SearchBuild> searchBuild() { return searchBuild(m_db); }
    // Readable from any connection (models on the GUI thread).
    static Result<SearchBuild> searchBuild(Database &db);

    // Details: stores them, marks them current, takes the lead off the queue.
    Result<void> saveDetail(const LeadDetail &detail);
    // A 404: the lead is gone from the service.
    Result<void> dropLead(qint64 id);
    Result<QList<qint64>> detailsDue(int limit);
    Result<qint64> detailsDueCount();
    // Queues every lead whose cached details are missing or stale.
    Result<qint64> queueAllStaleDetails(const QString &agent);

    Result<void> saveSnapshot(const QString &name, const QJsonObject &body, const QDateTime &fetchedAt);
    Result<std::optional<Snapshot>> snapshot(const QString &name);

    // Small named values of the sync state (the `meta` table).
    Result<QString> value(const QString &key);
    Result<void> setValue(const QString &key, const QString &value);

    LeadStore &leads() { return m_leads; }

private:
    struct Versions
    {
        qint64 updatedAt = 0;
        qint64 lastMessageAt = 0;
        bool hasDetails = false;
    };
    Result<QHash<qint64, Versions>> cachedVersions(const QList<Lead> &leads);
    Result<Applied> applyWithinTransaction(const LeadsPage &page, const PageContext &context);
    Result<void> queueDetails(const QList<const Lead *> &leads, const QString &agent);
    Result<void> rememberSeen(const QList<Lead> &leads);
    Result<void> rememberSeenUnlessFromEmpty(const QList<Lead> &leads);
    // The service's copies are stored; queued edits stay visible over them.
    Result<void> keepPendingEdits(const QList<Lead> &leads);
    Result<void> setValueWithinTransaction(const QString &key, const QString &value);
    Result<void> deferSearchIfNearlyEmpty();

    Database &m_db;
    LeadStore m_leads;
};

} // namespace outpost
