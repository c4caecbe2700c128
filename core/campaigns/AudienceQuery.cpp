#include "campaigns/AudienceQuery.h"

#include "storage/Database.h"
#include "storage/LeadStore.h"

#include <QSqlQuery>

namespace outpost {

namespace {

// Below this many leads with a tag, the tag drives the scan (its index is in
// lead id order); above it another filter or the id order finds matches sooner.
constexpr int kRareTag = 5000;

} // namespace

AudienceQuery::AudienceQuery(LeadStore &store)
    : m_store(store)
{}

LeadFilter AudienceQuery::campaignFilter(LeadFilter filter)
{
    filter.search.clear();
    filter.escalated.reset();
    return filter;
}

// The WHERE of the contract's filters, every value bound, shaped so SQLite
// walks an index in lead id order (leads_audience_by_*: the filter column,
// id, then the date columns, so a date condition is checked in the index)
// and stops at the first matches.
Result<AudienceQuery::Sql> AudienceQuery::sqlFor(const LeadFilter &f)
{
    Sql sql;
    const auto equals = [&sql](const char *column, const QString &value) {
        if (value.isEmpty())
            return;
        sql.where << QStringLiteral("l.%1 = ?").arg(QLatin1StringView(column));
        sql.values << value;
        sql.hasEquality = true;
    };
    equals("status", f.status);
    equals("channel", f.channel);
    equals("source", f.source);
    equals("assigned_agent", f.assignedAgent);
    if (f.createdAfter.isValid()) {
        sql.where << QStringLiteral("l.created_at >= ?");
        sql.values << f.createdAfter.toMSecsSinceEpoch();
        sql.hasCreatedRange = true;
    }
    if (f.createdBefore.isValid()) {
        sql.where << QStringLiteral("l.created_at < ?");
        sql.values << f.createdBefore.toMSecsSinceEpoch();
        sql.hasCreatedRange = true;
    }
    if (f.lastMessageBefore.isValid()) {
        // A lead without any message has no "last message before": it does not match.
        sql.where << QStringLiteral("l.last_message_at < ?");
        sql.values << f.lastMessageBefore.toMSecsSinceEpoch();
    }
    if (!f.tag.isEmpty()) {
        auto rare = tagIsRare(f.tag);
        if (!rare)
            return rare.error();
        if (*rare || !sql.hasEquality) {
            sql.where << QStringLiteral("l.id IN (SELECT lead_id FROM lead_tags WHERE tag = ?)");
            sql.hasEquality = true;
        } else {
            sql.where << QStringLiteral("EXISTS (SELECT 1 FROM lead_tags t WHERE t.tag = ? AND t.lead_id = l.id)");
        }
        sql.values << f.tag;
    }
    return sql;
}

Result<bool> AudienceQuery::tagIsRare(const QString &tag)
{
    QSqlQuery q(m_store.database().connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM lead_tags WHERE tag = ? LIMIT ?)"));
    q.bindValue(0, tag);
    q.bindValue(1, kRareTag);
    if (auto r = Database::exec(q, "count a tag's leads"); !r)
        return r.error();
    return q.next() && q.value(0).toInt() < kRareTag;
}

Result<QList<qint64>> AudienceQuery::firstIds(const Sql &sql, int limit)
{
    // With only a creation range, its index finds the matches and they are
    // sorted (+l.id keeps SQLite from walking a million rows in id order).
    const QString order = sql.hasCreatedRange && !sql.hasEquality ? QStringLiteral("+l.id") : QStringLiteral("l.id");
    QString text = QStringLiteral("SELECT l.id FROM leads l");
    if (!sql.where.isEmpty())
        text += QStringLiteral(" WHERE ") + sql.where.join(QStringLiteral(" AND "));
    text += QStringLiteral(" ORDER BY %1 LIMIT ?").arg(order);
    QSqlQuery q(m_store.database().connection());
    q.setForwardOnly(true);
    q.prepare(text);
    int i = 0;
    for (const QVariant &v : sql.values)
        q.bindValue(i++, v);
    q.bindValue(i, limit);
    if (auto r = Database::exec(q, "read the audience"); !r)
        return r.error();
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

Result<qint64> AudienceQuery::countUpTo(const Sql &sql, qint64 cap)
{
    QString text = QStringLiteral("SELECT 1 FROM leads l");
    if (!sql.where.isEmpty())
        text += QStringLiteral(" WHERE ") + sql.where.join(QStringLiteral(" AND "));
    if (cap >= 0)
        text += QStringLiteral(" LIMIT ?");
    QSqlQuery q(m_store.database().connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT count(*) FROM (") + text + QLatin1Char(')'));
    int i = 0;
    for (const QVariant &v : sql.values)
        q.bindValue(i++, v);
    if (cap >= 0)
        q.bindValue(i, cap);
    if (auto r = Database::exec(q, "count the audience"); !r)
        return r.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<Audience> AudienceQuery::preview(const LeadFilter &filter, int sampleSize, qint64 countCap)
{
    auto sql = sqlFor(campaignFilter(filter));
    if (!sql)
        return sql.error();
    Audience audience;
    if (sampleSize > 0) {
        auto ids = firstIds(*sql, sampleSize);
        if (!ids)
            return ids.error();
        for (qint64 id : *ids) {
            auto lead = m_store.lead(id);
            if (!lead)
                return lead.error();
            if (lead->has_value())
                audience.sample << **lead;
        }
        // A short sample is the whole audience: no count needed.
        if (ids->size() < sampleSize) {
            audience.count = ids->size();
            return audience;
        }
    }
    // One more than the cap tells "more than the cap" from "exactly the cap".
    auto n = countUpTo(*sql, countCap >= 0 ? countCap + 1 : -1);
    if (!n)
        return n.error();
    audience.exact = countCap < 0 || *n <= countCap;
    audience.count = audience.exact ? *n : countCap;
    return audience;
}

} // namespace outpost
