#pragma once

#include <QStyledItemDelegate>

namespace outpost {

// Paints a timeline entry as a chat bubble: incoming on the left, outgoing on
// the right in the highlight colour, notes and appointments as full-width cards.
// An entry the service has not confirmed yet has a dashed outline and a last
// line with a clock ("Queued", "Sending…") or a warning sign and the reason.
class TimelineDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    struct Layout
    {
        QRect bubble;
        QRect caption;
        QRect body;
        QRect delivery; // empty once confirmed
    };
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    QString caption(const QModelIndex &index) const;
    QString body(const QModelIndex &index) const;
    static void paintDeliveryIcon(QPainter *painter, const QRect &rect, bool warning, const QColor &color);
};

} // namespace outpost
