#include "SavedView.h"

namespace outpost {

namespace {

const QLatin1StringView kName("name");
const QLatin1StringView kFilter("filter");
const QLatin1StringView kSearch("search");
const QLatin1StringView kEscalated("escalated");
const QLatin1StringView kSortKey("sort");
const QLatin1StringView kDescending("descending");

const QList<std::pair<LeadSort::Key, QLatin1StringView>> &sortNames()
{
    static const QList<std::pair<LeadSort::Key, QLatin1StringView>> names = {
        {LeadSort::Key::Newest, QLatin1StringView("newest")},
        {LeadSort::Key::UpdatedAt, QLatin1StringView("updated_at")},
        {LeadSort::Key::CreatedAt, QLatin1StringView("created_at")},
        {LeadSort::Key::Name, QLatin1StringView("name")},
        {LeadSort::Key::LastMessageAt, QLatin1StringView("last_message_at")},
        {LeadSort::Key::Status, QLatin1StringView("status")},
    };
    return names;
}

} // namespace

QJsonObject SavedView::toJson() const
{
    // The contract's filters, plus the two the list adds locally.
    QJsonObject f = filter.toJson();
    if (!filter.search.isEmpty())
        f.insert(kSearch, filter.search);
    if (filter.escalated)
        f.insert(kEscalated, *filter.escalated ? QStringLiteral("true") : QStringLiteral("false"));
    QString key;
    for (const auto &[k, text] : sortNames()) {
        if (k == sort.key)
            key = text;
    }
    return {{kName, name}, {kFilter, f}, {kSortKey, key}, {kDescending, sort.order == Qt::DescendingOrder}};
}

SavedView SavedView::fromJson(const QJsonObject &object)
{
    SavedView v;
    v.name = object.value(kName).toString();
    const QJsonObject f = object.value(kFilter).toObject();
    for (auto it = f.begin(); it != f.end(); ++it)
        (void)v.filter.set(it.key() + QLatin1Char('=') + it->toString());
    const QString key = object.value(kSortKey).toString();
    for (const auto &[k, text] : sortNames()) {
        if (text == key)
            v.sort.key = k;
    }
    v.sort.order = object.value(kDescending).toBool(true) ? Qt::DescendingOrder : Qt::AscendingOrder;
    return v;
}

} // namespace outpost
