#pragma once

#include <QWidget>

class QGridLayout;
class QLabel;
class QProgressBar;

namespace outpost {

class WorkspaceCache;

// What the cache holds at a glance: the workspace, its lead count and the
// pipeline funnel. Counts come from the trigger-kept table: instant at any size.
// (The SLA charts of the dashboard issue build on this page.)
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(WorkspaceCache *cache, QWidget *parent = nullptr);

    void setWorkspaceName(const QString &name);

public slots:
    void refresh();

private:
    WorkspaceCache *m_cache;
    QLabel *m_title = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_error = nullptr;
    QList<QLabel *> m_stageCounts;
    QList<QProgressBar *> m_stageBars;
};

} // namespace outpost
