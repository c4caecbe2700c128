#include "LeadPrinter.h"

#include <QTextStream>

namespace outpost::ctl {

namespace {

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("-");
}

QString orDash(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("-") : LeadPrinter::printable(s);
}

} // namespace

QString LeadPrinter::printable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\t'))
            out += QStringLiteral("\\t");
        else if (c == QLatin1Char('\r'))
            out += QStringLiteral("\\r");
        else if (c.category() == QChar::Other_Control)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QString LeadPrinter::fit(const QString &text, int width)
{
    const QString p = printable(text);
    if (p.size() <= width)
        return p.leftJustified(width);
    return p.left(width - 1) + QChar(0x2026);
}

void LeadPrinter::printTable(QTextStream &out, const QList<Lead> &leads)
{
    out << fit(tr("ID"), 9) << ' ' << fit(tr("STATUS"), 10) << ' ' << fit(tr("NAME"), 28) << ' ' << fit(tr("PHONE"), 16)
        << ' ' << fit(tr("CHANNEL"), 9) << ' ' << tr("UPDATED (UTC)") << '\n';
    for (const Lead &l : leads) {
        out << QString::number(l.id).leftJustified(9) << ' ' << fit(l.status.toString(), 10) << ' ' << fit(l.name, 28)
            << ' ' << fit(l.phone, 16) << ' ' << fit(l.channel, 9) << ' ' << timeText(l.updatedAt) << '\n';
    }
    out.flush();
}

void LeadPrinter::printDetail(QTextStream &out, const LeadDetail &d)
{
    const Lead &l = d.lead;
    auto row = [&out](const QString &label, const QString &value) {
        out << QString(label + QLatin1Char(':')).leftJustified(16) << value << '\n';
    };
    row(tr("Lead"), QString::number(l.id));
    row(tr("Name"), orDash(l.name));
    row(tr("Phone"), orDash(l.phone));
    row(tr("Email"), orDash(l.email));
    row(tr("Status"), orDash(l.status.toString()));
    row(tr("Channel"), orDash(l.channel));
    row(tr("Source"), orDash(l.source));
    row(tr("Tags"), l.tags.isEmpty() ? QStringLiteral("-") : printable(l.tags.join(QStringLiteral(", "))));
    row(tr("Agent"), orDash(l.assignedAgent));
    row(tr("Escalated"), l.escalated ? tr("yes") : tr("no"));
    row(tr("Score"), l.score ? QString::number(*l.score) : QStringLiteral("-"));
    row(tr("Rating"), l.rating ? QString::number(*l.rating) : QStringLiteral("-"));
    row(tr("Created"), timeText(l.createdAt));
    row(tr("Updated"), timeText(l.updatedAt));
    row(tr("Last message"), timeText(l.lastMessageAt));

    out << '\n' << tr("Messages (%1)").arg(d.messages.size()) << '\n';
    for (const Message &m : d.messages) {
        out << "  " << timeText(m.sentAt) << ' ' << (m.direction == Message::Direction::In ? "<- " : "-> ")
            << orDash(m.author) << ": " << printable(m.text) << '\n';
    }
    out << '\n' << tr("Notes (%1)").arg(d.notes.size()) << '\n';
    for (const Note &n : d.notes)
        out << "  " << timeText(n.createdAt) << ' ' << orDash(n.author) << ": " << printable(n.text) << '\n';
    out << '\n' << tr("Appointments (%1)").arg(d.appointments.size()) << '\n';
    for (const Appointment &a : d.appointments)
        out << "  " << printable(a.dateTime) << ' ' << orDash(a.service) << " (" << orDash(a.status) << ")\n";
    out.flush();
}

} // namespace outpost::ctl
