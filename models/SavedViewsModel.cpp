#include "SavedViewsModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>

namespace outpost {

SavedViewsModel::SavedViewsModel(QString settingsPath, QObject *parent)
    : QAbstractListModel(parent)
    , m_settingsPath(std::move(settingsPath))
{}

int SavedViewsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_views.size());
}

QVariant SavedViewsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SavedView &v = m_views.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case Qt::ToolTipRole:
        return v.name;
    case ViewRole:
        return QVariant::fromValue(v.toJson());
    }
    return {};
}

QString SavedViewsModel::settingsKey() const
{
    return QStringLiteral("workspaces/%1/savedViews").arg(m_workspace.toString(QUuid::WithoutBraces));
}

void SavedViewsModel::setWorkspace(const QUuid &workspace)
{
    beginResetModel();
    m_workspace = workspace;
    load();
    endResetModel();
}

void SavedViewsModel::load()
{
    m_views.clear();
    if (m_workspace.isNull())
        return;
    const QSettings settings(m_settingsPath, QSettings::IniFormat);
    // One JSON document: QSettings' INI escaping would mangle hostile filter text.
    const QJsonArray array = QJsonDocument::fromJson(settings.value(settingsKey()).toString().toUtf8()).array();
    for (const QJsonValue &v : array) {
        SavedView view = SavedView::fromJson(v.toObject());
        if (!view.name.trimmed().isEmpty() && rowOf(view.name) < 0)
            m_views << view;
    }
}

void SavedViewsModel::store() const
{
    QJsonArray array;
    for (const SavedView &v : m_views)
        array.append(v.toJson());
    QSettings settings(m_settingsPath, QSettings::IniFormat);
    settings.setValue(settingsKey(), QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
    settings.sync();
}

int SavedViewsModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_views.size(); ++row) {
        if (m_views.at(row).name == name)
            return row;
    }
    return -1;
}

void SavedViewsModel::save(const SavedView &view)
{
    if (m_workspace.isNull() || view.name.trimmed().isEmpty())
        return;
    const int row = rowOf(view.name);
    if (row >= 0) {
        m_views[row] = view;
        emit dataChanged(index(row), index(row));
    } else {
        beginInsertRows(QModelIndex(), static_cast<int>(m_views.size()), static_cast<int>(m_views.size()));
        m_views << view;
        endInsertRows();
    }
    store();
}

void SavedViewsModel::remove(int row)
{
    if (row < 0 || row >= m_views.size())
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_views.removeAt(row);
    endRemoveRows();
    store();
}

} // namespace outpost
