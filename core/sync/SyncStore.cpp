#include "sync/SyncStore.h"

#include "outbox/PendingEdits.h"
#include "storage/Database.h"
#include "storage/LeadIndexWriter.h"
#include "storage/LeadSortIndexes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace outpost {

namespace {

// Set while a full scan that began with no lead cached runs: it has nothing
// to remove at its end, so it need not remember the leads it saw.
const QString kScanFromEmpty = QStringLiteral("scan.from_empty");

qint64 msecs(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QString idsJson(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

Result<QSqlQuery> run(Database &db, const QString &sql, const QVariantList &values, const char *what)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return makeError(QStringLiteral("cannot %1: %2").arg(QLatin1StringView(what), q.lastError().text()));
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    auto r = Database::exec(q, what);
    if (!r)
        return r.error();
    return q;
}

// Runs `work` in one transaction: all of it or none.
template <typename T, typename Work>
Result<T> inTransaction(Database &db, Work work)
{
    auto began = db.begin();
    if (!began)
        return began.error();
    Result<T> result = work();
    if (!result) {
        db.rollback();
        return result;
    }
    auto committed = db.commit();
    if (!committed)
        return committed.error();
    return result;
}

} // namespace

SyncStore::SyncStore(Database &db)
    : m_db(db)
    , m_leads(db)
{}

Result<QHash<qint64, SyncStore::Versions>> SyncStore::cachedVersions(const QList<Lead> &leads)
{
    QList<qint64> ids;
    ids.reserve(leads.size());
    for (const Lead &lead : leads)
        ids.append(lead.id);
    auto q = run(m_db,
                 QStringLiteral("SELECT l.id, l.updated_at, ifnull(l.last_message_at, 0), "
                                "l.details_updated_at IS NOT NULL FROM json_each(?) j JOIN leads l ON l.id = j.value"),
                 {idsJson(ids)}, "read cached lead versions");
    if (!q)
        return q.error();
    QHash<qint64, Versions> versions;
    while (q->next())
        versions.insert(q->value(0).toLongLong(),
                        Versions{q->value(1).toLongLong(), q->value(2).toLongLong(), q->value(3).toBool()});
    return versions;
}

Result<SyncStore::Applied> SyncStore::applyPage(const LeadsPage &page, const PageContext &context)
{
    return inTransaction<Applied>(m_db, [&] { return applyWithinTransaction(page, context); });
}

Result<SyncStore::Applied> SyncStore::applyWithinTransaction(const LeadsPage &page, const PageContext &context)
{
    if (context.scanning) {
        auto deferred = deferSearchIfNearlyEmpty();
        if (!deferred)
            return deferred.error();
    }
    auto cached = cachedVersions(page.leads);
    if (!cached)
        return cached.error();
    Applied applied;
    QList<const Lead *> due;
    QSet<qint64> changed;
    changed.reserve(page.leads.size());
    for (const Lead &lead : page.leads) {
        if (lead.updatedAt > applied.newest || !applied.newest.isValid())
            applied.newest = lead.updatedAt;
        const auto it = cached->constFind(lead.id);
        const bool isNew = it == cached->constEnd();
        const bool moved =
            !isNew && (msecs(lead.updatedAt) > it->updatedAt || msecs(lead.lastMessageAt) != it->lastMessageAt);
        if (!isNew && !moved)
            continue;
        if (!changed.contains(lead.id)) {
            changed.insert(lead.id);
            applied.changed.append(lead.id);
        }
        // Stale cached details are always refreshed; new leads when this run asks for it.
        if (context.detailsForChanged || (!isNew && it->hasDetails))
            due.append(&lead);
    }

    // The same read serves the lead writer: one lookup of the page, not two.
    QHash<qint64, qint64> cachedUpdatedAt;
    cachedUpdatedAt.reserve(cached->size());
    for (auto it = cached->cbegin(); it != cached->cend(); ++it)
        cachedUpdatedAt.insert(it.key(), it->updatedAt);
    auto r = m_leads.upsertWithinTransaction(page.leads, std::move(cachedUpdatedAt));
    if (r)
        r = keepPendingEdits(page.leads);
    if (r && !page.deleted.isEmpty()) {
        r = m_leads.removeWithinTransaction(page.deleted);
        applied.removed = page.deleted;
    }
    if (r)
        r = queueDetails(due, context.agent);
    if (r && context.scanning)
        r = rememberSeenUnlessFromEmpty(page.leads);
    if (r)
        r = setValueWithinTransaction(QStringLiteral("sync.cursor"), context.nextCursor);
    if (!r)
        return r.error();
    return applied;
}

Result<void> SyncStore::keepPendingEdits(const QList<Lead> &leads)
{
    QList<qint64> ids;
    ids.reserve(leads.size());
    for (const Lead &lead : leads)
        ids.append(lead.id);
    return PendingEdits(m_db).reapply(ids);
}

Result<void> SyncStore::deferSearchIfNearlyEmpty()
{
    // Below this many cached leads, rebuilding the whole search index at the
    // end of the scan costs less than maintaining it for every page.
    constexpr qint64 kDeferBelow = 1000;
    LeadIndexWriter index(m_db);
    auto deferred = index.searchDeferred();
    if (!deferred)
        return deferred.error();
    if (*deferred)
        return {};
    auto q = run(m_db, QStringLiteral("SELECT ifnull(sum(n), 0) FROM lead_counts"), {}, "count the cached leads");
    if (!q)
        return q.error();
    if (!q->next() || q->value(0).toLongLong() >= kDeferBelow)
        return {};
    q->finish();
    auto r = index.deferSearch();
    if (r)
        r = LeadSortIndexes::suspend(m_db);
    return r;
}

Result<bool> SyncStore::searchDeferred()
{
    auto build = searchBuild();
    if (!build)
        return build.error();
    return build->building;
}

Result<SyncStore::SearchBuild> SyncStore::buildDeferredSearchStep(int maxLeads)
{
    auto stepped = inTransaction<void>(m_db, [&]() -> Result<void> {
        // The sort indexes first, one per step: the list's other orders come
        // back before search does.
        auto suspended = LeadSortIndexes::suspended(m_db);
        if (!suspended)
            return suspended.error();
        if (*suspended)
            return LeadSortIndexes::restoreOne(m_db);
        auto indexed = LeadIndexWriter::indexSearchChunk(m_db, maxLeads);
        if (!indexed)
            return indexed.error();
        return {};
    });
    if (!stepped)
        return stepped.error();
    return searchBuild();
}

Result<void> SyncStore::buildDeferredSearch()
{
    constexpr int kStepLeads = 20000;
    for (;;) {
        auto step = buildDeferredSearchStep(kStepLeads);
        if (!step)
            return step.error();
        if (!step->building)
            return {};
    }
}

Result<SyncStore::SearchBuild> SyncStore::searchBuild(Database &db)
{
    auto progress = LeadIndexWriter::searchProgress(db);
    if (!progress)
        return progress.error();
    auto suspended = LeadSortIndexes::suspended(db);
    if (!suspended)
        return suspended.error();
    auto q = run(db, QStringLiteral("SELECT ifnull(sum(n), 0) FROM lead_counts"), {}, "count the cached leads");
    if (!q)
        return q.error();
    SearchBuild build;
    build.building = progress->deferred || *suspended;
    build.total = q->next() ? q->value(0).toLongLong() : 0;
    build.done = progress->deferred ? std::min(progress->builtRows, build.total) : build.total;
    return build;
}

Result<void> SyncStore::queueDetails(const QList<const Lead *> &leads, const QString &agent)
{
    if (leads.isEmpty())
        return {};
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO details_due (lead_id, mine, rank) VALUES (?, ?, ?)"));
    for (const Lead *lead : leads) {
        q.bindValue(0, lead->id);
        q.bindValue(1, !agent.isEmpty() && lead->assignedAgent == agent ? 1 : 0);
        q.bindValue(2, std::max(msecs(lead->updatedAt), msecs(lead->lastMessageAt)));
        auto r = Database::exec(q, "queue a lead's details");
        if (!r)
            return r;
    }
    return {};
}

Result<void> SyncStore::rememberSeenUnlessFromEmpty(const QList<Lead> &leads)
{
    auto fromEmpty = value(kScanFromEmpty);
    if (!fromEmpty)
        return fromEmpty.error();
    return *fromEmpty == QLatin1String("1") ? Result<void>() : rememberSeen(leads);
}

Result<void> SyncStore::rememberSeen(const QList<Lead> &leads)
{
    QList<qint64> ids;
    for (const Lead &lead : leads)
        ids.append(lead.id);
    auto q = run(m_db, QStringLiteral("INSERT OR IGNORE INTO scan_seen (lead_id) SELECT value FROM json_each(?)"),
                 {idsJson(ids)}, "remember the leads a scan saw");
    if (!q)
        return q.error();
    return {};
}

Result<QList<qint64>> SyncStore::removeUnseen()
{
    return inTransaction<QList<qint64>>(m_db, [&]() -> Result<QList<qint64>> {
        auto fromEmpty = value(kScanFromEmpty);
        if (!fromEmpty)
            return fromEmpty.error();
        if (*fromEmpty == QLatin1String("1")) {
            // Every cached lead came from this scan: none of them is gone.
            if (auto r = setValueWithinTransaction(kScanFromEmpty, QString()); !r)
                return r.error();
            return QList<qint64>();
        }
        auto q = run(m_db, QStringLiteral("SELECT id FROM leads WHERE id NOT IN (SELECT lead_id FROM scan_seen)"), {},
                     "find leads a complete scan did not see");
        if (!q)
            return q.error();
        QList<qint64> gone;
        while (q->next())
            gone.append(q->value(0).toLongLong());
        auto r = m_leads.removeWithinTransaction(gone);
        if (r)
            r = m_db.execute(QStringLiteral("DELETE FROM scan_seen"), "forget a finished scan");
        if (!r)
            return r.error();
        return gone;
    });
}

Result<void> SyncStore::clearScan()
{
    return inTransaction<void>(m_db, [&]() -> Result<void> {
        auto r = m_db.execute(QStringLiteral("DELETE FROM scan_seen"), "forget an abandoned scan");
        return r ? setValueWithinTransaction(kScanFromEmpty, QString()) : r;
    });
}

Result<void> SyncStore::startScan()
{
    return inTransaction<void>(m_db, [&]() -> Result<void> {
        auto r = m_db.execute(QStringLiteral("DELETE FROM scan_seen"), "forget an abandoned scan");
        if (!r)
            return r;
        auto cached = m_leads.totalCount();
        if (!cached)
            return cached.error();
        return setValueWithinTransaction(kScanFromEmpty, *cached == 0 ? QStringLiteral("1") : QString());
    });
}

Result<void> SyncStore::saveDetail(const LeadDetail &detail)
{
    return inTransaction<void>(m_db, [&]() -> Result<void> {
        auto r = m_leads.saveDetailWithinTransaction(detail);
        if (r)
            r = PendingEdits(m_db).reapply({detail.lead.id});
        if (!r)
            return r;
        auto q = run(m_db,
                     QStringLiteral("UPDATE leads SET details_updated_at = updated_at, "
                                    "details_message_at = last_message_at WHERE id = ?"),
                     {detail.lead.id}, "mark a lead's details as current");
        if (q)
            q = run(m_db, QStringLiteral("DELETE FROM details_due WHERE lead_id = ?"), {detail.lead.id},
                    "take a lead off the details queue");
        if (!q)
            return q.error();
        return {};
    });
}

Result<void> SyncStore::dropLead(qint64 id)
{
    return m_leads.remove({id});
}

Result<QList<qint64>> SyncStore::detailsDue(int limit)
{
    auto q = run(m_db, QStringLiteral("SELECT lead_id FROM details_due ORDER BY mine DESC, rank DESC LIMIT ?"), {limit},
                 "read the details queue");
    if (!q)
        return q.error();
    QList<qint64> ids;
    while (q->next())
        ids.append(q->value(0).toLongLong());
    return ids;
}

Result<qint64> SyncStore::detailsDueCount()
{
    auto q = run(m_db, QStringLiteral("SELECT count(*) FROM details_due"), {}, "count the details queue");
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<qint64> SyncStore::queueAllStaleDetails(const QString &agent)
{
    auto q = run(m_db,
                 QStringLiteral("INSERT OR IGNORE INTO details_due (lead_id, mine, rank) "
                                "SELECT id, ifnull(assigned_agent = ?, 0), max(updated_at, ifnull(last_message_at, 0)) "
                                "FROM leads WHERE details_updated_at IS NOT updated_at "
                                "OR details_message_at IS NOT last_message_at"),
                 {agent}, "queue stale details");
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

Result<void> SyncStore::saveSnapshot(const QString &name, const QJsonObject &body, const QDateTime &fetchedAt)
{
    auto q = run(m_db, QStringLiteral("INSERT OR REPLACE INTO snapshots (name, body, fetched_at) VALUES (?, ?, ?)"),
                 {name, QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact)), msecs(fetchedAt)},
                 "store a snapshot");
    if (!q)
        return q.error();
    return {};
}

Result<std::optional<SyncStore::Snapshot>> SyncStore::snapshot(const QString &name)
{
    auto q =
        run(m_db, QStringLiteral("SELECT body, fetched_at FROM snapshots WHERE name = ?"), {name}, "read a snapshot");
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Snapshot>();
    return std::optional<Snapshot>(Snapshot{QJsonDocument::fromJson(q->value(0).toString().toUtf8()).object(),
                                            QDateTime::fromMSecsSinceEpoch(q->value(1).toLongLong(), Qt::UTC)});
}

Result<QString> SyncStore::value(const QString &key)
{
    auto q = run(m_db, QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key}, "read the sync state");
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}

Result<void> SyncStore::setValue(const QString &key, const QString &value)
{
    return setValueWithinTransaction(key, value);
}

Result<void> SyncStore::setValueWithinTransaction(const QString &key, const QString &value)
{
    auto q = run(m_db, QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"), {key, value},
                 "save the sync state");
    if (!q)
        return q.error();
    return {};
}

} // namespace outpost
