#include "PipelineModel.h"

#include "LeadTableModel.h"
#include "LeadText.h"

namespace outpost {

PipelineModel::PipelineModel(WorkspaceCache *cache, QObject *parent)
    : QAbstractListModel(parent)
{
    const QList<LeadStatus> &stages = LeadStatus::pipeline();
    for (int column = 0; column < stages.size(); ++column) {
        auto *model = new LeadTableModel(cache, this);
        LeadFilter f;
        f.status = stages.at(column).toString();
        model->setFilter(f);
        model->setLeadSort(LeadSort{LeadSort::Key::UpdatedAt, Qt::DescendingOrder});
        connect(model, &LeadTableModel::countChanged, this, [this, column] { columnCountChanged(column); });
        m_columns << model;
    }
}

int PipelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QHash<int, QByteArray> PipelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(StatusRole, "status");
    names.insert(CountRole, "count");
    names.insert(CountExactRole, "countExact");
    names.insert(CountTextRole, "countText");
    return names;
}

QVariant PipelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LeadTableModel *column = m_columns.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return LeadText::status(statusAt(index.row()));
    case StatusRole:
        return statusAt(index.row()).toString();
    case CountRole:
        return column->matchCount();
    case CountExactRole:
        return column->isCountExact();
    case CountTextRole:
        return column->countText();
    }
    return {};
}

LeadStatus PipelineModel::statusAt(int column) const
{
    return LeadStatus::pipeline().value(column);
}

void PipelineModel::setFilter(const LeadFilter &filter)
{
    m_filter = filter;
    for (int column = 0; column < m_columns.size(); ++column) {
        LeadFilter f = filter;
        f.status = statusAt(column).toString();
        m_columns.at(column)->setFilter(f);
    }
}

void PipelineModel::columnCountChanged(int column)
{
    const QModelIndex i = index(column);
    emit dataChanged(i, i, {CountRole, CountExactRole, CountTextRole});
}

} // namespace outpost
