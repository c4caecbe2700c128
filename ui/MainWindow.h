#pragma once

#include <QMainWindow>

class QComboBox;
class QLabel;
class QStackedWidget;

namespace outpost {

class WorkspaceListModel;
class WorkspaceRegistry;
class WorkspaceSummary;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(WorkspaceRegistry &registry, QWidget *parent = nullptr);

private slots:
    void switchToRow(int row);
    void showSummary();

private:
    QWidget *buildWelcomePage();
    QWidget *buildWorkspacePage();

    WorkspaceRegistry &m_registry;
    WorkspaceListModel *m_workspaces = nullptr;
    WorkspaceSummary *m_summary = nullptr;
    QComboBox *m_switcher = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_statusCount = nullptr;
};

} // namespace outpost
