#include "DashboardPage.h"

#include "CacheTask.h"
#include "LeadText.h"
#include "WorkspaceCache.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

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

// Bar labels are shown with this many significant digits: counts whole, rates to a tenth.
constexpr int kCountDigits = 15;
constexpr int kPercentDigits = 3;

QString duration(double seconds)
{
    if (seconds < 120)
        return DashboardPage::tr("%1 s").arg(QLocale().toString(seconds, 'f', 1));
    if (seconds < 7200)
        return DashboardPage::tr("%1 min").arg(QLocale().toString(seconds / 60, 'f', 1));
    return DashboardPage::tr("%1 h").arg(QLocale().toString(seconds / 3600, 'f', 1));
}

QString percentText(const QJsonValue &v)
{
    return DashboardPage::tr("%1 %").arg(QLocale().toString(v.toDouble(), 'f', 1));
}

// The table sorts numbers as numbers.
QTableWidgetItem *numberItem(double value, const QString &text)
{
    auto *item = new QTableWidgetItem;
    item->setData(Qt::DisplayRole, value);
    item->setData(Qt::ToolTipRole, text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QChart *makeChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setVisible(false);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    // Axis and bar labels in the reader's format ("63,8" in German), not C's.
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
    return chart;
}

void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

} // namespace

DashboardPage::DashboardPage(WorkspaceCache *cache, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
{
    setObjectName(QStringLiteral("dashboardPage"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(14);
    layout->addWidget(buildHeader());
    m_source = new QLabel(content);
    m_source->setObjectName(QStringLiteral("dashboardSource"));
    m_source->setWordWrap(true);
    m_source->setTextFormat(Qt::PlainText);
    layout->addWidget(m_source);
    m_error = new QLabel(content);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c0392b; }"));
    m_error->setVisible(false);
    layout->addWidget(m_error);
    layout->addWidget(buildTiles());
    layout->addWidget(buildCharts());
    layout->addWidget(buildSla());
    layout->addStretch();
    applyChartTheme();

    connect(m_cache, &WorkspaceCache::opened, this, &DashboardPage::refresh);
    connect(m_cache, &WorkspaceCache::closed, this, &DashboardPage::refresh);
    // Sync reports changes page by page: the whole-cache aggregates follow at
    // most once a second, and only while someone looks at them.
    m_pending = new QTimer(this);
    m_pending->setSingleShot(true);
    m_pending->setInterval(1000);
    connect(m_pending, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
        else
            m_stale = true;
    });
    connect(m_cache, &WorkspaceCache::leadsChanged, this, [this] {
        if (!m_pending->isActive())
            m_pending->start();
    });
    refresh();
}

QWidget *DashboardPage::buildHeader()
{
    auto *header = new QWidget(this);
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);
    m_title = scaledLabel(1.6, true, header);
    m_title->setText(tr("Dashboard"));
    row->addWidget(m_title, 1);
    m_period = new QComboBox(header);
    m_period->setObjectName(QStringLiteral("dashboardPeriod"));
    m_period->setAccessibleName(tr("Period"));
    for (int d : DashboardFigures::periods)
        m_period->addItem(tr("Last %1 days").arg(d), d);
    m_period->setCurrentIndex(1);
    row->addWidget(m_period);
    auto *csv = new QPushButton(tr("Export CSV…"), header);
    csv->setObjectName(QStringLiteral("exportCsv"));
    row->addWidget(csv);
    auto *png = new QPushButton(tr("Save charts as PNG…"), header);
    png->setObjectName(QStringLiteral("exportCharts"));
    row->addWidget(png);
    connect(m_period, &QComboBox::currentIndexChanged, this, &DashboardPage::refresh);
    connect(csv, &QPushButton::clicked, this, &DashboardPage::exportCsv);
    connect(png, &QPushButton::clicked, this, &DashboardPage::exportCharts);
    return header;
}

QWidget *DashboardPage::buildTiles()
{
    auto *tiles = new QWidget(this);
    auto *row = new QHBoxLayout(tiles);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(12);
    const QStringList captions = {tr("Total leads"), tr("Conversion rate"), tr("Escalation rate"), tr("Bot resolution"),
                                  tr("Average rating")};
    for (const QString &caption : captions) {
        auto *tile = new QFrame(tiles);
        tile->setFrameShape(QFrame::StyledPanel);
        tile->setAutoFillBackground(true);
        tile->setBackgroundRole(QPalette::Base);
        auto *v = new QVBoxLayout(tile);
        auto *value = scaledLabel(2.0, true, tile);
        value->setAccessibleName(caption);
        auto *label = new QLabel(caption, tile);
        label->setForegroundRole(QPalette::PlaceholderText);
        v->addWidget(value);
        v->addWidget(label);
        row->addWidget(tile, 1);
        m_tileValues << value;
    }
    return tiles;
}

