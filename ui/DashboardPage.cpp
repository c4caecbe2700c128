#include "DashboardPage.h"

#include "LeadText.h"
#include "WorkspaceCache.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

namespace outpost {

namespace {

QLabel *scaledLabel(qreal scale, bool bold, QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(bold);
    label->setFont(font);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

DashboardPage::DashboardPage(WorkspaceCache *cache, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
{
    setObjectName(QStringLiteral("dashboardPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(12);
    m_title = scaledLabel(1.6, true, this);
    layout->addWidget(m_title);
    auto *totalRow = new QHBoxLayout;
    m_total = scaledLabel(2.6, true, this);
    m_total->setAccessibleName(tr("Cached leads"));
    totalRow->addWidget(m_total);
    auto *caption = new QLabel(tr("leads in the local cache"), this);
    totalRow->addWidget(caption, 1, Qt::AlignBottom);
    layout->addLayout(totalRow);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c0392b; }"));
    m_error->setVisible(false);
    layout->addWidget(m_error);

    auto *funnelTitle = scaledLabel(1.15, true, this);
    funnelTitle->setText(tr("Pipeline"));
    layout->addSpacing(8);
    layout->addWidget(funnelTitle);
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(8);
    grid->setColumnStretch(1, 1);
    int row = 0;
    for (const LeadStatus &s : LeadStatus::pipeline()) {
        grid->addWidget(new QLabel(LeadText::status(s), this), row, 0);
        auto *bar = new QProgressBar(this);
        bar->setTextVisible(false);
        bar->setMaximumHeight(12);
        bar->setAccessibleName(LeadText::status(s));
        grid->addWidget(bar, row, 1);
        auto *count = new QLabel(this);
        count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        count->setMinimumWidth(count->fontMetrics().horizontalAdvance(QStringLiteral("0,000,000")));
        grid->addWidget(count, row, 2);
        m_stageBars << bar;
        m_stageCounts << count;
        ++row;
    }
    layout->addLayout(grid);
    layout->addStretch();

    connect(m_cache, &WorkspaceCache::opened, this, &DashboardPage::refresh);
    connect(m_cache, &WorkspaceCache::closed, this, &DashboardPage::refresh);
    connect(m_cache, &WorkspaceCache::leadsChanged, this, &DashboardPage::refresh);
    refresh();
}

void DashboardPage::setWorkspaceName(const QString &name)
{
    m_title->setText(name);
}

void DashboardPage::refresh()
{
    QHash<QString, qint64> counts;
    qint64 total = 0;
    m_error->setVisible(false);
    if (m_cache->isOpen()) {
        auto byStatus = m_cache->store().countsByStatus();
        auto all = m_cache->store().totalCount();
        if (byStatus && all) {
            counts = *byStatus;
            total = *all;
        } else {
            m_error->setText(
                tr("Cannot read the cache: %1").arg(byStatus ? all.error().message : byStatus.error().message));
            m_error->setVisible(true);
        }
    }
    m_total->setText(QLocale().toString(total));
    qint64 largest = 1;
    for (qint64 n : std::as_const(counts))
        largest = std::max(largest, n);
    const QList<LeadStatus> &stages = LeadStatus::pipeline();
    for (int i = 0; i < stages.size(); ++i) {
        const qint64 n = counts.value(stages.at(i).toString());
        // Bars are relative to the largest stage; a progress bar counts in int.
        m_stageBars.at(i)->setRange(0, 1000);
        m_stageBars.at(i)->setValue(static_cast<int>(n * 1000 / largest));
        m_stageCounts.at(i)->setText(QLocale().toString(n));
    }
}

} // namespace outpost
