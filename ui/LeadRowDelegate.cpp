#include "LeadRowDelegate.h"

#include "LeadText.h"
#include "domain/LeadStatus.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QStyle>

#include <algorithm>

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
        if (c == u'\n' || c == u'\r' || c == u'\t' || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
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
        const int margin = textMargin(style, widget);
        const QRect rect = opt.rect.adjusted(margin, 0, -margin, 0);
        const QVariant align = index.data(Qt::TextAlignmentRole);
        const Qt::Alignment alignment =
            align.isValid() ? Qt::Alignment(align.toInt()) : Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter);
        LaidOutText &shown = laidOut(text, rect.width(), opt, painter->layoutDirection());
        const Qt::Alignment visual = QStyle::visualAlignment(opt.direction, alignment);
        painter->save();
        painter->setFont(opt.font);
        painter->setPen(
            opt.palette.color(group, opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
        // As drawText(rect) does: a line taller than its row is cut at the row.
        if (shown.text.size().height() > rect.height())
            painter->setClipRect(rect, Qt::IntersectClip);
        painter->drawStaticText(topLeftOf(rect, visual, shown, opt.font), shown.text);
        painter->restore();
    }
    if (opt.state & QStyle::State_HasFocus)
        drawFocus(painter, opt, group);
}

LeadRowDelegate::LaidOutText &LeadRowDelegate::laidOut(const QString &text, int width,
                                                       const QStyleOptionViewItem &option,
                                                       Qt::LayoutDirection direction) const
{
    // Enough for several screens of cells; a font change (zoom, palette, DPI) starts afresh.
    constexpr qsizetype kMaxTexts = 4096;
    if (option.font != m_textsFont || m_texts.size() >= kMaxTexts) {
        m_texts.clear();
        m_textsFont = option.font;
    }
    TextKey key{text, width, option.textElideMode, direction};
    auto it = m_texts.find(key);
    if (it == m_texts.end()) {
        const QString elided = option.fontMetrics.elidedText(oneLine(text), option.textElideMode, width);
        QStaticText laid(elided);
        laid.setTextFormat(Qt::PlainText);
        // In the painter's direction, as drawText lays it out (by default
        // each text's own: an elided Arabic name has its ellipsis on its left).
        QTextOption textOption;
        textOption.setTextDirection(direction);
        laid.setTextOption(textOption);
        laid.prepare(QTransform(), option.font);
        it = m_texts.insert(std::move(key), LaidOutText{elided, std::move(laid)});
    }
    return *it;
}

// Where QPainter::drawText(rect, alignment) puts one line of that size, to the
// fraction of a pixel (the glyphs land on the same pixels).
QPointF LeadRowDelegate::topLeftOf(const QRect &rect, Qt::Alignment alignment, LaidOutText &shown, const QFont &font)
{
    const QRectF r(rect);
    qreal x = r.left();
    if (alignment & (Qt::AlignRight | Qt::AlignHCenter)) {
        if (shown.advance < 0)
            shown.advance = QFontMetricsF(font).horizontalAdvance(shown.elided);
        x = alignment & Qt::AlignRight ? r.left() + r.width() - shown.advance
                                       : r.left() + (r.width() - shown.advance) / 2;
    }
    const qreal height = shown.text.size().height();
    qreal y = r.top();
    if (alignment & Qt::AlignBottom)
        y = r.top() + r.height() - height;
    else if (alignment & Qt::AlignVCenter)
        y = r.top() + (r.height() - height) / 2;
    return {x, y};
}

int LeadRowDelegate::textMargin(const QStyle *style, const QWidget *widget)
{
    return style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
}

int LeadRowDelegate::columnWidthFor(const QWidget *view, const QStringList &texts)
{
    const QFontMetrics metrics(view->font());
    int widest = 0;
    for (const QString &text : texts)
        widest = std::max(widest, metrics.horizontalAdvance(text));
    // paint() leaves a margin on either side; one more pixel keeps rounding from eliding.
    return widest + 2 * textMargin(view->style(), view) + 1;
}

int LeadRowDelegate::statusColumnWidth(const QWidget *view)
{
    QStringList names;
    for (const LeadStatus &status : LeadStatus::pipeline())
        names << LeadText::status(status);
    return columnWidthFor(view, names);
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
