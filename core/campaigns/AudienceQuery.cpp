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

AudienceQuery::Statement AudienceQuery::tagProbe(const QString &tag)
{
    return {QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM lead_tags WHERE tag = ? LIMIT ?)"), {tag, kRareTag}};
}

Result<bool> AudienceQuery::tagIsRare(const QString &tag)
{
    auto q = run(tagProbe(tag), "count a tag's leads");
    if (!q)
        return q.error();
    return q->next() && q->value(0).toInt() < kRareTag;
}

AudienceQuery::Statement AudienceQuery::idsStatement(const Sql &sql, int limit)
{
    // With only a creation range, its index finds the matches and they are
    // sorted (+l.id keeps SQLite from walking a million rows in id order).
    const QString order = sql.hasCreatedRange && !sql.hasEquality ? QStringLiteral("+l.id") : QStringLiteral("l.id");
    Statement st{QStringLiteral("SELECT l.id FROM leads l"), sql.values};
    if (!sql.where.isEmpty())
        st.sql += QStringLiteral(" WHERE ") + sql.where.join(QStringLiteral(" AND "));
    st.sql += QStringLiteral(" ORDER BY %1 LIMIT ?").arg(order);
    st.values << limit;
    return st;
}

AudienceQuery::Statement AudienceQuery::countStatement(const Sql &sql, qint64 cap)
{
    Statement st{QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM leads l"), sql.values};
    if (!sql.where.isEmpty())
        st.sql += QStringLiteral(" WHERE ") + sql.where.join(QStringLiteral(" AND "));
    if (cap >= 0) {
        st.sql += QStringLiteral(" LIMIT ?");
        st.values << cap;
    }
    st.sql += QLatin1Char(')');
    return st;
}

Result<QSqlQuery> AudienceQuery::run(const Statement &st, const char *what)
{
    QSqlQuery q(m_store.database().connection());
    q.setForwardOnly(true);
    q.prepare(st.sql);
    for (int i = 0; i < st.values.size(); ++i)
        q.bindValue(i, st.values.at(i));
    if (auto r = Database::exec(q, what); !r)
        return r.error();
    return q;
}

Result<QList<AudienceQuery::Statement>> AudienceQuery::statements(const LeadFilter &filter, int sampleSize,
                                                                  qint64 countCap)
{
    const LeadFilter f = campaignFilter(filter);
    auto sql = sqlFor(f);
    if (!sql)
        return sql.error();
    QList<Statement> list;
    if (!f.tag.isEmpty())
        list << tagProbe(f.tag);
    if (sampleSize > 0)
        list << idsStatement(*sql, sampleSize);
    list << countStatement(*sql, countCap >= 0 ? countCap + 1 : -1);
    return list;
}

Result<Audience> AudienceQuery::preview(const LeadFilter &filter, int sampleSize, qint64 countCap)
{
    auto sql = sqlFor(campaignFilter(filter));
    if (!sql)
        return sql.error();
    Audience audience;
    if (sampleSize > 0) {
        auto q = run(idsStatement(*sql, sampleSize), "read the audience");
        if (!q)
            return q.error();
        QList<qint64> ids;
        while (q->next())
            ids << q->value(0).toLongLong();
        for (qint64 id : std::as_const(ids)) {
            auto lead = m_store.lead(id);
            if (!lead)
                return lead.error();
            if (lead->has_value())
                audience.sample << **lead;
        }
        // A short sample is the whole audience: no count needed.
        if (ids.size() < sampleSize) {
            audience.count = ids.size();
            return audience;
        }
    }
    // One more than the cap tells "more than the cap" from "exactly the cap".
    auto q = run(countStatement(*sql, countCap >= 0 ? countCap + 1 : -1), "count the audience");
    if (!q)
        return q.error();
    const qint64 n = q->next() ? q->value(0).toLongLong() : 0;
    audience.exact = countCap < 0 || n <= countCap;
    audience.count = audience.exact ? n : countCap;
    return audience;
}

} // namespace outpost
