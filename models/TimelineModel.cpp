#include "TimelineModel.h"

#include <QLocale>

#include <algorithm>

namespace outpost {

namespace {

TimelineModel::Entry fromMessage(const Message &m)
{
    return {m.direction == Message::Direction::In ? TimelineModel::Kind::IncomingMessage
                                                  : TimelineModel::Kind::OutgoingMessage,
            m.sentAt,
            m.id,
            m.author,
            m.text,
            m.channel,
            QString(),
            TimelineModel::Delivery::Confirmed,
            QString()};
}

TimelineModel::Entry fromNote(const Note &n)
{
    return {TimelineModel::Kind::Note,          n.createdAt, n.id, n.author, n.text, QString(), QString(),
            TimelineModel::Delivery::Confirmed, QString()};
}

TimelineModel::Entry fromAppointment(const Appointment &a)
{
    return {TimelineModel::Kind::Appointment,
            TimelineModel::parseAppointmentTime(a.dateTime),
            a.id,
            QString(),
            a.service,
            QString(),
            a.status,
            TimelineModel::Delivery::Confirmed,
            QString()};
}

} // namespace

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractListModel(parent)
{}

QDateTime TimelineModel::parseAppointmentTime(const QString &text)
{
    // Kept as UTC for ordering: the contract gives no zone, and only the order matters here.
    const QString t = text.trimmed();
    if (t.size() != 16 || t.at(10) != QLatin1Char(' '))
        return {};
    const QDate date = QDate::fromString(t.left(10), Qt::ISODate);
    const QTime time = QTime::fromString(t.mid(11), QStringLiteral("HH:mm"));
    return date.isValid() && time.isValid() ? QDateTime(date, time, Qt::UTC) : QDateTime();
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(TimeRole, "time");
    names.insert(AuthorRole, "author");
    names.insert(TextRole, "text");
    names.insert(ChannelRole, "channel");
    names.insert(DetailRole, "detail");
    names.insert(IdRole, "id");
    names.insert(DeliveryRole, "delivery");
    names.insert(DeliveryTextRole, "deliveryText");
    return names;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return e.text;
    case Qt::AccessibleTextRole:
        return QStringLiteral("%1 %2 %3").arg(e.author, e.text, deliveryText(e.delivery, e.deliveryReason)).trimmed();
    case KindRole:
        return QVariant::fromValue(e.kind);
    case TimeRole:
        return e.at;
    case AuthorRole:
        return e.author;
    case ChannelRole:
        return e.channel;
    case DetailRole:
        return e.detail;
    case IdRole:
        return e.id;
    case DeliveryRole:
        return QVariant::fromValue(e.delivery);
    case DeliveryTextRole:
    case Qt::ToolTipRole:
        return deliveryText(e.delivery, e.deliveryReason);
    }
    return {};
}

QString TimelineModel::deliveryText(Delivery delivery, const QString &reason)
{
    switch (delivery) {
    case Delivery::Confirmed:
        return QString();
    case Delivery::Queued:
        return tr("Queued");
    case Delivery::Sending:
        return tr("Sending…");
    case Delivery::NeedsReview:
        return reason.isEmpty() ? tr("Needs review") : tr("Needs review: %1").arg(reason);
    case Delivery::Failed:
        return reason.isEmpty() ? tr("Not sent") : tr("Not sent: %1").arg(reason);
    }
    return QString();
}

void TimelineModel::applyQueued(Entry &entry, const QHash<QString, QueuedItem> &queued)
{
    const auto it = queued.constFind(entry.id);
    entry.delivery = Delivery::Confirmed;
    entry.deliveryReason.clear();
    if (it == queued.constEnd())
        return;
    entry.deliveryReason = it->reason;
    switch (it->state) {
    case QueuedItem::State::Waiting:
        entry.delivery = Delivery::Queued;
        break;
    case QueuedItem::State::Sending:
        entry.delivery = Delivery::Sending;
        break;
    case QueuedItem::State::NeedsReview:
        entry.delivery = Delivery::NeedsReview;
        break;
    case QueuedItem::State::Failed:
        entry.delivery = Delivery::Failed;
        break;
    }
}

void TimelineModel::setQueuedItems(const QHash<QString, QueuedItem> &queued)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        Entry &e = m_entries[row];
        const Delivery before = e.delivery;
        const QString reason = e.deliveryReason;
        applyQueued(e, queued);
        if (e.delivery != before || e.deliveryReason != reason)
            emit dataChanged(index(row), index(row), {DeliveryRole, DeliveryTextRole, Qt::AccessibleTextRole});
    }
}

void TimelineModel::setDetail(const LeadDetail &detail, const QHash<QString, QueuedItem> &queued)
{
    QList<Entry> entries;
    entries.reserve(detail.messages.size() + detail.notes.size() + detail.appointments.size());
    for (const Message &m : detail.messages)
        entries << fromMessage(m);
    for (const Note &n : detail.notes)
        entries << fromNote(n);
    for (const Appointment &a : detail.appointments)
        entries << fromAppointment(a);
    // Undated entries (a malformed appointment time) go last rather than first.
    std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        if (a.at.isValid() != b.at.isValid())
            return a.at.isValid();
        return a.at < b.at;
    });
    for (Entry &e : entries)
        applyQueued(e, queued);
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

void TimelineModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

} // namespace outpost
