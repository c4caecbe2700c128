#include "sync/SyncEngine.h"

#include "common/Logging.h"
#include "domain/LeadCodec.h"
#include "sync/SyncLock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QTimer>

#include <utility>

#ifdef Q_OS_UNIX
#include <time.h>
#endif

namespace outpost {

namespace {

const QString kRun = QStringLiteral("sync.run");
const QString kSince = QStringLiteral("sync.since");
const QString kCursor = QStringLiteral("sync.cursor");
const QString kRunNewest = QStringLiteral("sync.run_newest");
const QString kHighWater = QStringLiteral("sync.high_water");
const QString kUpdatedSince = QStringLiteral("sync.updated_since");
const QString kLastSync = QStringLiteral("sync.last_sync_at");
const QString kFull = QStringLiteral("full");
const QString kIncremental = QStringLiteral("incremental");
// A full scan asks for everything changed since the epoch: a server that
// understands updated_since says so with a `deleted` list, one that does not
// ignores the parameter and answers the plain list.
const QString kEpoch = QStringLiteral("1970-01-01T00:00:00Z");
// Incremental runs start a little before the newest change seen, so a lead
// written in the same second as the last one seen is not missed.
constexpr qint64 kOverlapMs = 1000;
// Pages collected into one write: at most this many leads, or this long.
constexpr qsizetype kBatchLeads = 2000;
constexpr qint64 kBatchMs = 250;
// The first fill of an empty cache: nobody is looking at changed leads yet, and
// a transaction's fixed cost (statements, commit) is what limits the rate when
// pages come slowly, so it writes bigger batches (measured: 200 leads per
// transaction cost 2.4x the CPU of 2,000 per lead). 10,000 leads rewrite the
// pages every batch touches (dashboard buckets, tag and index pages) half as
// often as 5,000: 61-66k leads/s instead of 42-61k, for a write of about
// 160 ms instead of 100 that a person's edit may wait behind.
constexpr qsizetype kFirstFillBatchLeads = 10000;
constexpr qint64 kFirstFillBatchMs = 2000;
// A deferred search index is built this many leads per transaction, with a
// pause between two: long enough for a writer waiting on the lock (a person's
// edit, polling with its busy timeout) to take its turn.
constexpr int kSearchStepLeads = 5000;
constexpr int kSearchStepPauseMs = 20;

struct SnapshotEndpoint
{
    const char *name;
    const char *path;
    const char *query;
};

constexpr SnapshotEndpoint kSnapshots[] = {
    {"overview", "/overview", ""},
    {"funnel", "/analytics/summary", ""},
    {"sla", "/sla", "days=30"},
    {"campaigns", "/campaigns", ""},
};

double threadCpuMs()
{
#if defined(Q_OS_UNIX) && defined(CLOCK_THREAD_CPUTIME_ID)
    timespec now{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) == 0)
        return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
#endif
    return 0;
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

SyncEngine::SyncEngine(QString cachePath, QString lockPath, ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_cachePath(std::move(cachePath))
    , m_lockPath(std::move(lockPath))
    , m_api(api)
{
    qRegisterMetaType<SyncOptions>();
    qRegisterMetaType<SyncEngine::State>();
    qRegisterMetaType<SyncEngine::Outcome>();
    qRegisterMetaType<QList<qint64>>();
}

// The client may already be gone (it is often a sibling destroyed first); its
// callbacks are tied to this object and stop with it.
SyncEngine::~SyncEngine() = default;

Result<void> SyncEngine::openStore()
{
    if (m_store)
        return {};
    auto db = Database::open(m_cachePath);
    if (!db)
        return db.error();
    m_db.emplace(std::move(db).value());
    // This connection writes in bulk. A bigger page cache keeps a batch's index
    // pages in memory, and a checkpoint every 64 MB of WAL instead of every 4 MB
    // halves the commit cost of a full sync (each checkpoint syncs the file).
    // Both only tune speed: a connection that refuses them still works.
    for (const char *pragma : {"PRAGMA cache_size=-32768", "PRAGMA wal_autocheckpoint=16384"})
        (void)m_db->execute(QString::fromLatin1(pragma), "tune the sync connection");
    m_store = std::make_unique<SyncStore>(*m_db);
    return {};
}

namespace {

QString describeHolder(QLockFile &lock)
{
    qint64 pid = 0;
    QString host, app;
    lock.getLockInfo(&pid, &host, &app);
    return SyncEngine::tr("%1 (process %2 on %3)")
        .arg(app.isEmpty() ? SyncEngine::tr("another program") : app)
        .arg(pid)
        .arg(host);
}

} // namespace

QString SyncEngine::lockHolder(const QString &lockPath)
{
    QLockFile lock(lockPath);
    if (SyncLock::tryLock(lock)) {
        lock.unlock();
        return {};
    }
    return describeHolder(lock);
}

bool SyncEngine::acquireLock(QString *holder)
{
    QDir().mkpath(QFileInfo(m_lockPath).absolutePath());
    m_lock = std::make_unique<QLockFile>(m_lockPath);
    // A sync may hold the lock for hours: only a dead holder makes it stale.
    if (SyncLock::tryLock(*m_lock))
        return true;
    *holder = describeHolder(*m_lock);
    m_lock.reset();
    return false;
}

void SyncEngine::start(const SyncOptions &options)
{
    if (isRunning())
        return;
    m_options = options;
    m_run = Run();
    m_stats = Stats();
    ++m_runId;
    if (auto opened = openStore(); !opened) {
        end(Outcome::Failed, opened.error().message);
        return;
    }
    QString holder;
    if (!acquireLock(&holder)) {
        end(Outcome::Locked,
            tr("Another Outpost is syncing this workspace: %1. This one shows the cache as it is.").arg(holder));
        return;
    }
    if (auto planned = planRun(); !planned) {
        failWith(Outcome::Failed, planned.error().message);
        return;
    }
    setState(State::Listing);
    if (m_run.kind == kFull) {
        // A full scan goes on deferring a search index an earlier scan left deferred.
        requestPage();
        return;
    }
    // Anything else first makes good an index an earlier scan left deferred.
    buildSearchThen([this] { requestPage(); });
}

Result<void> SyncEngine::planRun()
{
    auto kind = m_store->value(kRun);
    auto since = m_store->value(kSince);
    auto cursor = m_store->value(kCursor);
    auto highWater = m_store->value(kHighWater);
    auto support = m_store->value(kUpdatedSince);
    auto newest = m_store->value(kRunNewest);
    for (const auto *r : {&kind, &since, &cursor, &highWater, &support, &newest}) {
        if (!*r)
            return r->error();
    }
    const bool resumable = !kind->isEmpty() && !(m_options.full && *kind != kFull);
    if (resumable) {
        // A run that was killed or cancelled goes on from its checkpoint.
        m_run.kind = *kind;
        m_run.since = *since;
        m_run.cursor = *cursor;
        m_run.newest = QDateTime::fromString(*newest, Qt::ISODateWithMs);
        m_run.firstPage = m_run.cursor.isEmpty();
        qCInfo(lcSync) << "resuming a" << m_run.kind << "sync";
        return {};
    }
    const QDateTime high = QDateTime::fromString(*highWater, Qt::ISODateWithMs);
    if (m_options.full || !high.isValid() || *support == QLatin1String("no")) {
        m_run.kind = kFull;
        m_run.since = *support == QLatin1String("no") ? QString() : kEpoch;
        auto started = m_store->startScan();
        if (!started)
            return started;
    } else {
        m_run.kind = kIncremental;
        m_run.since = isoTime(high.addMSecs(-kOverlapMs));
    }
    for (const auto &[key, value] :
         {std::pair{kRun, m_run.kind}, {kSince, m_run.since}, {kCursor, QString()}, {kRunNewest, QString()}}) {
        auto saved = m_store->setValue(key, value);
        if (!saved)
            return saved;
    }
    return {};
}

quint64 SyncEngine::send(ApiRequest request, std::function<void(const ApiResult &)> done)
{
    auto ticket = std::make_shared<quint64>(0);
    *ticket = m_api->send(std::move(request), this, [this, ticket, done = std::move(done)](const ApiResult &result) {
        m_tickets.remove(*ticket);
        if (!m_stopping)
            done(result);
    });
    m_tickets.insert(*ticket);
    m_stats.requests++;
    return *ticket;
}

bool SyncEngine::stopIfOutOfRequests()
{
    if (m_options.maxRequests <= 0 || m_stats.requests < m_options.maxRequests)
        return false;
    failWith(Outcome::OutOfRequests,
             tr("Stopped after %n request(s), as asked; the next sync resumes here.", nullptr, m_stats.requests));
    return true;
}

void SyncEngine::requestPage()
{
    if (stopIfOutOfRequests())
        return;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_options.pageSize));
    if (!m_run.cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), m_run.cursor);
    if (!m_run.since.isEmpty())
        query.addQueryItem(QStringLiteral("updated_since"), m_run.since);
    send(ApiRequest::get(QStringLiteral("/leads"), query, RequestPriority::List),
         [this](const ApiResult &result) { onPage(result); });
}

