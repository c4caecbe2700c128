#pragma once

#include <QWidget>

class QLabel;
class QListView;

namespace outpost {

class PipelineModel;

// The six pipeline columns side by side, each with its count and its cards.
// A column is a list view over its own windowed model: only visible cards are read.
class PipelineBoard : public QWidget
{
    Q_OBJECT

public:
    explicit PipelineBoard(PipelineModel *model, QWidget *parent = nullptr);

    QListView *columnView(int column) const { return m_views.value(column); }

signals:
    void leadOpened(qint64 id);

private:
    QWidget *buildColumn(int column);
    void updateHeaders();

    PipelineModel *m_model;
    QList<QLabel *> m_titles;
    QList<QLabel *> m_counts;
    QList<QLabel *> m_empties;
    QList<QListView *> m_views;
};

} // namespace outpost
