#include "TimelineDelegate.h"

#include "LeadText.h"
#include "TimelineModel.h"

#include <QLocale>

#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>
#include <cmath>

namespace outpost {

namespace {

constexpr int kMargin = 8;
constexpr int kPadding = 8;
constexpr int kGap = 2;

TimelineModel::Kind kindOf(const QModelIndex &index)
{
    return index.data(TimelineModel::KindRole).value<TimelineModel::Kind>();
}

// Words wrap at spaces; a word longer than the line (a URL, a hostile string)
// breaks anywhere rather than being cut off.
QTextOption wrapOption()
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    return option;
}

int wrappedHeight(const QFont &font, int width, const QString &text)
{
    QTextLayout layout(text, font);
    layout.setTextOption(wrapOption());
    layout.beginLayout();
    qreal height = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        height += line.height();
    }
    layout.endLayout();
    return static_cast<int>(std::ceil(height));
}

QString shortTime(const QDateTime &t)
{
    return QLocale().toString(t.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           t.time().toString(QStringLiteral("HH:mm"));
}

int bubbleWidth(const QStyleOptionViewItem &option, TimelineModel::Kind kind)
{
    const int full = option.rect.width() - 2 * kMargin;
    const bool message = kind == TimelineModel::Kind::IncomingMessage || kind == TimelineModel::Kind::OutgoingMessage;
    return std::max(120, message ? full * 3 / 4 : full);
}

} // namespace

QString TimelineDelegate::caption(const QModelIndex &index) const
{
    const QDateTime at = index.data(TimelineModel::TimeRole).toDateTime();
    const QString when = at.isValid() ? shortTime(at.toLocalTime()) : QString();
    const QString author = index.data(TimelineModel::AuthorRole).toString();
    switch (kindOf(index)) {
    case TimelineModel::Kind::IncomingMessage:
    case TimelineModel::Kind::OutgoingMessage: {
        const QString channel = LeadText::channel(index.data(TimelineModel::ChannelRole).toString());
        QStringList parts;
        for (const QString &p : {author, channel, when}) {
            if (!p.isEmpty())
                parts << p;
        }
        return parts.join(QStringLiteral(" · "));
    }
    case TimelineModel::Kind::Note:
        return author.isEmpty() ? tr("Note · %1").arg(when) : tr("Note by %1 · %2").arg(author, when);
    case TimelineModel::Kind::Appointment: {
        const QString status = index.data(TimelineModel::DetailRole).toString();
        const QString time = at.isValid() ? shortTime(at) : tr("time unknown");
        return status.isEmpty() ? tr("Appointment · %1").arg(time) : tr("Appointment · %1 · %2").arg(time, status);
    }
    }
    return when;
}

QString TimelineDelegate::body(const QModelIndex &index) const
{
    const QString text = index.data(TimelineModel::TextRole).toString();
    return text.isEmpty() ? tr("(empty)") : text;
}

TimelineDelegate::Layout TimelineDelegate::layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const TimelineModel::Kind kind = kindOf(index);
    const int width = bubbleWidth(option, kind);
    const int inner = width - 2 * kPadding;
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    const QFontMetrics smallMetrics(small);
    const int textHeight = wrappedHeight(option.font, inner, body(index));
    const bool delivering = !index.data(TimelineModel::DeliveryTextRole).toString().isEmpty();
    const int deliveryHeight = delivering ? kGap + smallMetrics.height() : 0;
    const int height = kPadding + smallMetrics.height() + kGap + textHeight + deliveryHeight + kPadding;
    const bool right = kind == TimelineModel::Kind::OutgoingMessage;
    const int x = right ? option.rect.right() - kMargin - width + 1 : option.rect.left() + kMargin;
    Layout l;
    l.bubble = QRect(x, option.rect.top() + kMargin / 2, width, height);
    l.caption = QRect(x + kPadding, l.bubble.top() + kPadding, inner, smallMetrics.height());
    l.body = QRect(x + kPadding, l.caption.bottom() + 1 + kGap, inner, textHeight);
    if (delivering)
        l.delivery = QRect(x + kPadding, l.body.bottom() + 1 + kGap, inner, smallMetrics.height());
    return l;
}