void SyncEngine::onPage(const ApiResult &result)
{
    if (m_state != State::Listing)
        return;
    if (!result) {
        if (result.error().kind == ApiError::Kind::BadRequest && !m_run.cursor.isEmpty()) {
            // A cursor the server no longer accepts (expired, or the server was
            // reset): resuming from it would fail forever, so the next run starts over.
            for (const QString &key : {kRun, kSince, kCursor, kRunNewest})
                m_store->setValue(key, QString());
            m_store->clearScan();
            failWith(Outcome::Failed, tr("The server refused the saved page cursor (%1); the next sync starts over.")
                                          .arg(result.error().message));
            return;
        }
        fail(result.error(), tr("Listing leads failed"));
        return;
    }
    auto page = LeadCodec::pageFromJson(result.value());
    if (!page) {
        failWith(Outcome::Failed, tr("The server's list of leads could not be read: %1").arg(page.error().message));
        return;
    }
    if (m_run.firstPage && !m_run.since.isEmpty()) {
        // Learnt once per workspace: does this server understand updated_since?
        m_store->setValue(kUpdatedSince, page->listsDeleted ? QStringLiteral("yes") : QStringLiteral("no"));
    }
    if (!page->nextCursor.isEmpty() && page->nextCursor == m_run.cursor) {
        failWith(Outcome::Failed, tr("The server sent the same page twice (cursor repeated); listing stopped."));
        return;
    }
    // The next page is on its way while this one is written: network and disk overlap.
    const bool more = !page->nextCursor.isEmpty();
    const bool mayAskMore = more && !(m_options.maxRequests > 0 && m_stats.requests >= m_options.maxRequests);
    if (mayAskMore) {
        m_run.cursor = page->nextCursor;
        requestPage();
    }
    // Without a cursor a server gives one page; when that page is full, or the
    // total says there is more, what the scan did not see may still exist.
    if (!more && ((page->total && m_run.seen + page->leads.size() < *page->total) ||
                  (m_run.firstPage && page->leads.size() >= m_options.pageSize)))
        m_run.incomplete = true;
    m_run.firstPage = false;
    m_run.seen += page->leads.size();
    if (m_run.pendingPages == 0)
        m_run.pendingSince.start();
    m_run.pending.leads += page->leads;
    m_run.pending.deleted += page->deleted;
    m_run.pending.total = page->total;
    m_run.pending.nextCursor = page->nextCursor;
    m_run.pendingPages++;
    // Pages that come fast are written together: one transaction and one set of
    // index segments for many pages is what keeps ingest fast.
    const qsizetype batchLeads = m_run.firstFill ? kFirstFillBatchLeads : kBatchLeads;
    const qint64 batchMs = m_run.firstFill ? kFirstFillBatchMs : kBatchMs;
    const bool keepCollecting =
        mayAskMore && m_run.pending.leads.size() < batchLeads && m_run.pendingSince.elapsed() < batchMs;
    if (keepCollecting || !flushPending())
        return;
    if (!more)
        finishListing();
    else if (!mayAskMore)
        stopIfOutOfRequests();
}

