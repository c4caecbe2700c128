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
            QString()};
}

TimelineModel::Entry fromNote(const Note &n)
{
    return {TimelineModel::Kind::Note, n.createdAt, n.id, n.author, n.text, QString(), QString()};
}

TimelineModel::Entry fromAppointment(const Appointment &a)
{
    return {TimelineModel::Kind::Appointment,
            TimelineModel::parseAppointmentTime(a.dateTime),
            a.id,
            QString(),
            a.service,
            QString(),
            a.status};
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
        return QStringLiteral("%1 %2").arg(e.author, e.text).trimmed();
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
    }
    return {};
}

void TimelineModel::setDetail(const LeadDetail &detail)
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
