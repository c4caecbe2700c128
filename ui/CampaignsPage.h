#pragma once

#include <QWidget>

class QTabWidget;

namespace outpost {

class ApiClient;
class CampaignBuilderPage;
class CampaignListPage;
class WorkspaceCache;

// The Campaigns section: the builder and the list, side by side as tabs.
class CampaignsPage : public QWidget
{
    Q_OBJECT

public:
    explicit CampaignsPage(WorkspaceCache *cache, QWidget *parent = nullptr);

    void setApiClient(ApiClient *client);
    CampaignBuilderPage *builder() const { return m_builder; }
    CampaignListPage *list() const { return m_list; }
    void showList();

private:
    QTabWidget *m_tabs;
    CampaignBuilderPage *m_builder;
    CampaignListPage *m_list;
};

} // namespace outpost
