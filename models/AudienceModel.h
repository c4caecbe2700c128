#pragma once

#include "campaigns/AudienceQuery.h"
#include "campaigns/CampaignMessage.h"

#include <QAbstractTableModel>

namespace outpost {

// The sample of a campaign's audience with each lead's message rendered as it
// will be sent: the builder's live preview.
class AudienceModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Name,
        Phone,
        Agent,
        Message,
        ColumnCount
    };

    explicit AudienceModel(QObject *parent = nullptr);

    void setAudience(const Audience &audience);
    void setMessage(const QString &text);
    const Audience &audience() const { return m_audience; }
    const CampaignMessage &message() const { return m_message; }
    // Sample leads the message has a placeholder without a value for.
    int leadsMissingValues() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Audience m_audience;
    CampaignMessage m_message{QString()};
};

} // namespace outpost
