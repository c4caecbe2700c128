#pragma once

#include <QFont>
#include <QHash>
#include <QStaticText>
#include <QStringList>
#include <QStyledItemDelegate>

namespace outpost {

// Paints a cell of the lead list: the style's background and selection, then
// one line of text, elided. QStyledItemDelegate lays every cell's text out
// three or four times (its size, its elision, its drawing) and asks the model
// for a dozen roles; after a keystroke every visible cell is new text, so that
// was most of a keystroke's time. This asks for two roles and keeps the laid
// out text of recent cells: most cells show a text another row showed just
// before (a status, a channel, an agent, a common name, a date), and shaping
// text was most of what remained of a paint.
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
    struct TextKey
    {
        QString text;
        int width = 0;
        Qt::TextElideMode elide = Qt::ElideRight;
        Qt::LayoutDirection direction = Qt::LeftToRight;

        friend bool operator==(const TextKey &, const TextKey &) = default;
        friend size_t qHash(const TextKey &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.text, key.width, int(key.elide), int(key.direction));
        }
    };

    struct LaidOutText
    {
        QString elided;
        QStaticText text;
        // Its advance, not its bounding box, is what drawText aligns right or
        // centred (they differ for Arabic); measured when first needed.
        qreal advance = -1;
    };

    // The text as it fits `width`, laid out once for the cell's font.
    LaidOutText &laidOut(const QString &text, int width, const QStyleOptionViewItem &option,
                         Qt::LayoutDirection direction) const;
    static QPointF topLeftOf(const QRect &rect, Qt::Alignment alignment, LaidOutText &shown, const QFont &font);
    static int textMargin(const QStyle *style, const QWidget *widget);
    static void drawFocus(QPainter *painter, const QStyleOptionViewItem &option, QPalette::ColorGroup group);

    mutable QHash<TextKey, LaidOutText> m_texts;
    mutable QFont m_textsFont;
};

} // namespace outpost
