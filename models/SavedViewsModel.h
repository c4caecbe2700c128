#pragma once

#include "SavedView.h"

#include <QAbstractListModel>
#include <QList>
#include <QUuid>

namespace outpost {

// The saved views of one workspace, kept in the profile's settings file (they
// name agents and tags of that workspace, so each workspace has its own).
class SavedViewsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        ViewRole = Qt::UserRole + 1,
    };

    explicit SavedViewsModel(QString settingsPath, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setWorkspace(const QUuid &workspace);
    // Adds the view, or replaces the one with the same name (names are unique).
    void save(const SavedView &view);
    void remove(int row);
    SavedView viewAt(int row) const { return m_views.value(row); }
    int rowOf(const QString &name) const;

private:
    void load();
    void store() const;
    QString settingsKey() const;

    QString m_settingsPath;
    QUuid m_workspace;
    QList<SavedView> m_views;
};

} // namespace outpost
