#pragma once

#include "LeadEdits.h"

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
    BulkChange currentChange() const;
    static QString leadCount(int n);

    LeadEdits *m_edits = nullptr;
    QString m_unavailable;
    QString m_planLimit;
    QList<qint64> m_selection;
    qint64 m_oversized = 0;
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
};

} // namespace outpost