bool SyncEngine::flushPending()
{
    LeadsPage page = std::exchange(m_run.pending, LeadsPage());
    const int pages = std::exchange(m_run.pendingPages, 0);
    SyncStore::PageContext context;
    context.scanning = m_run.kind == kFull;
    context.detailsForChanged = m_run.kind == kIncremental || m_options.details == SyncOptions::Details::All;
    context.agent = m_options.agent;
    context.nextCursor = page.nextCursor;
    QElapsedTimer applying;
    applying.start();
    const double cpuBefore = threadCpuMs();
    auto applied = m_store->applyPage(page, context);
    m_stats.applyMs += applying.elapsed();
    m_stats.applyCpuMs += threadCpuMs() - cpuBefore;
    if (!applied) {
        failWith(Outcome::Failed, tr("The cache could not store a page of leads: %1").arg(applied.error().message));
        return false;
    }
    if (context.scanning) {
        auto deferred = m_store->searchDeferred();
        m_run.firstFill = deferred && *deferred;
    }
    m_run.pages += pages;
    m_run.done += page.leads.size();
    m_stats.pages = m_run.pages;
    m_stats.leads = m_run.done;
    m_run.changed += applied->changed.size();
    m_run.removed += applied->removed.size();
    if (page.total)
        m_run.total = std::max(*page.total, m_run.done);
    if (applied->newest.isValid() && (!m_run.newest.isValid() || applied->newest > m_run.newest)) {
        m_run.newest = applied->newest;
        m_store->setValue(kRunNewest, isoTime(m_run.newest));
    }
    emit progress(m_run.done, std::max(m_run.total, m_run.done));
    const QList<qint64> touched = applied->changed + applied->removed;
    if (!touched.isEmpty())
        emit leadsChanged(touched);
    // A slot connected to a signal above may have cancelled the run.
    return m_state == State::Listing;
}

