#include "LeadRowDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QtMath>

namespace outpost {

namespace {

QPalette::ColorGroup colorGroup(const QStyleOptionViewItem &option)
{
    // As QCommonStyle picks it for an item view's text.
    if (!(option.state & QStyle::State_Enabled))
        return QPalette::Disabled;
    return option.state & QStyle::State_Active ? QPalette::Normal : QPalette::Inactive;
}

// One line whatever the text holds, as drawText(Qt::TextSingleLine) shows it.
QString oneLine(QString text)
{
    for (QChar &c : text) {
        if (c == u'\n' || c == u'\r' || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = u' ';
    }
    return text;
}

} // namespace

void LeadRowDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    QStyleOptionViewItem opt = option;
    opt.index = index;
    opt.features |= QStyleOptionViewItem::HasDisplay;
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const QPalette::ColorGroup group = colorGroup(opt);
    const QString text = index.data(Qt::DisplayRole).toString();
    if (!text.isEmpty()) {
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
        const QRect rect = opt.rect.adjusted(margin, 0, -margin, 0);
        const QVariant align = index.data(Qt::TextAlignmentRole);
        const Qt::Alignment alignment =
            align.isValid() ? Qt::Alignment(align.toInt()) : Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter);
        const QStaticText &shown = laidOut(text, rect.width(), opt);
        const Qt::Alignment visual = QStyle::visualAlignment(opt.direction, alignment);
        painter->save();
        painter->setFont(opt.font);
        painter->setPen(
            opt.palette.color(group, opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
        // As drawText(rect) does: a line taller than its row is cut at the row.
        if (shown.size().height() > rect.height())
            painter->setClipRect(rect, Qt::IntersectClip);
        painter->drawStaticText(topLeftOf(rect, visual, shown.size()), shown);
        painter->restore();
    }
    if (opt.state & QStyle::State_HasFocus)
        drawFocus(painter, opt, group);
}

const QStaticText &LeadRowDelegate::laidOut(const QString &text, int width, const QStyleOptionViewItem &option) const
{
    // Enough for several screens of cells; a font change (zoom, palette, DPI) starts afresh.
    constexpr qsizetype kMaxTexts = 4096;
    if (option.font != m_textsFont || m_texts.size() >= kMaxTexts) {
        m_texts.clear();
        m_textsFont = option.font;
    }
    TextKey key{text, width, option.textElideMode};
    auto it = m_texts.find(key);
    if (it == m_texts.end()) {
        QStaticText laid(option.fontMetrics.elidedText(oneLine(text), option.textElideMode, width));
        laid.setTextFormat(Qt::PlainText);
        laid.prepare(QTransform(), option.font);
        it = m_texts.insert(std::move(key), std::move(laid));
    }
    return *it;
}

// Where QPainter::drawText(rect, alignment) would put one line of that size.
QPoint LeadRowDelegate::topLeftOf(const QRect &rect, Qt::Alignment alignment, QSizeF size)
{
    const int width = qCeil(size.width());
    const int height = qCeil(size.height());
    int x = rect.left();
    if (alignment & Qt::AlignRight)
        x = rect.left() + rect.width() - width;
    else if (alignment & Qt::AlignHCenter)
        x = rect.left() + (rect.width() - width) / 2;
    int y = rect.top();
    if (alignment & Qt::AlignBottom)
        y = rect.top() + rect.height() - height;
    else if (alignment & Qt::AlignVCenter)
        y = rect.top() + (rect.height() - height) / 2;
    return {x, y};
}

void LeadRowDelegate::drawFocus(QPainter *painter, const QStyleOptionViewItem &option, QPalette::ColorGroup group)
{
    QStyleOptionFocusRect focus;
    focus.QStyleOption::operator=(option);
    focus.state |= QStyle::State_KeyboardFocusChange;
    focus.state |= QStyle::State_Item;
    focus.backgroundColor =
        option.palette.color(group, option.state & QStyle::State_Selected ? QPalette::Highlight : QPalette::Window);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
}

} // namespace outpost
