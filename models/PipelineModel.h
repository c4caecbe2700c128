#pragma once

#include "domain/LeadFilter.h"
#include "domain/LeadStatus.h"

#include <QAbstractListModel>
#include <QList>

namespace outpost {

class LeadTableModel;
class WorkspaceCache;

// The pipeline: one row per status, in pipeline order, with its count; each
// column's leads are a LeadTableModel of their own (windowed the same way),
// newest activity first. The filter is shared: the status of each column is
// added to it.
class PipelineModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        StatusRole = Qt::UserRole + 1, // the wire form
        CountRole,
        CountExactRole,
        CountTextRole,
    };

    explicit PipelineModel(WorkspaceCache *cache, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setFilter(const LeadFilter &filter);
    const LeadFilter &filter() const { return m_filter; }

    LeadStatus statusAt(int column) const;
    LeadTableModel *columnModel(int column) const { return m_columns.value(column); }

private:
    void columnCountChanged(int column);

    LeadFilter m_filter;
    QList<LeadTableModel *> m_columns;
};

} // namespace outpost
