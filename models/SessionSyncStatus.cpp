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
    connect(session, &SyncSession::searchIndexProgress, this, [this](qint64 done, qint64 total) {
        m_indexDone = done;
        m_indexTotal = total;
        emit changed();
    });
    connect(session, &SyncSession::finished, this, &SessionSyncStatus::onFinished);
    connect(session, &SyncSession::detailFetched, this, [this](qint64 id, bool ok, const QString &message) {
        if (ok && !m_online && !m_workingOffline) {
            m_online = true;
            emit changed();
        }
        emit detailFetched(id, ok, message);
    });
    connect(this, &SyncStatusSource::changed, this, &SessionSyncStatus::sendNewEdits);
    m_timer.start();
}

void SessionSyncStatus::sendNewEdits()
{
    const int pending = pendingOutboxCount();
    const bool grew = pending > m_lastPending;
    m_lastPending = pending;
    // During a sync the session is busy; onFinished() sends what arrived meanwhile.
    if (grew && !m_syncing && !m_workingOffline)
        m_session->replayOutbox();
}

void SessionSyncStatus::syncNow()
{
    if (m_syncing || m_workingOffline)
        return;
    m_syncing = true;
    m_done = m_total = 0;
    m_indexDone = m_indexTotal = 0;
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
        // The sync sent the outbox before it pulled; edits queued since go now.
        if (pendingOutboxCount() > 0)
            m_session->replayOutbox();
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

bool SessionSyncStatus::fetchDetail(qint64 id)
{
    if (m_workingOffline)
        return false;
    m_session->fetchDetail(id);
    return true;
}

void SessionSyncStatus::cancelSync()
{
    m_session->cancel();
}

} // namespace outpost
