#pragma once

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QListView;
class QListWidget;

namespace outpost {

class SavedViewsModel;

// The left column: the workspace switcher, the pages, and the saved views.
class Sidebar : public QWidget
{
    Q_OBJECT

public:
    enum Page {
        Leads,
        Pipeline,
        Dashboard,
        Campaigns,
        Settings,
        PageCount,
    };

    Sidebar(QAbstractItemModel *workspaces, SavedViewsModel *views, QWidget *parent = nullptr);

    QComboBox *workspaceSwitcher() const { return m_switcher; }
    QListView *savedViews() const { return m_views; }
    int currentPage() const;

public slots:
    void setCurrentPage(int page);

signals:
    void pageSelected(int page);
    void savedViewSelected(int row);
    void removeSavedViewRequested(int row);

private:
    void updateSavedViewsHint();

    QComboBox *m_switcher = nullptr;
    QListWidget *m_pages = nullptr;
    QListView *m_views = nullptr;
    QLabel *m_viewsHint = nullptr;
    SavedViewsModel *m_viewsModel;
};

} // namespace outpost