void SyncEngine::buildSearchThen(std::function<void()> then)
{
    auto deferred = m_store->searchDeferred();
    if (!deferred) {
        failWith(Outcome::Failed, tr("The search index could not be built: %1").arg(deferred.error().message));
        return;
    }
    if (!*deferred) {
        then();
        return;
    }
    buildSearchStep(m_runId, std::move(then));
}

void SyncEngine::buildSearchStep(quint64 run, std::function<void()> then)
{
    if (run != m_runId || !isRunning())
        return; // cancelled: the next run resumes the build
    QElapsedTimer building;
    building.start();
    auto build = m_store->buildDeferredSearchStep(kSearchStepLeads);
    m_stats.indexMs += building.elapsed();
    if (!build) {
        failWith(Outcome::Failed, tr("The search index could not be built: %1").arg(build.error().message));
        return;
    }
    emit searchIndexProgress(build->done, build->total);
    if (run != m_runId || !isRunning())
        return; // a slot connected to the signal cancelled the run
    if (!build->building) {
        then();
        return;
    }
    QTimer::singleShot(kSearchStepPauseMs, this,
                       [this, run, then = std::move(then)]() mutable { buildSearchStep(run, std::move(then)); });
}

void SyncEngine::finishListing()
{
    if (m_run.kind == kFull && m_run.incomplete) {
        m_store->clearScan();
        const QString message = tr("The server lists only %n lead(s) and offers no paging; leads beyond those are not "
                                   "synced and none is removed.",
                                   nullptr, int(m_run.done));
        m_run.warnings << message;
        emit warning(message);
    } else if (m_run.kind == kFull) {
        // Only a scan that reached the end may conclude that a lead is gone.
        auto gone = m_store->removeUnseen();
        if (!gone) {
            failWith(Outcome::Failed, gone.error().message);
            return;
        }
        m_run.removed += gone->size();
        if (!gone->isEmpty())
            emit leadsChanged(*gone);
    }
    auto previous = m_store->value(kHighWater);
    const QDateTime high = previous ? QDateTime::fromString(*previous, Qt::ISODateWithMs) : QDateTime();
    if (m_run.newest.isValid() && (!high.isValid() || m_run.newest > high))
        m_store->setValue(kHighWater, isoTime(m_run.newest));
    for (const QString &key : {kRun, kSince, kCursor, kRunNewest})
        m_store->setValue(key, QString());
    // The listing is complete and saved: a build cut short from here on is
    // resumed by whatever run comes next.
    buildSearchThen([this] { afterListing(); });
}

