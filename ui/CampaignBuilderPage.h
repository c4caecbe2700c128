#pragma once

#include "CacheTask.h"
#include "campaigns/AudienceQuery.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace outpost {

class ApiClient;
class AudienceModel;
class CampaignStore;
class WorkspaceCache;

// Compose a campaign: filters, a message with placeholders, and who receives
// what, live from the cache as the filters change (read off the GUI thread).
// "Check with server" asks the service's preview; Send asks for confirmation
// with the count and the first rendered message, then queues the send in the
// outbox, which never sends twice.
class CampaignBuilderPage : public QWidget
{
    Q_OBJECT

public:
    explicit CampaignBuilderPage(WorkspaceCache *cache, QWidget *parent = nullptr);
    ~CampaignBuilderPage() override;

    // nullptr: no service to ask (offline workspace, no key): drafts only.
    void setApiClient(ApiClient *client);

    LeadFilter filter() const;
    // For tests and scripted demos.
    void setFilterText(const QString &name, const QString &value);
    void setMessage(const QString &text);
    void setCampaignName(const QString &name);
    const Audience &audience() const;
    QString statusText() const;
    QString serverText() const;
    bool canSend() const;

public slots:
    void refreshAudience();
    void checkWithServer();
    void saveDraft();
    void askToSend();

signals:
    void audienceUpdated();
    void serverChecked();
    void campaignsChanged();
    void sendFinished(bool sent);

private:
    QWidget *buildFilters();
    QWidget *buildMessage();
    QWidget *buildAudience();
    void scheduleRefresh();
    void cancelRefresh();
    void countBeyondTheCap(const LeadFilter &filter, quint64 generation);
    QString countText() const;
    void loadFilterValues();
    void onMessageChanged();
    void updateVerdict();
    void sendDraft(qint64 localId);
    std::optional<qint64> storeDraft();
    QString validationError() const;

    WorkspaceCache *m_cache;
    QPointer<ApiClient> m_client;
    std::unique_ptr<CampaignStore> m_store;
    AudienceModel *m_model;
    QTimer *m_debounce;
    quint64 m_generation = 0;
    // Set when the filters change: the reads for the old ones stop.
    CacheTask::Cancel m_cancel;
    // The whole audience when it is over the cap (counted after the capped
    // preview is shown), or -1 while unknown.
    qint64 m_countBeyondCap = -1;

    QLineEdit *m_name = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_channel = nullptr;
    QComboBox *m_tag = nullptr;
    QLineEdit *m_source = nullptr;
    QComboBox *m_agent = nullptr;
    QLineEdit *m_createdAfter = nullptr;
    QLineEdit *m_createdBefore = nullptr;
    QLineEdit *m_lastMessageBefore = nullptr;
    QPlainTextEdit *m_message = nullptr;
    QLabel *m_placeholderWarning = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_verdict = nullptr;
    QLabel *m_server = nullptr;
    QLabel *m_status2 = nullptr;
    QTableView *m_sample = nullptr;
    QPushButton *m_check = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_send = nullptr;
};

} // namespace outpost
