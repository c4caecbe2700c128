#include "campaigns/AudienceQuery.h"

#include "storage/Database.h"
#include "storage/LeadStore.h"

#include <QSqlQuery>

#include <algorithm>

namespace outpost {

namespace {

// Each filter's leads are counted up to this many in its own index (a fraction
// of a millisecond each): enough to tell a filter that picks few leads from
// one that picks many.
constexpr int kProbeCap = 10000;
// A common tag and a creation range, with nothing else to drive: both are
// counted further, and the smaller one drives.
constexpr int kWideProbeCap = 200000;

struct Equality
{
    const char *column;
    QString value;
};

// In the order that wins a tie: an agent or a source usually picks fewer
// leads than a channel, a channel fewer than a status.
QList<Equality> equalitiesOf(const LeadFilter &f)
{
    QList<Equality> list;
    const Equality all[] = {
        {"assigned_agent", f.assignedAgent}, {"source", f.source}, {"channel", f.channel}, {"status", f.status}};
    for (const Equality &e : all) {
        if (!e.value.isEmpty())
            list << e;
    }
    return list;
}

bool hasCreatedRange(const LeadFilter &f)
{
    return f.createdAfter.isValid() || f.createdBefore.isValid();
}

// The creation range's terms; `prefix` "+" keeps SQLite from walking its index.
void addCreatedRange(const LeadFilter &f, const QString &prefix, QStringList &where, QVariantList &values)
{
    if (f.createdAfter.isValid()) {
        where << prefix + QStringLiteral("l.created_at >= ?");
        values << f.createdAfter.toMSecsSinceEpoch();
    }
    if (f.createdBefore.isValid()) {
        where << prefix + QStringLiteral("l.created_at < ?");
        values << f.createdBefore.toMSecsSinceEpoch();
    }
}

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

// One capped count per filter that has an index to walk, in tie order:
// equalities (their audience index is in id order and holds every other
// filter column), then the tag, then the creation range (its matches must be
// sorted by id, and the other columns are read from the lead's row).
QList<AudienceQuery::Probe> AudienceQuery::probesFor(const LeadFilter &f, int cap)
{
    QList<Probe> probes;
    for (const Equality &e : equalitiesOf(f)) {
        // Column names come from the list above, never from input.
        probes << Probe{{Driver::Equality, QString::fromLatin1(e.column)},
                        {QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM leads WHERE %1 = ? LIMIT ?)")
                             .arg(QLatin1StringView(e.column)),
                         {e.value, cap}}};
    }
    if (!f.tag.isEmpty()) {
        probes << Probe{
            {Driver::Tag, {}},
            {QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM lead_tags WHERE tag = ? LIMIT ?)"), {f.tag, cap}}};
    }
    if (hasCreatedRange(f)) {
        QStringList where;
        QVariantList values;
        addCreatedRange(f, QString(), where, values);
        values << cap;
        probes << Probe{{Driver::Created, {}},
                        {QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM leads l WHERE %1 LIMIT ?)")
                             .arg(where.join(QStringLiteral(" AND "))),
                         values}};
    }
    return probes;
}

Result<qint64> AudienceQuery::probeCount(const Statement &statement)
{
    auto q = run(statement, "count a filter's leads");
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

// The cost of a driver is about the leads it walks: the smallest count wins.
// A filter that matches nobody ends the preview at once.
Result<AudienceQuery::Plan> AudienceQuery::choose(const LeadFilter &f, QList<Statement> *ran)
{
    const QList<Probe> probes = probesFor(f, kProbeCap);
    if (probes.isEmpty())
        return Plan{Driver::Scan, {}};
    if (probes.size() == 1)
        return probes.first().plan;
    qsizetype best = -1;
    qint64 bestCount = 0;
    for (qsizetype i = 0; i < probes.size(); ++i) {
        if (ran)
            *ran << probes.at(i).statement;
        auto n = probeCount(probes.at(i).statement);
        if (!n)
            return n.error();
        if (*n == 0)
            return Plan{Driver::Nothing, {}};
        if (best < 0 || *n < bestCount) {
            best = i;
            bestCount = *n;
        }
    }
    const Plan chosen = probes.at(best).plan;
    if (bestCount < kProbeCap || chosen.driver == Driver::Equality || probes.size() != 2)
        return chosen;
    // A common tag and a wide creation range: the tag's walk in id order
    // stops early unless its matches sit far from the range, the range's
    // walk reads all of it. Counted further, the smaller one drives.
    const QList<Probe> wide = probesFor(f, kWideProbeCap);
    qint64 counts[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        if (ran)
            *ran << wide.at(i).statement;
        auto n = probeCount(wide.at(i).statement);
        if (!n)
            return n.error();
        counts[i] = *n;
    }
    return counts[1] < counts[0] ? wide.at(1).plan : wide.at(0).plan;
}

Result<AudienceQuery::Plan> AudienceQuery::plan(const LeadFilter &filter)
{
    return choose(campaignFilter(filter), nullptr);
}

// The audience's SELECT for a driver: the driver's terms as they are, every
// other term behind a unary "+" (SQLite then walks only the driver's index)
// and the tag, when it does not drive, last (checked only for leads that
// passed the rest).
AudienceQuery::Statement AudienceQuery::selectFor(const Plan &plan, const LeadFilter &f, bool countOnly, qint64 limit)
{
    QStringList where;
    QVariantList values;
    QString from = QStringLiteral("leads l");
    QString id = QStringLiteral("l.id");
    QString order = QStringLiteral("l.id");
    if (plan.driver == Driver::Tag) {
        // The join order is forced: lead_tags is walked in (tag, lead_id) order.
        from = QStringLiteral("lead_tags t CROSS JOIN leads l ON l.id = t.lead_id");
        id = order = QStringLiteral("t.lead_id");
        where << QStringLiteral("t.tag = ?");
        values << f.tag;
    }
    for (const Equality &e : equalitiesOf(f)) {
        const bool drives = plan.driver == Driver::Equality && plan.column == QLatin1StringView(e.column);
        where
            << QStringLiteral("%1l.%2 = ?").arg(drives ? QString() : QStringLiteral("+"), QLatin1StringView(e.column));
        values << e.value;
    }
    const bool byCreated = plan.driver == Driver::Created;
    addCreatedRange(f, byCreated ? QString() : QStringLiteral("+"), where, values);
    if (byCreated)
        order = QStringLiteral("+l.id"); // sorted, not walked in id order
    if (f.lastMessageBefore.isValid()) {
        // A lead without any message has no "last message before": it does not match.
        where << QStringLiteral("+l.last_message_at < ?");
        values << f.lastMessageBefore.toMSecsSinceEpoch();
    }
    if (!f.tag.isEmpty() && plan.driver != Driver::Tag) {
        where << QStringLiteral("EXISTS (SELECT 1 FROM lead_tags t WHERE t.tag = ? AND t.lead_id = l.id)");
        values << f.tag;
    }
    const QString whereSql =
        where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    Statement st;
    if (countOnly) {
        st.sql = QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM %1%2").arg(from, whereSql);
        if (limit >= 0)
            st.sql += QStringLiteral(" LIMIT ?");
        st.sql += QLatin1Char(')');
    } else {
        st.sql = QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4 LIMIT ?").arg(id, from, whereSql, order);
    }
    st.values = values;
    if (limit >= 0 || !countOnly)
        st.values << limit;
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

namespace {

// With a cap, one walk gives both: the first cap + 1 ids by id are the
// sample and the capped count.
bool oneWalk(int sampleSize, qint64 countCap)
{
    return sampleSize > 0 && countCap >= 0 && sampleSize <= countCap + 1;
}

} // namespace

Result<QList<AudienceQuery::Statement>> AudienceQuery::statements(const LeadFilter &filter, int sampleSize,
                                                                  qint64 countCap)
{
    const LeadFilter f = campaignFilter(filter);
    QList<Statement> list;
    auto chosen = choose(f, &list);
    if (!chosen)
        return chosen.error();
    if (chosen->driver == Driver::Nothing)
        return list;
    if (oneWalk(sampleSize, countCap))
        return list << selectFor(*chosen, f, false, countCap + 1);
    if (sampleSize > 0)
        list << selectFor(*chosen, f, false, sampleSize);
    list << selectFor(*chosen, f, true, countCap >= 0 ? countCap + 1 : -1);
    return list;
}

Result<Audience> AudienceQuery::preview(const LeadFilter &filter, int sampleSize, qint64 countCap)
{
    const LeadFilter f = campaignFilter(filter);
    auto chosen = choose(f, nullptr);
    if (!chosen)
        return chosen.error();
    return previewWith(*chosen, f, sampleSize, countCap);
}

Result<Audience> AudienceQuery::previewWith(const Plan &plan, const LeadFilter &filter, int sampleSize, qint64 countCap)
{
    Audience audience;
    if (plan.driver == Driver::Nothing)
        return audience;
    const LeadFilter f = campaignFilter(filter);
    const bool once = oneWalk(sampleSize, countCap);
    QList<qint64> ids;
    if (sampleSize > 0) {
        auto q = run(selectFor(plan, f, false, once ? countCap + 1 : sampleSize), "read the audience");
        if (!q)
            return q.error();
        while (q->next())
            ids << q->value(0).toLongLong();
        for (qint64 id : ids.mid(0, sampleSize)) {
            auto lead = m_store.lead(id);
            if (!lead)
                return lead.error();
            if (lead->has_value())
                audience.sample << **lead;
        }
    }
    qint64 n = ids.size();
    // A short sample is the whole audience: no count needed.
    if (!once && (sampleSize <= 0 || ids.size() >= sampleSize)) {
        // One more than the cap tells "more than the cap" from "exactly the cap".
        auto q = run(selectFor(plan, f, true, countCap >= 0 ? countCap + 1 : -1), "count the audience");
        if (!q)
            return q.error();
        n = q->next() ? q->value(0).toLongLong() : 0;
    }
    audience.exact = countCap < 0 || n <= countCap;
    audience.count = audience.exact ? n : countCap;
    return audience;
}

} // namespace outpost
