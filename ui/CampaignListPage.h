#pragma once

#include "campaigns/Campaign.h"

#include <QPointer>
#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace outpost {

class ApiClient;
class CampaignStore;
class WorkspaceCache;

// The campaigns of the workspace from the cache: the service's list where the
// plan has one (Premium), else the campaigns this app created; the selected
// one's delivery figures as a chart that refreshes while it is sending.
class CampaignListPage : public QWidget
{
    Q_OBJECT

public:
    explicit CampaignListPage(WorkspaceCache *cache, QWidget *parent = nullptr);
    ~CampaignListPage() override;

    void setApiClient(ApiClient *client);
    int rowCount() const;
    void selectRow(int row);
    std::optional<Campaign> selected() const;
    QString noteText() const;

public slots:
    void reload();
    void refreshFromService();
    void refreshStats();
    // A send the outbox could not settle: try again, or (needs review) mark it as sent.
    void retrySelected();
    void markSelectedSent();

signals:
    void statsShown();
    void listed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showStats();
    void applyChartTheme();
    void decideSelected(bool markSent);

    WorkspaceCache *m_cache;
    QPointer<ApiClient> m_client;
    std::unique_ptr<CampaignStore> m_store;
    QList<Campaign> m_campaigns;
    QTableWidget *m_table = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_detail = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_markSent = nullptr;
    QTimer *m_poll = nullptr;
    // Re-reads the list while a send waits in the outbox.
    QTimer *m_outboxPoll = nullptr;
};

} // namespace outpost
