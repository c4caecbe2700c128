#include "SyncStatusBar.h"

#include "LeadText.h"
#include "SyncStatusSource.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

#include <algorithm>

namespace outpost {

namespace {

// "Synced now ago" and "Synced 12/11/2026 ago" read badly: a sync within the
// minute is "just now", one older than a week gives its date.
QString lastSyncText(const QDateTime &last)
{
    if (!last.isValid())
        return SyncStatusBar::tr("Never synced");
    const qint64 secs = last.secsTo(QDateTime::currentDateTimeUtc());
    if (secs < 60)
        return SyncStatusBar::tr("Synced just now");
    if (secs < 7 * 86400)
        return SyncStatusBar::tr("Synced %1 ago").arg(LeadText::age(last));
    return SyncStatusBar::tr("Synced on %1").arg(LeadText::age(last));
}

} // namespace

SyncStatusBar::SyncStatusBar(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->setSpacing(14);
    m_online = new QLabel(this);
    m_online->setObjectName(QStringLiteral("onlineState"));
    m_lastSync = new QLabel(this);
    m_lastSync->setObjectName(QStringLiteral("lastSync"));
    m_indexing = new QLabel(this);
    m_indexing->setObjectName(QStringLiteral("searchIndexProgress"));
    m_indexing->setToolTip(tr("Search finds only the leads indexed so far. Cancelling stops the sync; the next "
                              "sync continues the index where it stopped."));
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(140);
    m_progress->setMaximumHeight(14);
    m_progress->setAccessibleName(tr("Sync progress"));
    m_cancel = new QToolButton(this);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAutoRaise(true);
    m_cancel->setObjectName(QStringLiteral("cancelSync"));
    m_cancel->setToolTip(tr("Stop this sync; what it fetched is kept"));
    m_pending = new QLabel(this);
    m_pending->setObjectName(QStringLiteral("pendingOutbox"));
    m_conflicts = new QToolButton(this);
    m_conflicts->setObjectName(QStringLiteral("conflicts"));
    m_conflicts->setAutoRaise(true);
    m_workOffline = new QCheckBox(tr("Work offline"), this);
    m_workOffline->setObjectName(QStringLiteral("workOffline"));
    m_workOffline->setToolTip(tr("Stop all network traffic until switched back"));
    for (QWidget *w : std::initializer_list<QWidget *>{m_online, m_lastSync, m_indexing, m_progress, m_cancel,
                                                       m_pending, m_conflicts, m_workOffline})
        layout->addWidget(w);
    connect(m_conflicts, &QToolButton::clicked, this, &SyncStatusBar::conflictsRequested);
    keepSwitchVisible();
    refresh();
}

void SyncStatusBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        keepSwitchVisible();
}

void SyncStatusBar::keepSwitchVisible()
{
    // Styles fill a check box with Base and outline it with a darker Window:
    // in a dark palette both are near-black and the box all but vanishes.
    QPalette switchPalette = palette();
    const QColor window = switchPalette.color(QPalette::Window);
    if (window.lightness() < 128)
        switchPalette.setColor(QPalette::Base, window.lighter(220));
    m_workOffline->setPalette(switchPalette);
}

void SyncStatusBar::setSource(SyncStatusSource *source)
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    disconnect(m_workOffline, nullptr, nullptr, nullptr);
    disconnect(m_cancel, nullptr, nullptr, nullptr);
    m_source = source;
    if (m_source) {
        connect(m_source, &SyncStatusSource::changed, this, &SyncStatusBar::refresh);
        connect(m_workOffline, &QCheckBox::toggled, m_source, &SyncStatusSource::setWorkingOffline);
        connect(m_cancel, &QToolButton::clicked, m_source, &SyncStatusSource::cancelSync);
    }
    refresh();
}

void SyncStatusBar::refresh()
{
    const bool has = m_source != nullptr;
    const bool offlineByChoice = has && m_source->isWorkingOffline();
    const bool online = has && m_source->isOnline() && !offlineByChoice;
    const QString dot = online ? QStringLiteral("#27ae60") : QStringLiteral("#95a5a6");
    m_online->setText(QStringLiteral("<span style='color:%1'>●</span> %2")
                          .arg(dot, offlineByChoice ? tr("Working offline")
                                    : online        ? tr("Online")
                                                    : tr("Offline")));
    m_online->setAccessibleName(online ? tr("Online") : tr("Offline"));

    const QDateTime last = has ? m_source->lastSyncAt() : QDateTime();
    m_lastSync->setText(lastSyncText(last));
    if (last.isValid())
        m_lastSync->setToolTip(QLocale().toString(last.toLocalTime(), QLocale::LongFormat));

    showProgress();

    const int pending = has ? m_source->pendingOutboxCount() : 0;
    m_pending->setText(tr("%1 pending").arg(QLocale().toString(pending)));
    m_pending->setToolTip(tr("Changes waiting in the outbox"));
    const int conflicts = has ? m_source->conflictCount() : 0;
    m_conflicts->setText(conflicts == 1 ? tr("1 conflict") : tr("%1 conflicts").arg(QLocale().toString(conflicts)));
    m_conflicts->setEnabled(conflicts > 0);
    m_conflicts->setToolTip(has && !m_source->canQueueEdits() ? m_source->editsUnavailableReason()
                                                              : tr("Resolve changes made on both sides"));
    const QSignalBlocker blocker(m_workOffline);
    m_workOffline->setChecked(offlineByChoice);
}

// The sync's progress, or, once its listing is done and it builds the search
// index a first fill deferred, the index's: the same bar and cancel button.
void SyncStatusBar::showProgress()
{
    const bool syncing = m_source && m_source->isSyncing();
    const bool indexing = syncing && m_source->isBuildingSearchIndex();
    m_progress->setVisible(syncing);
    m_cancel->setVisible(syncing);
    m_indexing->setVisible(indexing);
    if (!syncing)
        return;
    const qint64 done = indexing ? m_source->indexedLeads() : m_source->progressDone();
    const qint64 total = indexing ? m_source->leadsToIndex() : m_source->progressTotal();
    m_progress->setRange(0, total > 0 ? 1000 : 0);
    if (total > 0)
        m_progress->setValue(static_cast<int>(std::clamp<qint64>(done * 1000 / total, 0, 1000)));
    m_progress->setAccessibleName(indexing ? tr("Search index progress") : tr("Sync progress"));
    if (indexing) {
        const int percent = static_cast<int>(std::clamp<qint64>(done * 100 / total, 0, 100));
        m_indexing->setText(tr("Building the search index… %1 %").arg(percent));
    }
}

} // namespace outpost
