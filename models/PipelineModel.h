#pragma once

#include "domain/LeadFilter.h"
#include "domain/LeadStatus.h"

#include <QAbstractListModel>
#include <QList>
#include <QStringList>

namespace outpost {

class LeadTableModel;
class WorkspaceCache;

// The pipeline: one row per status, in pipeline order, with its count; each
// column's leads are a LeadTableModel of their own (windowed the same way),
// newest activity first. The filter is shared: the status of each column is
// added to it. Statuses the app does not know (a service may send any text)
// get one more row after the six, present only while such leads are cached.
class PipelineModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        StatusRole = Qt::UserRole + 1, // the wire form; empty for the unknown statuses' row
        CountRole,
        CountExactRole,
        CountTextRole,
        StatusesRole, // QStringList: the wire forms the row shows
    };

    explicit PipelineModel(WorkspaceCache *cache, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setFilter(const LeadFilter &filter);
    const LeadFilter &filter() const { return m_filter; }

    LeadStatus statusAt(int column) const;
    // Whether cards can be moved into this column (not the unknown statuses').
    bool acceptsMoves(int column) const;
    // The row of the unknown statuses, when present.
    int unknownColumn() const { return m_unknown ? static_cast<int>(m_columns.size()) : -1; }
    QStringList unknownStatuses() const { return m_unknownStatuses; }
    LeadTableModel *columnModel(int column) const;

private:
    void columnCountChanged(int column);
    LeadFilter filterFor(int column) const;
    // Re-reads which unknown statuses the cache holds (a small table kept by
    // triggers) and adds, updates or removes their row.
    void updateUnknownStatuses();
    LeadTableModel *makeColumnModel(int column);

    WorkspaceCache *m_cache;
    LeadFilter m_filter;
    QList<LeadTableModel *> m_columns;
    LeadTableModel *m_unknown = nullptr;
    QStringList m_unknownStatuses;
};

} // namespace outpost
