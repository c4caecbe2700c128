#pragma once

#include "analytics/DashboardFigures.h"

#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace outpost {

class WorkspaceCache;

// The SLA dashboard: KPI tiles, the funnel, first response and resolution
// against their targets, the queue and the agents, over 7, 30 or 90 days.
// Figures are the service's as the last sync stored them when the plan gives
// them and they fit the period, else computed from the cache, and always
// labelled with which. Everything is read off the GUI thread.
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(WorkspaceCache *cache, QWidget *parent = nullptr);

    void setWorkspaceName(const QString &name);
    int days() const;
    void setDays(int days);
    const DashboardFigures &figures() const { return m_figures; }
    // Each chart as an image, for export (and tests).
    QImage funnelImage() const;
    QImage complianceImage() const;

public slots:
    void refresh();

signals:
    void refreshed();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildHeader();
    QWidget *buildTiles();
    QWidget *buildCharts();
    QWidget *buildSla();
    void show(const DashboardFigures &figures);
    void showTiles();
    void showFunnel();
    void showSla();
    void applyChartTheme();
    void exportCsv();
    void exportCharts();
    QString sourceText(const DashboardFigures::Part &part) const;

    WorkspaceCache *m_cache;
    DashboardFigures m_figures;
    quint64 m_generation = 0;
    QTimer *m_pending = nullptr;
    bool m_stale = false;
    QLabel *m_title = nullptr;
    QComboBox *m_period = nullptr;
    QLabel *m_source = nullptr;
    QLabel *m_error = nullptr;
    QList<QLabel *> m_tileValues;
    QChart *m_funnelChart = nullptr;
    QChartView *m_funnelView = nullptr;
    QChart *m_complianceChart = nullptr;
    QChartView *m_complianceView = nullptr;
    QLabel *m_firstResponse = nullptr;
    QLabel *m_resolution = nullptr;
    QList<QLabel *> m_queueValues;
    QTableWidget *m_agents = nullptr;
};

} // namespace outpost
