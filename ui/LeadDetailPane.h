#pragma once

#include "domain/Lead.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace outpost {

class ElidedLabel;
class SyncStatusSource;
class TimelineModel;
class WorkspaceCache;

// One lead: a header with its fields, its conversation timeline from the cache,
// and the reply, note and appointment controls (disabled, with the reason in
// their tooltip, while edits cannot be queued).
class LeadDetailPane : public QWidget
{
    Q_OBJECT

public:
    LeadDetailPane(WorkspaceCache *cache, SyncStatusSource *sync, QWidget *parent = nullptr);

    qint64 leadId() const { return m_leadId; }
    void setSyncStatus(SyncStatusSource *sync);
    TimelineModel *timeline() const { return m_timeline; }

public slots:
    // 0 shows the empty state.
    void showLead(qint64 id);
    void reload();
    void focusConversation();

private:
    QWidget *buildEmptyState();
    QWidget *buildLeadView();
    QWidget *buildHeader();
    QWidget *buildComposer();
    void showHeader(const Lead &lead);
    void showConversationState(qint64 messages, bool fetched);
    void updateEditControls();
    void addField(const QString &label, QLabel *value, int row, int column, int span = 1);

    WorkspaceCache *m_cache;
    SyncStatusSource *m_sync = nullptr;
    TimelineModel *m_timeline;
    qint64 m_leadId = 0;

    QStackedWidget *m_stack = nullptr;
    QGridLayout *m_fields = nullptr;
    ElidedLabel *m_name = nullptr;
    QLabel *m_statusPill = nullptr;
    QLabel *m_escalated = nullptr;
    QLabel *m_phone = nullptr;
    QLabel *m_email = nullptr;
    QLabel *m_channel = nullptr;
    QLabel *m_agent = nullptr;
    QLabel *m_tags = nullptr;
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
