#include "LeadCardDelegate.h"

#include "LeadTableModel.h"
#include "LeadText.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace outpost {

namespace {

constexpr int kMargin = 4;
constexpr int kPadding = 8;

QString oneLine(QString s)
{
    return s.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\t'), QLatin1Char(' '));
}

} // namespace

QSize LeadCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int line = option.fontMetrics.height();
    // The width is the view's: a list view in list mode stretches items to fit.
    return {60, 2 * kMargin + 2 * kPadding + 3 * line + 4};
}

void LeadCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QPalette &pal = option.palette;
    const QRect card = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    // The view's own base is the column colour: the card takes the application's.
    painter->fillPath(path, QApplication::palette().color(QPalette::Base));
    const bool pending = m_isPending && m_isPending(index.data(LeadTableModel::LeadIdRole).toLongLong());
    QPen border(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid), selected ? 2 : 1);
    if (pending)
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->drawPath(path);
    if (index.data(LeadTableModel::EscalatedRole).toBool())
        painter->fillRect(QRect(card.left() + 1, card.top() + 6, 3, card.height() - 12), QColor(192, 57, 43));

    const QRect text = card.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    const int line = option.fontMetrics.height();
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(pal.color(QPalette::Text));
    const QString name = oneLine(index.data(LeadTableModel::NameRole).toString());
    int nameWidth = text.width();
    if (pending) {
        QFont small = option.font;
        small.setItalic(true);
        const QString mark = tr("pending");
        const int markWidth = QFontMetrics(small).horizontalAdvance(mark);
        nameWidth -= markWidth + kPadding;
        painter->save();
        painter->setFont(small);
        painter->setPen(pal.color(QPalette::Highlight));
        painter->drawText(QRect(text.right() - markWidth, text.top(), markWidth + 1, line),
                          Qt::AlignRight | Qt::AlignVCenter, mark);
        painter->restore();
    }
    painter->drawText(QRect(text.left(), text.top(), nameWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(name, Qt::ElideRight, nameWidth));

    painter->setFont(option.font);
    QColor muted = pal.color(QPalette::Text);
    muted.setAlphaF(0.65f);
    painter->setPen(muted);
    const QString channel = LeadText::channel(index.data(LeadTableModel::ChannelRole).toString());
    QDateTime last = index.data(LeadTableModel::LastMessageAtRole).toDateTime();
    if (!last.isValid())
        last = index.data(LeadTableModel::UpdatedAtRole).toDateTime();
    const QString age = LeadText::age(last);
    QString meta = age.isEmpty() ? channel : tr("%1 · %2").arg(channel, age);
    // In the column of unknown statuses, each card says which one it has.
    const LeadStatus status = LeadStatus::fromString(index.data(LeadTableModel::StatusRole).toString());
    if (!status.isKnown())
        meta = tr("%1 · %2").arg(LeadText::status(status), meta);
    painter->drawText(QRect(text.left(), text.top() + line + 2, text.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(oneLine(meta), Qt::ElideRight, text.width()));
    const QString tags = oneLine(index.data(LeadTableModel::TagsRole).toStringList().join(QStringLiteral(" · ")));
    painter->drawText(QRect(text.left(), text.top() + 2 * (line + 2), text.width(), line),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(tags, Qt::ElideRight, text.width()));
    painter->restore();
}

} // namespace outpost
