#include "PipelineModel.h"

#include "LeadTableModel.h"
#include "LeadText.h"
#include "WorkspaceCache.h"

#include <algorithm>
#include <utility>

namespace outpost {

PipelineModel::PipelineModel(WorkspaceCache *cache, QObject *parent)
    : QAbstractListModel(parent)
    , m_cache(cache)
{
    for (int column = 0; column < LeadStatus::pipeline().size(); ++column)
        m_columns << makeColumnModel(column);
    connect(cache, &WorkspaceCache::opened, this, &PipelineModel::updateUnknownStatuses);
    connect(cache, &WorkspaceCache::closed, this, &PipelineModel::updateUnknownStatuses);
    connect(cache, &WorkspaceCache::leadsChanged, this, &PipelineModel::updateUnknownStatuses);
    updateUnknownStatuses();
}

LeadTableModel *PipelineModel::makeColumnModel(int column)
{
    auto *model = new LeadTableModel(m_cache, this);
    model->setLeadSort(LeadSort{LeadSort::Key::UpdatedAt, Qt::DescendingOrder});
    connect(model, &LeadTableModel::countChanged, this, [this, model] {
        const int row = model == m_unknown ? unknownColumn() : static_cast<int>(m_columns.indexOf(model));
        if (row >= 0)
            columnCountChanged(row);
    });
    model->setFilter(filterFor(column));
    return model;
}

int PipelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size()) + (m_unknown ? 1 : 0);
}

QHash<int, QByteArray> PipelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(StatusRole, "status");
    names.insert(CountRole, "count");
    names.insert(CountExactRole, "countExact");
    names.insert(CountTextRole, "countText");
    names.insert(StatusesRole, "statuses");
    return names;
}

QVariant PipelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LeadTableModel *column = columnModel(index.row());
    const bool unknown = index.row() == unknownColumn();
    switch (role) {
    case Qt::DisplayRole:
        return unknown ? tr("Other statuses") : LeadText::status(statusAt(index.row()));
    case Qt::ToolTipRole:
        return unknown ? tr("Statuses this version does not know, as the service sent them: %1")
                             .arg(m_unknownStatuses.join(QStringLiteral(", ")))
                       : QVariant();
    case StatusRole:
        return unknown ? QString() : statusAt(index.row()).toString();
    case StatusesRole:
        return unknown ? m_unknownStatuses : QStringList{statusAt(index.row()).toString()};
    case CountRole:
        return column->matchCount();
    case CountExactRole:
        return column->isCountExact();
    case CountTextRole:
        return column->countText();
    }
    return {};
}

LeadTableModel *PipelineModel::columnModel(int column) const
{
    return column == unknownColumn() ? m_unknown : m_columns.value(column);
}

LeadStatus PipelineModel::statusAt(int column) const
{
    return LeadStatus::pipeline().value(column);
}

bool PipelineModel::acceptsMoves(int column) const
{
    return column >= 0 && column < LeadStatus::pipeline().size();
}

LeadFilter PipelineModel::filterFor(int column) const
{
    LeadFilter f = m_filter;
    f.status.clear();
    f.anyStatus.clear();
    if (column < LeadStatus::pipeline().size())
        f.status = statusAt(column).toString();
    else
        f.anyStatus = m_unknownStatuses;
    return f;
}

void PipelineModel::setFilter(const LeadFilter &filter)
{
    m_filter = filter;
    for (int column = 0; column < rowCount(); ++column)
        columnModel(column)->setFilter(filterFor(column));
}

void PipelineModel::updateUnknownStatuses()
{
    QStringList statuses;
    if (m_cache->isOpen()) {
        if (auto counts = m_cache->store().countsByStatus()) {
            for (auto it = counts->cbegin(); it != counts->cend(); ++it) {
                if (it.value() > 0 && !LeadStatus::isKnownName(it.key()))
                    statuses << it.key();
            }
        }
    }
    std::sort(statuses.begin(), statuses.end());
    if (statuses == m_unknownStatuses)
        return;
    m_unknownStatuses = statuses;
    const int row = static_cast<int>(m_columns.size());
    if (statuses.isEmpty()) {
        beginRemoveRows(QModelIndex(), row, row);
        LeadTableModel *gone = std::exchange(m_unknown, nullptr);
        endRemoveRows();
        gone->deleteLater();
    } else if (!m_unknown) {
        beginInsertRows(QModelIndex(), row, row);
        m_unknown = makeColumnModel(row);
        endInsertRows();
    } else {
        m_unknown->setFilter(filterFor(row));
        const QModelIndex i = index(row);
        emit dataChanged(i, i, {Qt::ToolTipRole, StatusesRole});
    }
}

void PipelineModel::columnCountChanged(int column)
{
    const QModelIndex i = index(column);
    emit dataChanged(i, i, {CountRole, CountExactRole, CountTextRole});
}

} // namespace outpost
