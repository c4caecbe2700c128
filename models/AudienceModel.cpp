#include "AudienceModel.h"

namespace outpost {

AudienceModel::AudienceModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AudienceModel::setAudience(const Audience &audience)
{
    beginResetModel();
    m_audience = audience;
    endResetModel();
}

void AudienceModel::setMessage(const QString &text)
{
    m_message = CampaignMessage(text);
    if (!m_audience.sample.isEmpty())
        emit dataChanged(index(0, Message), index(rowCount() - 1, Message));
}

int AudienceModel::leadsMissingValues() const
{
    int n = 0;
    for (const Lead &lead : m_audience.sample)
        n += !m_message.missingFor(lead).isEmpty();
    return n;
}

int AudienceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_audience.sample.size());
}

int AudienceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AudienceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_audience.sample.size())
        return {};
    const Lead &lead = m_audience.sample.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == Message) {
        const QStringList missing = m_message.missingFor(lead);
        if (!missing.isEmpty())
            return tr("No value for %1 for this lead: it is sent empty").arg(missing.join(QStringLiteral(", ")));
    }
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Name:
            return lead.name;
        case Phone:
            return lead.phone;
        case Agent:
            return lead.assignedAgent.isEmpty() ? tr("(none)") : lead.assignedAgent;
        case Message:
            return m_message.render(lead);
        }
    }
    return {};
}

QVariant AudienceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Phone:
        return tr("Phone");
    case Agent:
        return tr("Agent");
    case Message:
        return tr("Message as sent");
    }
    return {};
}

} // namespace outpost
