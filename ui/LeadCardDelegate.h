#pragma once

#include <QStyledItemDelegate>

namespace outpost {

// A pipeline card: the name, then channel and age of the last activity, then
// the tags; every line elided to the card's width. All cards have one height,
// so a column view asks the model only for the cards it shows.
class LeadCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace outpost