QSize TimelineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (opt.rect.width() <= 0)
        opt.rect.setWidth(400);
    const Layout l = layoutFor(opt, index);
    return {opt.rect.width(), l.bubble.height() + kMargin};
}

void TimelineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Layout l = layoutFor(opt, index);
    const QPalette &pal = opt.palette;
    QColor fill = pal.color(QPalette::AlternateBase);
    QColor text = pal.color(QPalette::Text);
    switch (kindOf(index)) {
    case TimelineModel::Kind::OutgoingMessage:
        fill = pal.color(QPalette::Highlight);
        text = pal.color(QPalette::HighlightedText);
        break;
    case TimelineModel::Kind::Note:
        fill = QColor(255, 236, 153);
        text = QColor(40, 36, 20);
        break;
    case TimelineModel::Kind::Appointment:
        fill = QColor(204, 232, 214);
        text = QColor(20, 50, 30);
        break;
    case TimelineModel::Kind::IncomingMessage:
        break;
    }

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(l.bubble), 10, 10);
    painter->fillPath(path, fill);
    const auto delivery = index.data(TimelineModel::DeliveryRole).value<TimelineModel::Delivery>();
    if (opt.state & QStyle::State_Selected)
        painter->strokePath(path, QPen(pal.color(QPalette::Highlight), 2));
    else if (delivery != TimelineModel::Delivery::Confirmed)
        painter->strokePath(path, QPen(text, 1, Qt::DashLine));
    QFont small = opt.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter->setFont(small);
    QColor muted = text;
    muted.setAlphaF(0.7f);
    painter->setPen(muted);
    painter->drawText(l.caption, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(small).elidedText(caption(index), Qt::ElideRight, l.caption.width()));
    painter->setFont(opt.font);
    painter->setPen(text);
    painter->drawText(QRectF(l.body), body(index), wrapOption());
    if (!l.delivery.isEmpty()) {
        const bool warning =
            delivery == TimelineModel::Delivery::Failed || delivery == TimelineModel::Delivery::NeedsReview;
        const int icon = l.delivery.height();
        paintDeliveryIcon(painter, QRect(l.delivery.left(), l.delivery.top(), icon, icon), warning, text);
        painter->setFont(small);
        painter->setPen(warning ? text : muted);
        const QRect label = l.delivery.adjusted(icon + 4, 0, 0, 0);
        painter->drawText(label, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(small).elidedText(index.data(TimelineModel::DeliveryTextRole).toString(),
                                                         Qt::ElideRight, label.width()));
    }
    painter->restore();
}

void TimelineDelegate::paintDeliveryIcon(QPainter *painter, const QRect &rect, bool warning, const QColor &color)
{
    // Drawn, not loaded: sharp at any scale and in the bubble's own colour.
    painter->save();
    const QRectF r = QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5);
    const QPointF c = r.center();
    if (warning) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(r);
        QPen mark(QColor(color.lightnessF() > 0.5 ? Qt::black : Qt::white), 1.6, Qt::SolidLine, Qt::RoundCap);
        painter->setPen(mark);
        painter->drawLine(QPointF(c.x(), r.top() + r.height() * 0.22), QPointF(c.x(), c.y() + r.height() * 0.08));
        painter->drawPoint(QPointF(c.x(), r.bottom() - r.height() * 0.2));
    } else {
        painter->setPen(QPen(color, 1.3));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(r);
        painter->setPen(QPen(color, 1.3, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(c, QPointF(c.x(), r.top() + r.height() * 0.22));
        painter->drawLine(c, QPointF(r.right() - r.width() * 0.25, c.y()));
    }
    painter->restore();
}

} // namespace outpost