QWidget *DashboardPage::buildCharts()
{
    auto *charts = new QWidget(this);
    auto *row = new QHBoxLayout(charts);
    row->setContentsMargins(0, 0, 0, 0);
    m_funnelChart = makeChart(tr("Conversion funnel"));
    m_funnelView = new QChartView(m_funnelChart, charts);
    m_funnelView->setObjectName(QStringLiteral("funnelChart"));
    m_funnelView->setRenderHint(QPainter::Antialiasing);
    m_funnelView->setMinimumHeight(260);
    m_complianceChart = makeChart(tr("SLA compliance"));
    m_complianceView = new QChartView(m_complianceChart, charts);
    m_complianceView->setObjectName(QStringLiteral("complianceChart"));
    m_complianceView->setRenderHint(QPainter::Antialiasing);
    m_complianceView->setMinimumHeight(260);
    row->addWidget(m_funnelView, 3);
    row->addWidget(m_complianceView, 2);
    return charts;
}

QWidget *DashboardPage::buildSla()
{
    auto *box = new QWidget(this);
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(16);
    auto *slaTitle = scaledLabel(1.15, true, box);
    slaTitle->setText(tr("Service level"));
    grid->addWidget(slaTitle, 0, 0, 1, 2);
    grid->addWidget(new QLabel(tr("First response"), box), 1, 0);
    m_firstResponse = new QLabel(box);
    m_firstResponse->setObjectName(QStringLiteral("firstResponse"));
    grid->addWidget(m_firstResponse, 1, 1);
    grid->addWidget(new QLabel(tr("Resolution"), box), 2, 0);
    m_resolution = new QLabel(box);
    m_resolution->setObjectName(QStringLiteral("resolution"));
    grid->addWidget(m_resolution, 2, 1);

    auto *queueRow = new QHBoxLayout;
    queueRow->setSpacing(32);
    for (const QString &caption : {tr("Open leads"), tr("Waiting for a human"), tr("Escalated, open")}) {
        auto *value = scaledLabel(1.5, true, box);
        value->setAccessibleName(caption);
        auto *v = new QVBoxLayout;
        v->setSpacing(0);
        v->addWidget(value);
        v->addWidget(new QLabel(caption, box));
        // The row is as tall as its grid cell: the stretch keeps each caption under its figure.
        v->addStretch(1);
        queueRow->addLayout(v);
        m_queueValues << value;
    }
    queueRow->addStretch();
    grid->addWidget(new QLabel(tr("Queue now"), box), 3, 0, Qt::AlignTop);
    grid->addLayout(queueRow, 3, 1);

    m_agents = new QTableWidget(0, 4, box);
    m_agents->setObjectName(QStringLiteral("agentTable"));
    m_agents->setHorizontalHeaderLabels({tr("Agent"), tr("Leads"), tr("Resolved"), tr("Resolution rate (%)")});
    m_agents->setSortingEnabled(true);
    m_agents->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_agents->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_agents->verticalHeader()->setVisible(false);
    m_agents->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_agents->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_agents->setMinimumHeight(220);
    grid->addWidget(new QLabel(tr("Agents"), box), 4, 0, Qt::AlignTop);
    grid->addWidget(m_agents, 4, 1);
    grid->setColumnStretch(1, 1);
    return box;
}

void DashboardPage::setWorkspaceName(const QString &name)
{
    m_title->setText(name.isEmpty() ? tr("Dashboard") : name);
}

int DashboardPage::days() const
{
    return m_period->currentData().toInt();
}

void DashboardPage::setDays(int days)
{
    const int index = m_period->findData(days);
    if (index >= 0)
        m_period->setCurrentIndex(index);
}

