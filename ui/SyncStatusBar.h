#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QProgressBar;
class QToolButton;

namespace outpost {

class SyncStatusSource;

// The right side of the status bar: online or offline, the last sync, a
// progress bar with cancel while syncing (and while the sync builds the search
// index, which it says in words), pending outbox and conflict counts,
// and the "Work offline" switch. Everything comes from a SyncStatusSource.
class SyncStatusBar : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusBar(QWidget *parent = nullptr);

    void setSource(SyncStatusSource *source);

signals:
    void conflictsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void keepSwitchVisible();
    void showProgress();

    SyncStatusSource *m_source = nullptr;
    QLabel *m_online = nullptr;
    QLabel *m_lastSync = nullptr;
    QLabel *m_indexing = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QLabel *m_pending = nullptr;
    QToolButton *m_conflicts = nullptr;
    QCheckBox *m_workOffline = nullptr;
};

} // namespace outpost
