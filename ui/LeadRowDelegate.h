#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace outpost {

// Paints a cell of the lead list: the style's background and selection, then
// one line of text, elided. QStyledItemDelegate lays every cell's text out
// three or four times (its size, its elision, its drawing) and asks the model
// for a dozen roles; after a keystroke every visible cell is new text, so that
// was most of a keystroke's time. This shapes each text twice and asks for two
// roles, and looks the same.
class LeadRowDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The width a column of `view` needs to show each of `texts` whole, margins included.
    static int columnWidthFor(const QWidget *view, const QStringList &texts);
    // The status column's: its longest translated status name, whichever the language.
    static int statusColumnWidth(const QWidget *view);

private:
    static int textMargin(const QStyle *style, const QWidget *widget);
    static void drawFocus(QPainter *painter, const QStyleOptionViewItem &option, QPalette::ColorGroup group);
};

} // namespace outpost
