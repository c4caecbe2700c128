#include "SessionSyncStatus.h"

namespace outpost {

namespace {

constexpr int kSyncEveryMs = 3 * 60 * 1000;

} // namespace

SessionSyncStatus::SessionSyncStatus(SyncSession *session, SyncOptions options, QDateTime lastSyncAt, QObject *parent)
    : SyncStatusSource(parent)
    , m_session(session)
    , m_options(std::move(options))
    , m_lastSyncAt(std::move(lastSyncAt))
{
    m_timer.setInterval(kSyncEveryMs);
    connect(&m_timer, &QTimer::timeout, this, &SessionSyncStatus::syncNow);
    connect(session, &SyncSession::progress, this, [this](qint64 done, qint64 total) {
        m_done = done;
        m_total = total;
        emit changed();
    });
    connect(session, &SyncSession::finished, this, &SessionSyncStatus::onFinished);
    connect(session, &SyncSession::outboxCountsChanged, this, &SessionSyncStatus::onOutboxCounts);
    auto edits = OutboxLeadEdits::open(session->cachePath());
    if (edits) {
        m_edits = std::move(edits).value();
        // Sent at once when online; otherwise the next sync takes it.
        connect(m_edits.get(), &OutboxLeadEdits::queued, this, [this] {
            readOutboxCounts();
            if (!m_workingOffline && !m_syncing)
                m_session->replayOutbox();
        });
        connect(m_edits.get(), &LeadEdits::leadsChanged, this, &SessionSyncStatus::readOutboxCounts);
        readOutboxCounts();
    } else {
        m_editsError = edits.error().message;
    }
    m_timer.start();
}

QString SessionSyncStatus::editsUnavailableReason() const
{
    if (m_edits)
        return {};
    return tr("Changes cannot be queued: the workspace's cache could not be opened (%1).").arg(m_editsError);
}

void SessionSyncStatus::readOutboxCounts()
{
    auto counts = m_edits->store().counts();
    if (!counts)
        return;
    onOutboxCounts(counts->pending, counts->conflicts, counts->needsReview, counts->failed);
}

void SessionSyncStatus::onOutboxCounts(int pending, int conflicts, int needsReview, int failed)
{
    // Rows waiting for a person count as pending too: they have not reached the service.
    m_pendingRows = pending + needsReview + failed;
    m_conflicts = conflicts;
    if (m_edits)
        m_edits->refresh();
    emit changed();
}

void SessionSyncStatus::syncNow()
{
    if (m_syncing || m_workingOffline)
        return;
    m_syncing = true;
    m_done = m_total = 0;
    m_session->start(m_options);
    emit changed();
}

void SessionSyncStatus::onFinished(SyncEngine::Outcome outcome, const QString &message)
{
    m_syncing = false;
    m_lastMessage = message;
    switch (outcome) {
    case SyncEngine::Outcome::Completed:
        m_online = true;
        m_lastSyncAt = QDateTime::currentDateTimeUtc();
        break;
    case SyncEngine::Outcome::Offline:
    case SyncEngine::Outcome::AuthNeeded:
        m_online = false;
        break;
    default:
        break;
    }
    emit changed();
}

void SessionSyncStatus::setWorkingOffline(bool offline)
{
    if (m_workingOffline == offline)
        return;
    m_workingOffline = offline;
    if (offline) {
        m_online = false;
        m_session->cancel();
    } else {
        syncNow();
    }
    emit changed();
}

void SessionSyncStatus::cancelSync()
{
    m_session->cancel();
}

} // namespace outpost
