#include "PipelineBoard.h"

#include "LeadCardDelegate.h"
#include "LeadTableModel.h"
#include "PipelineModel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

namespace outpost {

PipelineBoard::PipelineBoard(PipelineModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("pipelineBoard"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    for (int column = 0; column < m_model->rowCount(); ++column)
        layout->addWidget(buildColumn(column), 1);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PipelineBoard::updateHeaders);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PipelineBoard::updateHeaders);
    updateHeaders();
}

QWidget *PipelineBoard::buildColumn(int column)
{
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("pipelineColumn"));
    box->setMinimumWidth(150);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *header = new QHBoxLayout;
    auto *title = new QLabel(box);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *count = new QLabel(box);
    count->setObjectName(QStringLiteral("columnCount"));
    count->setStyleSheet(QStringLiteral("QLabel { background: palette(mid); color: palette(base); border-radius: 8px; "
                                        "padding: 0px 7px; }"));
    header->addWidget(title);
    header->addStretch();
    header->addWidget(count);
    layout->addLayout(header);

    auto *view = new QListView(box);
    view->setModel(m_model->columnModel(column));
    view->setModelColumn(LeadTableModel::NameColumn);
    view->setItemDelegate(new LeadCardDelegate(view));
    view->setUniformItemSizes(true);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setFrameShape(QFrame::NoFrame);
    // The column is the window's colour; the cards (the application's base colour) stand on it.
    QPalette pal = view->palette();
    pal.setColor(QPalette::Base, pal.color(QPalette::Window));
    view->setPalette(pal);
    connect(view, &QListView::activated, this, [this, column](const QModelIndex &index) {
        emit leadOpened(m_model->columnModel(column)->idAt(index.row()));
    });
    layout->addWidget(view, 1);

    auto *empty = new QLabel(tr("No leads"), box);
    empty->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    empty->setEnabled(false);
    layout->addWidget(empty);

    m_titles << title;
    m_counts << count;
    m_empties << empty;
    m_views << view;
    return box;
}

void PipelineBoard::updateHeaders()
{
    for (int column = 0; column < m_titles.size(); ++column) {
        const QModelIndex i = m_model->index(column);
        m_titles.at(column)->setText(i.data().toString());
        m_titles.at(column)->setAccessibleName(i.data().toString());
        m_counts.at(column)->setText(i.data(PipelineModel::CountTextRole).toString());
        m_counts.at(column)->setAccessibleName(tr("%1 leads").arg(i.data(PipelineModel::CountTextRole).toString()));
        const bool empty = i.data(PipelineModel::CountRole).toLongLong() == 0;
        m_empties.at(column)->setVisible(empty);
        m_views.at(column)->setVisible(!empty);
    }
}

} // namespace outpost
