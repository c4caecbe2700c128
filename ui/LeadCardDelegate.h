#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace outpost {

// A pipeline card: the name, then channel and age of the last activity, then
// the tags; every line elided to the card's width. A card with changes still
// in the outbox has a dashed border and says "pending". All cards have one height,
// so a column view asks the model only for the cards it shows.
class LeadCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setPendingCheck(std::function<bool(qint64)> isPending) { m_isPending = std::move(isPending); }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    std::function<bool(qint64)> m_isPending;
};

} // namespace outpost