void DashboardPage::refresh()
{
    const quint64 generation = ++m_generation;
    if (!m_cache->isOpen()) {
        show(DashboardFigures{});
        return;
    }
    const QString path = m_cache->path();
    const int period = days();
    using Outcome = Result<DashboardFigures>;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        const Outcome outcome = watcher->result();
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer period or a newer sync asked since
        if (!outcome) {
            m_error->setText(tr("Cannot compute the dashboard: %1").arg(outcome.error().message));
            m_error->setVisible(true);
            return;
        }
        m_error->setVisible(false);
        show(*outcome);
    });
    // Aggregates over the whole cache: never on the GUI thread.
    watcher->setFuture(QtConcurrent::run(CacheTask::pool(), [path, period]() -> Outcome {
        auto db = Database::open(path);
        if (!db)
            return db.error();
        return DashboardFigures::fromCache(*db, period);
    }));
}

QString DashboardPage::sourceText(const DashboardFigures::Part &part) const
{
    if (part.source == DashboardFigures::Source::Server)
        return tr("from the service, fetched %1").arg(LeadText::age(part.asOf));
    return part.asOf.isValid() ? tr("computed from cached data as of %1")
                                     .arg(QLocale().toString(part.asOf.toLocalTime(), QLocale::ShortFormat))
                               : tr("computed from cached data (never synced)");
}

void DashboardPage::show(const DashboardFigures &figures)
{
    m_figures = figures;
    QStringList lines{tr("Overview and funnel: %1.").arg(sourceText(figures.overview)),
                      tr("Service level, last %1 days: %2.").arg(figures.days).arg(sourceText(figures.sla))};
    if (!figures.sla.note.isEmpty())
        lines << tr("The service's SLA figures: %1").arg(figures.sla.note);
    m_source->setText(lines.join(QLatin1Char('\n')));
    showTiles();
    showFunnel();
    showSla();
    emit refreshed();
}

void DashboardPage::showTiles()
{
    const QJsonObject o = m_figures.overview.body;
    const QLocale locale;
    m_tileValues.at(0)->setText(locale.toString(o.value(QStringLiteral("total_leads")).toInteger()));
    m_tileValues.at(1)->setText(percentText(o.value(QStringLiteral("conversion_rate"))));
    m_tileValues.at(2)->setText(percentText(o.value(QStringLiteral("escalation_rate"))));
    m_tileValues.at(3)->setText(percentText(o.value(QStringLiteral("bot_resolution_pct"))));
    const QJsonValue rating = o.value(QStringLiteral("avg_rating"));
    m_tileValues.at(4)->setText(rating.isDouble() ? locale.toString(rating.toDouble(), 'f', 2) : tr("–"));
}

void DashboardPage::showFunnel()
{
    clearChart(m_funnelChart);
    auto *set = new QBarSet(tr("Leads"));
    QStringList categories;
    qint64 largest = 1;
    const QJsonArray stages = m_figures.funnel.body.value(QStringLiteral("funnel")).toArray();
    // Bottom to top: the pipeline reads downwards.
    for (qsizetype i = stages.size() - 1; i >= 0; --i) {
        const qint64 n = stages.at(i)[QStringLiteral("count")].toInteger();
        categories << LeadText::status(LeadStatus::fromString(stages.at(i)[QStringLiteral("status")].toString()));
        *set << double(n);
        largest = std::max(largest, n);
    }
    set->setColor(QColor(0x2e, 0x86, 0xde));
    set->setLabelColor(palette().color(QPalette::Text));
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPrecision(kCountDigits);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    m_funnelChart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    auto *x = new QValueAxis;
    x->setRange(0, double(largest) * 1.1);
    x->applyNiceNumbers();
    // Qt Charts 6.4 draws no label at all for a localized "%d": whole numbers as "%.0f".
    x->setLabelFormat(QStringLiteral("%.0f"));
    m_funnelChart->addAxis(y, Qt::AlignLeft);
    m_funnelChart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    applyChartTheme();
}

