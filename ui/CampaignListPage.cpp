#include "CampaignListPage.h"

#include "WorkspaceCache.h"
#include "api/ApiClient.h"
#include "campaigns/CampaignApi.h"
#include "campaigns/CampaignStore.h"
#include "outbox/OutboxStore.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

namespace outpost {

namespace {

QString statusText(const QString &status)
{
    if (status == QLatin1StringView("draft"))
        return CampaignListPage::tr("Draft");
    if (status == QLatin1StringView("queued"))
        return CampaignListPage::tr("Queued");
    if (status == QLatin1StringView("needs-review"))
        return CampaignListPage::tr("Needs review");
    if (status == QLatin1StringView("failed") || status == QLatin1StringView("conflict"))
        return CampaignListPage::tr("Not sent");
    if (status == QLatin1StringView("not-allowed"))
        return CampaignListPage::tr("Not allowed by the plan");
    if (status == QLatin1StringView("sending"))
        return CampaignListPage::tr("Sending");
    if (status == QLatin1StringView("sent"))
        return CampaignListPage::tr("Sent");
    return status;
}

QString timeText(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

CampaignListPage::CampaignListPage(WorkspaceCache *cache, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_poll(new QTimer(this))
    , m_outboxPoll(new QTimer(this))
{
    setObjectName(QStringLiteral("campaignList"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    auto *top = new QHBoxLayout;
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("campaignListNote"));
    m_note->setWordWrap(true);
    top->addWidget(m_note, 1);
    m_retry = new QPushButton(tr("Try again"), this);
    m_retry->setObjectName(QStringLiteral("retryCampaign"));
    m_retry->setToolTip(tr("Puts the send back in the outbox; it asks the service with the same key"));
    m_retry->setVisible(false);
    top->addWidget(m_retry);
    m_markSent = new QPushButton(tr("It was sent"), this);
    m_markSent->setObjectName(QStringLiteral("markCampaignSent"));
    m_markSent->setToolTip(tr("The service did send it (check its stats): mark it done without sending again"));
    m_markSent->setVisible(false);
    top->addWidget(m_markSent);
    m_refresh = new QPushButton(tr("Refresh from service"), this);
    m_refresh->setObjectName(QStringLiteral("refreshCampaigns"));
    top->addWidget(m_refresh);
    layout->addLayout(top);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_table = new QTableWidget(0, 5, splitter);
    m_table->setObjectName(QStringLiteral("campaignTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Status"), tr("Created"), tr("Sent"), tr("Audience")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    splitter->addWidget(m_table);
    auto *bottom = new QWidget(splitter);
    auto *v = new QVBoxLayout(bottom);
    v->setContentsMargins(0, 0, 0, 0);
    m_detail = new QLabel(bottom);
    m_detail->setObjectName(QStringLiteral("campaignDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    v->addWidget(m_detail);
    m_chart = new QChart;
    m_chart->setTitle(tr("Delivery"));
    m_chart->legend()->setVisible(false);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_view = new QChartView(m_chart, bottom);
    m_view->setObjectName(QStringLiteral("campaignStatsChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    v->addWidget(m_view, 1);
    splitter->addWidget(bottom);
    layout->addWidget(splitter, 1);

    m_poll->setInterval(2000);
    connect(m_poll, &QTimer::timeout, this, &CampaignListPage::refreshStats);
    connect(m_refresh, &QPushButton::clicked, this, &CampaignListPage::refreshFromService);
    connect(m_retry, &QPushButton::clicked, this, &CampaignListPage::retrySelected);
    connect(m_markSent, &QPushButton::clicked, this, &CampaignListPage::markSelectedSent);
    m_outboxPoll->setInterval(1500);
    connect(m_outboxPoll, &QTimer::timeout, this, &CampaignListPage::reload);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        showStats();
        refreshStats();
    });
    connect(m_cache, &WorkspaceCache::opened, this, [this] {
        m_store = std::make_unique<CampaignStore>(m_cache->database());
        reload();
    });
    connect(m_cache, &WorkspaceCache::closed, this, [this] {
        m_store.reset();
        reload();
    });
    if (m_cache->isOpen())
        m_store = std::make_unique<CampaignStore>(m_cache->database());
    setApiClient(nullptr);
    reload();
}

CampaignListPage::~CampaignListPage() = default;

void CampaignListPage::setApiClient(ApiClient *client)
{
    m_client = client;
    m_refresh->setEnabled(client != nullptr);
    m_refresh->setToolTip(client ? QString() : tr("This workspace has no connection to its service."));
}

int CampaignListPage::rowCount() const
{
    return m_table->rowCount();
}

void CampaignListPage::selectRow(int row)
{
    m_table->selectRow(row);
}

std::optional<Campaign> CampaignListPage::selected() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_campaigns.size())
        return std::nullopt;
    return m_campaigns.at(row);
}

QString CampaignListPage::noteText() const
{
    return m_note->text();
}

void CampaignListPage::reload()
{
    const std::optional<Campaign> before = selected();
    m_campaigns.clear();
    if (m_store) {
        auto list = m_store->list();
        if (list)
            m_campaigns = *list;
        else
            m_note->setText(tr("Cannot read the campaigns: %1").arg(list.error().message));
    }
    QSignalBlocker block(m_table);
    m_table->setRowCount(int(m_campaigns.size()));
    int reselect = -1;
    for (int r = 0; r < m_campaigns.size(); ++r) {
        const Campaign &c = m_campaigns.at(r);
        m_table->setItem(r, 0, new QTableWidgetItem(c.name));
        m_table->setItem(r, 1, new QTableWidgetItem(statusText(c.displayStatus())));
        m_table->setItem(r, 2, new QTableWidgetItem(timeText(c.createdAt)));
        m_table->setItem(r, 3, new QTableWidgetItem(timeText(c.sentAt)));
        m_table->setItem(r, 4, new QTableWidgetItem(c.queued ? QLocale().toString(*c.queued) : QString()));
        if (before && before->localId == c.localId)
            reselect = r;
    }
    const bool waiting = std::any_of(m_campaigns.cbegin(), m_campaigns.cend(), [](const Campaign &c) {
        return c.displayStatus() == QLatin1StringView("queued") || c.outboxState == QLatin1StringView("sending");
    });
    if (waiting && !m_outboxPoll->isActive())
        m_outboxPoll->start();
    else if (!waiting)
        m_outboxPoll->stop();
    if (reselect >= 0)
        m_table->selectRow(reselect);
    else if (!m_campaigns.isEmpty())
        m_table->selectRow(0);
    showStats();
    // A send the outbox just confirmed starts its figures coming.
    const std::optional<Campaign> now = selected();
    if (now && now->serverId > 0 && now->status == QLatin1StringView("sending") && !m_poll->isActive() && m_client)
        refreshStats();
    emit listed();
}

void CampaignListPage::refreshFromService()
{
    if (!m_client || !m_store)
        return;
    CampaignApi::list(*m_client, this, [this](const Result<QJsonArray, ApiError> &list) {
        if (list) {
            auto merged = m_store->mergeServerList(*list);
            m_note->setText(merged
                                ? tr("The service's campaigns, as of %1.").arg(timeText(QDateTime::currentDateTime()))
                                : merged.error().message);
        } else if (list.error().kind == ApiError::Kind::Forbidden) {
            m_note->setText(tr("The service lists campaigns on the Premium plan only: these are the campaigns "
                               "created in this app."));
        } else {
            m_note->setText(
                tr("The service did not answer (%1): the cached list is shown.").arg(list.error().describe()));
        }
        reload();
        refreshStats();
    });
}

void CampaignListPage::refreshStats()
{
    const std::optional<Campaign> c = selected();
    const bool live = c && c->serverId > 0 && c->status != QLatin1StringView("draft") && m_client;
    if (!live) {
        m_poll->stop();
        return;
    }
    const qint64 localId = c->localId;
    CampaignApi::stats(*m_client, c->serverId, this, [this, localId](const Result<CampaignStats, ApiError> &stats) {
        if (!stats || !m_store)
            return;
        const bool settled = stats->sent > 0 && stats->delivered + stats->failed >= stats->sent;
        m_store->setStats(localId, *stats, settled ? QStringLiteral("sent") : QStringLiteral("sending"),
                          QDateTime::currentDateTimeUtc());
        // Figures grow for minutes after a send: keep them coming until they settle.
        if (settled && stats->replied > 0)
            m_poll->stop();
        else if (!m_poll->isActive())
            m_poll->start();
        reload();
    });
}

void CampaignListPage::retrySelected()
{
    decideSelected(false);
}

void CampaignListPage::markSelectedSent()
{
    decideSelected(true);
}

void CampaignListPage::decideSelected(bool markSent)
{
    const std::optional<Campaign> c = selected();
    if (!c || !m_cache->isOpen() || c->sendKey.isEmpty())
        return;
    OutboxStore outbox(m_cache->database());
    auto rows = outbox.rows();
    if (!rows)
        return m_note->setText(rows.error().message);
    for (const OutboxRow &row : *rows) {
        // The row that stopped: the create (the send waits behind it) or the send.
        const bool mine = row.idempotencyKey == c->sendKey || row.idempotencyKey == c->createKey;
        if (!mine || OutboxRow::stateName(row.state) != c->outboxState)
            continue;
        const Result<void> done =
            markSent ? outbox.resolveReview(row.id, OutboxStore::Review::AlreadyApplied) : outbox.retry(row.id);
        if (!done)
            m_note->setText(done.error().message);
        else if (markSent && row.op == OutboxRow::Op::CampaignSend)
            CampaignStore(m_cache->database()).noteSent(c->sendKey, std::nullopt, QDateTime::currentDateTimeUtc());
        // The outbox's watchers send what went back in the queue.
        m_cache->notifyLeadsChanged({});
        break;
    }
    reload();
}

void CampaignListPage::showStats()
{
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    const std::optional<Campaign> c = selected();
    const QString state = c ? c->displayStatus() : QString();
    m_retry->setVisible(state == QLatin1StringView("needs-review") || state == QLatin1StringView("failed") ||
                        state == QLatin1StringView("not-allowed"));
    m_markSent->setVisible(state == QLatin1StringView("needs-review"));
    if (!c) {
        m_detail->setText(m_campaigns.isEmpty() ? tr("No campaign yet: compose one in the builder.") : QString());
        applyChartTheme();
        return;
    }
    QString detail = tr("\"%1\": %2").arg(c->name, c->message);
    if (!c->outboxError.isEmpty() && c->displayStatus() != QLatin1StringView("sending"))
        detail += QLatin1Char('\n') + tr("Outbox: %1").arg(c->outboxError);
    else if (!c->lastError.isEmpty())
        detail += QLatin1Char('\n') + tr("Last error: %1").arg(c->lastError);
    if (c->statsAt.isValid())
        detail += QLatin1Char('\n') + tr("Figures as of %1.").arg(timeText(c->statsAt));
    m_detail->setText(detail);
    const CampaignStats s = c->stats.value_or(CampaignStats{});
    auto *set = new QBarSet(tr("Messages"));
    *set << double(s.sent) << double(s.delivered) << double(s.read) << double(s.replied) << double(s.failed);
    set->setColor(QColor(0x8e, 0x44, 0xad));
    set->setLabelColor(palette().color(QPalette::Text));
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    m_chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append({tr("Sent"), tr("Delivered"), tr("Read"), tr("Replied"), tr("Failed")});
    auto *y = new QValueAxis;
    y->setRange(0, std::max<double>(4.0, double(s.sent) * 1.1));
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%d"));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    applyChartTheme();
    emit statsShown();
}

void CampaignListPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_chart)
        showStats();
}

void CampaignListPage::applyChartTheme()
{
    const QPalette pal = palette();
    m_chart->setBackgroundBrush(pal.color(QPalette::Base));
    m_chart->setTitleBrush(pal.color(QPalette::Text));
    for (QAbstractAxis *axis : m_chart->axes()) {
        axis->setLabelsBrush(pal.color(QPalette::Text));
        axis->setLinePenColor(pal.color(QPalette::Mid));
        axis->setGridLineColor(pal.color(QPalette::Midlight));
    }
    m_view->setBackgroundBrush(pal.color(QPalette::Window));
}

} // namespace outpost
