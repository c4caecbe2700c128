#pragma once

#include "common/Result.h"
#include "domain/Lead.h"

#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QGridLayout;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace outpost {

class ElidedLabel;
class SyncStatusSource;
class TimelineModel;
class WorkspaceCache;

// One lead: a header with its fields (status and tags editable), its
// conversation timeline from the cache, and the reply, note and appointment
// controls. Every change is queued through LeadEdits and the lead shows as
// pending until the service confirms it; while edits cannot be queued the
// controls are disabled with the reason in their tooltip.
class LeadDetailPane : public QWidget
{
    Q_OBJECT

public:
    LeadDetailPane(WorkspaceCache *cache, SyncStatusSource *sync, QWidget *parent = nullptr);

    qint64 leadId() const { return m_leadId; }
    void setSyncStatus(SyncStatusSource *sync);
    TimelineModel *timeline() const { return m_timeline; }
    QComboBox *statusSelector() const { return m_status; }
    QLineEdit *tagsEditor() const { return m_tagsEdit; }
    QPlainTextEdit *replyBox() const { return m_reply; }
    QLabel *editState() const { return m_editState; }
    QLabel *conversationState() const { return m_conversationState; }

public slots:
    // 0 shows the empty state.
    void showLead(qint64 id);
    void reload();
    void focusConversation();
    void sendReply();
    void addNote();
    void showBookingForm();
    void bookAppointment();

private:
    QWidget *buildEmptyState();
    QWidget *buildLeadView();
    QWidget *buildHeader();
    QWidget *buildComposer();
    void showHeader(const Lead &lead);
    void showConversationState(qint64 messages, bool fetched);
    void onDetailFetched(qint64 id, bool ok, const QString &message);
    QWidget *buildBookingForm();
    void updateEditControls();
    void updatePendingState();
    void changeStatus(int index);
    void applyTags();
    // The outcome of one queued change, shown inline under the header.
    void report(const Result<qint64> &queued, const QString &done);
    bool eventFilter(QObject *watched, QEvent *event) override;
    void addField(const QString &label, QLabel *value, int row, int column, int span = 1);

    WorkspaceCache *m_cache;
    SyncStatusSource *m_sync = nullptr;
    TimelineModel *m_timeline;
    qint64 m_leadId = 0;
    // The lead whose details were asked for (once per opening) and the answer's error.
    qint64 m_requested = 0;
    qint64 m_askedFor = 0;
    QString m_fetchError;

    QStackedWidget *m_stack = nullptr;
    QGridLayout *m_fields = nullptr;
    ElidedLabel *m_name = nullptr;
    QComboBox *m_status = nullptr;
    QLabel *m_pending = nullptr;
    QLabel *m_editState = nullptr;
    QLineEdit *m_tagsEdit = nullptr;
    QStringList m_tags;
    QWidget *m_bookingForm = nullptr;
    QDateTimeEdit *m_when = nullptr;
    QLineEdit *m_service = nullptr;
    QLabel *m_escalated = nullptr;
    QLabel *m_phone = nullptr;
    QLabel *m_email = nullptr;
    QLabel *m_channel = nullptr;
    QLabel *m_agent = nullptr;
    QLabel *m_score = nullptr;
    QLabel *m_rating = nullptr;
    QLabel *m_conversationState = nullptr;
    QListView *m_timelineView = nullptr;
    QPlainTextEdit *m_reply = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_addNote = nullptr;
    QPushButton *m_book = nullptr;
};

} // namespace outpost
