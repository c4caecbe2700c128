#include "CampaignsPage.h"

#include "CampaignBuilderPage.h"
#include "CampaignListPage.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace outpost {

CampaignsPage::CampaignsPage(WorkspaceCache *cache, QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_builder(new CampaignBuilderPage(cache, m_tabs))
    , m_list(new CampaignListPage(cache, m_tabs))
{
    setObjectName(QStringLiteral("campaignsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_builder, tr("New campaign"));
    m_tabs->addTab(m_list, tr("Campaigns"));
    layout->addWidget(m_tabs);
    connect(m_builder, &CampaignBuilderPage::campaignsChanged, m_list, &CampaignListPage::reload);
    connect(m_builder, &CampaignBuilderPage::sendFinished, this, [this](bool sent) {
        if (sent) {
            showList();
            m_list->selectRow(0);
            m_list->refreshStats();
        }
    });
}

void CampaignsPage::setApiClient(ApiClient *client)
{
    m_builder->setApiClient(client);
    m_list->setApiClient(client);
}

void CampaignsPage::showList()
{
    m_tabs->setCurrentWidget(m_list);
}

} // namespace outpost
