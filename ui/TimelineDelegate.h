#pragma once

#include <QStyledItemDelegate>

namespace outpost {

// Paints a timeline entry as a chat bubble: incoming on the left, outgoing on
// the right in the highlight colour, notes and appointments as full-width cards.
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
    };
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    QString caption(const QModelIndex &index) const;
    QString body(const QModelIndex &index) const;
};

} // namespace outpost