void SyncEngine::afterListing()
{
    if (m_options.snapshots)
        fetchSnapshots();
    else
        startDetails();
}

void SyncEngine::fetchSnapshots()
{
    setState(State::Snapshots);
    m_run.snapshotsPending = int(std::size(kSnapshots));
    for (const SnapshotEndpoint &endpoint : kSnapshots) {
        const QString name = QString::fromLatin1(endpoint.name);
        send(ApiRequest::get(QString::fromLatin1(endpoint.path), QUrlQuery(QString::fromLatin1(endpoint.query)),
                             RequestPriority::List),
             [this, name](const ApiResult &result) { onSnapshot(name, result); });
    }
}

void SyncEngine::onSnapshot(const QString &name, const ApiResult &result)
{
    if (m_state != State::Snapshots)
        return;
    const QString feature = QStringLiteral("feature.") + name;
    if (result) {
        m_store->saveSnapshot(name, result.value(), QDateTime::currentDateTimeUtc());
        m_store->setValue(feature, QString());
    } else if (result.error().kind == ApiError::Kind::Forbidden) {
        // Not in this plan: remembered, explained, never an error dialog.
        m_store->setValue(feature, result.error().message);
    } else if (result.error().kind == ApiError::Kind::Unauthorized) {
        fail(result.error(), tr("Refreshing %1 failed").arg(name));
        return;
    } else {
        const QString message = tr("Refreshing %1 failed: %2").arg(name, result.error().describe());
        m_run.warnings << message;
        emit warning(message);
    }
    if (--m_run.snapshotsPending == 0)
        startDetails();
}

void SyncEngine::startDetails()
{
    if (m_options.details == SyncOptions::Details::None) {
        complete();
        return;
    }
    if (m_options.details == SyncOptions::Details::All)
        m_store->queueAllStaleDetails(m_options.agent);
    auto due = m_store->detailsDueCount();
    m_run.detailsTotal = due ? *due : 0;
    setState(State::Details);
    emit progress(0, m_run.detailsTotal);
    pumpDetails();
}

void SyncEngine::pumpDetails()
{
    if (m_state != State::Details)
        return;
    const int room = m_options.detailsInFlight - int(m_run.detailsInFlight.size());
    if (room > 0) {
        const int wanted = room + int(m_run.detailsInFlight.size() + m_run.detailsSkipped.size());
        auto due = m_store->detailsDue(wanted);
        if (!due) {
            failWith(Outcome::Failed, due.error().message);
            return;
        }
        int started = 0;
        for (qint64 id : std::as_const(*due)) {
            if (started == room)
                break;
            if (m_run.detailsInFlight.isEmpty() && stopIfOutOfRequests())
                return;
            if (m_options.maxRequests > 0 && m_stats.requests >= m_options.maxRequests)
                break;
            if (m_run.detailsInFlight.contains(id) || m_run.detailsSkipped.contains(id))
                continue;
            m_run.detailsInFlight.insert(id);
            ++started;
            send(ApiRequest::get(QStringLiteral("/lead/%1").arg(id), {}, RequestPriority::Prefetch),
                 [this, id](const ApiResult &result) { onDetail(id, result, true); });
        }
    }
    if (m_run.detailsInFlight.isEmpty())
        complete();
}

std::optional<QString> SyncEngine::storeDetail(qint64 id, const ApiResult &result)
{
    if (!result && result.error().kind == ApiError::Kind::NotFound) {
        // Gone from the service: gone from the cache.
        if (auto dropped = m_store->dropLead(id); !dropped)
            return dropped.error().message;
        emit leadsChanged({id});
        return std::nullopt;
    }
    if (!result)
        return result.error().describe();
    const QJsonValue lead = result.value().value(QLatin1String("lead"));
    auto detail = LeadCodec::detailFromJson(lead.toObject());
    if (!lead.isObject() || !detail)
        return tr("The details of lead %1 could not be read: %2")
            .arg(id)
            .arg(lead.isObject() ? detail.error().message : tr("no lead in the answer"));
    if (detail->lead.id != id)
        return tr("The server answered with lead %1 when asked for lead %2.").arg(detail->lead.id).arg(id);
    if (auto saved = m_store->saveDetail(*detail); !saved)
        return saved.error().message;
    emit leadsChanged({id});
    return std::nullopt;
}

