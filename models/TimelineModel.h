#pragma once

#include "LeadEdits.h"
#include "domain/LeadDetail.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>

namespace outpost {

// A lead's conversation as one list in time order: messages in and out, notes
// and appointments. Entries at the same moment keep the order the service gave.
// What the outbox still holds carries its delivery state until the service's
// copy replaces it.
class TimelineModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class Kind {
        IncomingMessage,
        OutgoingMessage,
        Note,
        Appointment,
    };
    Q_ENUM(Kind)

    enum Role {
        KindRole = Qt::UserRole + 1,
        TimeRole, // QDateTime (UTC); appointments: their local time as given
        AuthorRole,
        TextRole,
        ChannelRole,
        DetailRole, // appointment status
        IdRole,
        DeliveryRole,     // Delivery
        DeliveryTextRole, // "Queued", "Sending…", "Not sent: <reason>"; empty once confirmed
    };

    enum class Delivery {
        Confirmed, // the service has it (everything it sent us)
        Queued,
        Sending,
        NeedsReview,
        Failed,
    };
    Q_ENUM(Delivery)

    struct Entry
    {
        Kind kind = Kind::Note;
        QDateTime at;
        QString id;
        QString author;
        QString text;
        QString channel;
        QString detail;
        Delivery delivery = Delivery::Confirmed;
        QString deliveryReason;
    };

    explicit TimelineModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setDetail(const LeadDetail &detail, const QHash<QString, QueuedItem> &queued = {});
    // The outbox moved on: updates the delivery state in place (no reset).
    void setQueuedItems(const QHash<QString, QueuedItem> &queued);
    void clear();
    const Entry &entryAt(int row) const { return m_entries.at(row); }

    // "2026-05-15 14:00", the contract's appointment form; invalid when malformed.
    static QDateTime parseAppointmentTime(const QString &text);
    static QString deliveryText(Delivery delivery, const QString &reason);

private:
    static void applyQueued(Entry &entry, const QHash<QString, QueuedItem> &queued);

    QList<Entry> m_entries;
};

} // namespace outpost
