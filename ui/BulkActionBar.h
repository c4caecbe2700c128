#pragma once

#include "CacheTask.h"
#include "LeadEdits.h"
#include "domain/LeadFilter.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace outpost {

// Above the lead list while several leads are selected: change stage, add or
// remove a tag, send a message with placeholders. Each action asks inline for
// its value and a confirmation that names the number of leads, queues one bulk
// row, and offers Undo while that row is still queued. No modal dialog.
// With every row of a big list selected (Ctrl+A over more than kMaxLeads), the
// actions apply to every lead the filter matches: their ids are read off the
// GUI thread (cancellable), the count is confirmed, and one bulk row is written
// off the GUI thread too.
class BulkActionBar : public QWidget
{
    Q_OBJECT

public:
    enum Action {
        ChangeStage,
        AddTag,
        RemoveTag,
        SendMessage,
        ActionCount,
    };

    explicit BulkActionBar(QWidget *parent = nullptr);

    // A bulk action takes at most this many leads: one outbox row, one request,
    // queued on the GUI thread's connection.
    static constexpr int kMaxLeads = 5000;

    void setSelection(const QList<qint64> &leadIds);
    // More than kMaxLeads selected (Ctrl+A over a big list): only counted, never
    // read row by row; the actions say to narrow the list first.
    void setOversizedSelection(qint64 count);
    // Every row of the list selected, more than kMaxLeads of them: the actions
    // apply to every lead `filter` matches in the cache at `cachePath`, up to kMaxFilterLeads.
    void setWholeFilterSelection(qint64 count, const LeadFilter &filter, const QString &cachePath);
    static constexpr qint64 kMaxFilterLeads = 100000;
    // nullptr with the reason when edits cannot be queued.
    void setEdits(LeadEdits *edits, const QString &unavailableReason);
    // Non-empty: the service's plan has no bulk endpoints, and why.
    void setPlanLimit(const QString &reason);
    void setKnownTags(const QStringList &tags);
    // Whether the bar has anything to show (a selection, a form or an undo).
    bool isWanted() const;

    QPushButton *actionButton(Action action) const { return m_actions.value(action); }
    QComboBox *stageBox() const { return m_stage; }
    QLineEdit *valueEdit() const { return m_value; }
    QPushButton *confirmButton() const { return m_confirm; }
    QPushButton *undoButton() const { return m_undo; }
    QLabel *notice() const { return m_notice; }
    qint64 lastQueuedEntry() const { return m_lastEntry; }
    // The ids of the filter's leads, read and waiting for the final confirmation.
    const QList<qint64> &resolvedLeads() const { return m_resolved; }
    bool isBusy() const { return m_busy; }

public slots:
    void begin(Action action);
    void confirm();
    void cancel();
    void undoLast();

signals:
    void wantedChanged();

private:
    QWidget *buildChooser();
    QWidget *buildForm();
    QWidget *buildNotice();
    void updateState();
    void updateConfirmText();
    void resolveFilter();
    void onResolved(const Result<QList<qint64>> &ids);
    void onQueued(const Result<qint64> &row, qint64 leads);
    void showNotice(const QString &text, bool undo);
    BulkChange currentChange() const;
    static QString leadCount(int n);

    LeadEdits *m_edits = nullptr;
    QString m_unavailable;
    QString m_planLimit;
    QList<qint64> m_selection;
    qint64 m_oversized = 0;
    bool m_wholeFilter = false;
    LeadFilter m_filter;
    QString m_cachePath;
    QList<qint64> m_resolved;
    CacheTask::Cancel m_resolving;
    bool m_busy = false;
    Action m_action = ChangeStage;
    qint64 m_lastEntry = 0;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_selectedCount = nullptr;
    QList<QPushButton *> m_actions;
    QLabel *m_formLabel = nullptr;
    QComboBox *m_stage = nullptr;
    QLineEdit *m_value = nullptr;
    QPushButton *m_confirm = nullptr;
    QLabel *m_notice = nullptr;
    QPushButton *m_undo = nullptr;
    QPushButton *m_dismiss = nullptr;
};

} // namespace outpost