void SyncEngine::onDetail(qint64 id, const ApiResult &result, bool prefetch)
{
    if (!prefetch) {
        const std::optional<QString> problem = storeDetail(id, result);
        emit detailFetched(id, !problem, problem.value_or(QString()));
        return;
    }
    m_run.detailsInFlight.remove(id);
    if (m_state != State::Details)
        return;
    if (!result && result.error().kind != ApiError::Kind::NotFound &&
        (result.error().kind == ApiError::Kind::Unauthorized || result.error().retryable)) {
        // The workspace as a whole has a problem (key, network): stop here.
        fail(result.error(), tr("Fetching details failed"));
        return;
    }
    if (const std::optional<QString> problem = storeDetail(id, result)) {
        m_run.detailsSkipped.insert(id);
        m_run.warnings << *problem;
        emit warning(*problem);
    } else {
        m_run.details++;
    }
    emit progress(m_run.details + m_run.detailsSkipped.size(), std::max<qint64>(m_run.detailsTotal, 1));
    pumpDetails();
}

void SyncEngine::fetchDetail(qint64 id)
{
    if (auto opened = openStore(); !opened) {
        emit detailFetched(id, false, opened.error().message);
        return;
    }
    // Not one of the run's tickets: ending a run does not cancel what a person asked for.
    m_api->send(ApiRequest::get(QStringLiteral("/lead/%1").arg(id), {}, RequestPriority::User), this,
                [this, id](const ApiResult &result) { onDetail(id, result, false); });
}

void SyncEngine::complete()
{
    m_store->setValue(kLastSync, isoTime(QDateTime::currentDateTimeUtc()));
    QString summary =
        tr("Synced: %n lead(s) listed", nullptr, int(m_run.done)) + tr(", %n changed", nullptr, int(m_run.changed)) +
        tr(", %n removed", nullptr, int(m_run.removed)) + tr(", %n with details", nullptr, int(m_run.details));
    if (!m_run.warnings.isEmpty())
        summary += tr("; %n warning(s): ", nullptr, int(m_run.warnings.size())) + m_run.warnings.first();
    end(Outcome::Completed, summary);
}

void SyncEngine::fail(const ApiError &error, const QString &context)
{
    switch (error.kind) {
    case ApiError::Kind::Unauthorized:
        failWith(Outcome::AuthNeeded, tr("The service refused this workspace's API key: %1 Syncing stopped; edits "
                                         "wait in the outbox until a new key is set.")
                                          .arg(error.message));
        return;
    case ApiError::Kind::Cancelled:
        failWith(Outcome::Cancelled, tr("Sync cancelled."));
        return;
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Server:
    case ApiError::Kind::RateLimited:
        failWith(Outcome::Offline,
                 tr("%1: %2. The cache stays usable; sync resumes from here.").arg(context, error.describe()));
        return;
    default:
        failWith(Outcome::Failed, tr("%1: %2").arg(context, error.describe()));
    }
}

void SyncEngine::failWith(Outcome outcome, const QString &message)
{
    // Cancelling answers each request at once; those answers must not end the run again.
    const QSet<quint64> tickets = std::exchange(m_tickets, {});
    m_stopping = true;
    for (quint64 ticket : tickets)
        m_api->cancel(ticket);
    m_stopping = false;
    end(outcome, message);
}

void SyncEngine::cancel()
{
    if (!isRunning())
        return;
    // Pages are applied whole, so stopping between two leaves the cache consistent
    // and the checkpoint where the next run resumes.
    failWith(Outcome::Cancelled, tr("Sync cancelled; the next sync resumes where this one stopped."));
}

void SyncEngine::end(Outcome outcome, const QString &message)
{
    m_run.detailsInFlight.clear();
    if (m_lock)
        m_lock->unlock();
    m_lock.reset();
    setState(State::Idle);
    qCInfo(lcSync) << "sync ended:" << message;
    emit finished(outcome, message);
}

void SyncEngine::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace outpost
