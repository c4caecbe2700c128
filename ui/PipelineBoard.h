#pragma once

#include <QPoint>
#include <QWidget>

class QLabel;
class QListView;

namespace outpost {

class LeadCardDelegate;
class PipelineModel;
class SyncStatusSource;

// The six pipeline columns side by side (and one for statuses the app does
// not know, while such leads exist), each with its count and its cards.
// A column is a list view over its own windowed model: only visible cards are read.
// Dragging cards to another column (or Ctrl+Left / Ctrl+Right on selected
// cards) changes their status through the outbox; they move at once and show
// as pending until the service confirms.
class PipelineBoard : public QWidget
{
    Q_OBJECT

public:
    explicit PipelineBoard(PipelineModel *model, QWidget *parent = nullptr);

    QListView *columnView(int column) const { return m_views.value(column); }
    void setSyncStatus(SyncStatusSource *sync);
    // The ids a drag of these cards carries, in the form a drop expects.
    static QByteArray encodeLeadIds(const QList<qint64> &ids);

public slots:
    // Queues a status change for each lead to the status of `column`.
    void moveLeads(const QList<qint64> &ids, int column);

signals:
    void leadOpened(qint64 id);
    // A move could not be queued: why, for the status bar.
    void moveFailed(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildColumn(int column);
    // Shows a column for each row of the model, each view on its row's leads.
    void syncColumns();
    void updateHeaders();
    int columnOfViewport(QObject *viewport) const;
    QList<qint64> selectedIds(int column) const;
    bool handleKey(int column, QKeyEvent *key);
    bool handleDrop(int column, QEvent *event);
    void startDrag(int column);

    PipelineModel *m_model;
    SyncStatusSource *m_sync = nullptr;
    QList<QWidget *> m_boxes;
    QList<QLabel *> m_titles;
    QList<QLabel *> m_counts;
    QList<QLabel *> m_empties;
    QList<QListView *> m_views;
    QList<LeadCardDelegate *> m_delegates;
    QPoint m_pressAt;
    int m_pressColumn = -1;
};

} // namespace outpost
