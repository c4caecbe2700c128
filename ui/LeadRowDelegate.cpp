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
        const QString shown = opt.fontMetrics.elidedText(text, opt.textElideMode, rect.width());
        painter->save();
        painter->setFont(opt.font);
        painter->setPen(
            opt.palette.color(group, opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(rect, int(QStyle::visualAlignment(opt.direction, alignment)) | Qt::TextSingleLine, shown);
        painter->restore();
    }
    if (opt.state & QStyle::State_HasFocus)
        drawFocus(painter, opt, group);
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
