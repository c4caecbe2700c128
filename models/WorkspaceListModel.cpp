#include "WorkspaceListModel.h"

#include "workspace/WorkspaceRegistry.h"

namespace outpost {

WorkspaceListModel::WorkspaceListModel(WorkspaceRegistry &registry, QObject *parent)
    : QAbstractListModel(parent)
    , m_registry(registry)
    , m_workspaces(registry.workspaces())
{}

int WorkspaceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_workspaces.size());
}

QVariant WorkspaceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Workspace &w = m_workspaces.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return w.name;
    case Qt::ToolTipRole:
        return w.isOffline() ? tr("%1 (local cache only)").arg(w.name)
                             : tr("%1 at %2").arg(w.name, w.baseUrl.toDisplayString());
    case IdRole:
        return w.id;
    case BaseUrlRole:
        return w.baseUrl;
    default:
        return {};
    }
}

QHash<int, QByteArray> WorkspaceListModel::roleNames() const
{
    QHash<int, QByteArray> roles = QAbstractListModel::roleNames();
    roles.insert(IdRole, "workspaceId");
    roles.insert(BaseUrlRole, "baseUrl");
    return roles;
}

Workspace WorkspaceListModel::workspaceAt(int row) const
{
    return row >= 0 && row < m_workspaces.size() ? m_workspaces.at(row) : Workspace{};
}

int WorkspaceListModel::rowOf(const QUuid &id) const
{
    for (int i = 0; i < m_workspaces.size(); ++i) {
        if (m_workspaces.at(i).id == id)
            return i;
    }
    return -1;
}

void WorkspaceListModel::reload()
{
    beginResetModel();
    m_workspaces = m_registry.workspaces();
    endResetModel();
}

} // namespace outpost
