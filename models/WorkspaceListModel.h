#pragma once

#include "workspace/Workspace.h"

#include <QAbstractListModel>
#include <QList>

namespace outpost {

class WorkspaceRegistry;

// The workspaces of a profile, for the workspace switcher.
class WorkspaceListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        BaseUrlRole,
    };

    explicit WorkspaceListModel(WorkspaceRegistry &registry, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    Workspace workspaceAt(int row) const;
    int rowOf(const QUuid &id) const;

public slots:
    // Re-reads the registry (after an add, remove or rename).
    void reload();

private:
    WorkspaceRegistry &m_registry;
    QList<Workspace> m_workspaces;
};

} // namespace outpost