void DashboardPage::showSla()
{
    const QJsonObject sla = m_figures.sla.body;
    const QJsonObject fr = sla.value(QStringLiteral("first_response")).toObject();
    const QJsonObject res = sla.value(QStringLiteral("resolution")).toObject();
    auto line = [](const QJsonObject &t) {
        return tr("average %1 against a target of %2; %3 within target (%Ln lead(s))", nullptr,
                  int(t.value(QStringLiteral("count")).toInteger()))
            .arg(duration(t.value(QStringLiteral("avg_seconds")).toDouble()),
                 duration(t.value(QStringLiteral("target_seconds")).toDouble()),
                 percentText(t.value(QStringLiteral("compliance_pct"))));
    };
    m_firstResponse->setText(line(fr));
    m_resolution->setText(line(res));
    const QJsonObject queue = sla.value(QStringLiteral("queue")).toObject();
    const QLocale locale;
    m_queueValues.at(0)->setText(locale.toString(queue.value(QStringLiteral("open_leads")).toInteger()));
    m_queueValues.at(1)->setText(locale.toString(queue.value(QStringLiteral("waiting_human")).toInteger()));
    m_queueValues.at(2)->setText(locale.toString(queue.value(QStringLiteral("escalated_open")).toInteger()));

    clearChart(m_complianceChart);
    auto *set = new QBarSet(tr("Within target (%)"));
    *set << res.value(QStringLiteral("compliance_pct")).toDouble()
         << fr.value(QStringLiteral("compliance_pct")).toDouble();
    set->setColor(QColor(0x27, 0xae, 0x60));
    set->setLabelColor(palette().color(QPalette::Text));
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPrecision(kPercentDigits);
    series->setLabelsFormat(QStringLiteral("@value %"));
    m_complianceChart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append({tr("Resolution"), tr("First response")});
    auto *x = new QValueAxis;
    x->setRange(0, 100);
    // Localized, Qt Charts copies the text around the number verbatim: one '%', not "%%".
    x->setLabelFormat(QStringLiteral("%.0f %"));
    m_complianceChart->addAxis(y, Qt::AlignLeft);
    m_complianceChart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    applyChartTheme();

    m_agents->setSortingEnabled(false);
    const QJsonArray agents = sla.value(QStringLiteral("agents")).toArray();
    m_agents->setRowCount(int(agents.size()));
    for (int r = 0; r < agents.size(); ++r) {
        const QJsonObject a = agents.at(r).toObject();
        auto *name = new QTableWidgetItem(a.value(QStringLiteral("agent")).toString());
        m_agents->setItem(r, 0, name);
        m_agents->setItem(r, 1, numberItem(double(a.value(QStringLiteral("total")).toInteger()), {}));
        m_agents->setItem(r, 2, numberItem(double(a.value(QStringLiteral("resolved")).toInteger()), {}));
        m_agents->setItem(r, 3, numberItem(a.value(QStringLiteral("resolution_rate")).toDouble(), {}));
    }
    m_agents->setSortingEnabled(true);
}

void DashboardPage::applyChartTheme()
{
    // Charts follow the window's palette: readable in light and dark.
    const QPalette pal = palette();
    for (QChart *chart : {m_funnelChart, m_complianceChart}) {
        if (!chart)
            continue;
        chart->setBackgroundBrush(pal.color(QPalette::Base));
        chart->setTitleBrush(pal.color(QPalette::Text));
        for (QAbstractAxis *axis : chart->axes()) {
            axis->setLabelsBrush(pal.color(QPalette::Text));
            axis->setLinePenColor(pal.color(QPalette::Mid));
            axis->setGridLineColor(pal.color(QPalette::Midlight));
        }
    }
    for (QChartView *view : {m_funnelView, m_complianceView}) {
        if (view)
            view->setBackgroundBrush(pal.color(QPalette::Window));
    }
}

void DashboardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_stale, false))
        refresh();
}

void DashboardPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_funnelChart) {
        showFunnel();
        showSla();
    }
}

QImage DashboardPage::funnelImage() const
{
    return m_funnelView->grab().toImage();
}

QImage DashboardPage::complianceImage() const
{
    return m_complianceView->grab().toImage();
}

void DashboardPage::exportCsv()
{
    auto *dialog = new QFileDialog(this, tr("Export the dashboard as CSV"), QString(), tr("CSV files (*.csv)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->selectFile(QStringLiteral("dashboard-%1d.csv").arg(days()));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(m_figures.toCsv().toUtf8()) < 0 || !out.commit()) {
            m_error->setText(tr("Cannot write %1: %2").arg(file, out.errorString()));
            m_error->setVisible(true);
        }
    });
    dialog->open();
}

void DashboardPage::exportCharts()
{
    auto *dialog = new QFileDialog(this, tr("Save the charts as PNG into a folder"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &dir) {
        const QString funnel = dir + QStringLiteral("/funnel.png");
        const QString compliance = dir + QStringLiteral("/sla-compliance-%1d.png").arg(days());
        if (!funnelImage().save(funnel) || !complianceImage().save(compliance)) {
            m_error->setText(tr("Cannot write the charts into %1").arg(dir));
            m_error->setVisible(true);
        }
    });
    dialog->open();
}

} // namespace outpost
