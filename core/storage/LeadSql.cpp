#include "storage/LeadSql.h"

#include "domain/Lead.h"
#include "storage/SearchQuery.h"

namespace outpost {

QString LeadSql::columns()
{
    return QStringLiteral("l.id, l.name, l.phone, l.email, l.status, l.channel, l.source, l.tags, l.assigned_agent, "
                          "l.escalated, l.score, l.rating, l.created_at, l.updated_at, l.last_message_at");
}

QString LeadSql::sortExpression(LeadSort::Key key)
{
    // These must stay identical to the index definitions, or SQLite sorts in memory.
    switch (key) {
    case LeadSort::Key::Newest:
        return QStringLiteral("l.id");
    case LeadSort::Key::UpdatedAt:
        return QStringLiteral("l.updated_at");
    case LeadSort::Key::CreatedAt:
        return QStringLiteral("l.created_at");
    case LeadSort::Key::Name:
        return QStringLiteral("l.name COLLATE NOCASE");
    case LeadSort::Key::LastMessageAt:
        return QStringLiteral("ifnull(l.last_message_at, 0)");
    case LeadSort::Key::Status:
        return QStringLiteral("l.status");
    }
    return QStringLiteral("l.id");
}

QVariant LeadSql::sortValue(const Lead &lead, LeadSort::Key key)
{
    switch (key) {
    case LeadSort::Key::Newest:
        return lead.id;
    case LeadSort::Key::UpdatedAt:
        return lead.updatedAt.toMSecsSinceEpoch();
    case LeadSort::Key::CreatedAt:
        return lead.createdAt.toMSecsSinceEpoch();
    case LeadSort::Key::Name:
        return lead.name;
    case LeadSort::Key::LastMessageAt:
        return lead.lastMessageAt.isValid() ? lead.lastMessageAt.toMSecsSinceEpoch() : 0;
    case LeadSort::Key::Status:
        return lead.status.toString();
    }
    return lead.id;
}

LeadSql::Parts LeadSql::build(const LeadFilter &f)
{
    Parts p;
    p.from = QStringLiteral("leads l");

    const SearchQuery search = SearchQuery::parse(f.search);
    const QString match = search.match();
    // The FTS table drives the scan (CROSS JOIN keeps it outermost), so the
    // newest matches stream out in rowid order without reading all of them.
    if (!match.isEmpty()) {
        p.from = QStringLiteral("leads_search CROSS JOIN leads l ON l.id = leads_search.rowid");
        p.driverOnly = QStringLiteral("leads_search");
        p.where << QStringLiteral("leads_search MATCH ?");
        p.values << match;
        p.driverRowid = QStringLiteral("leads_search.rowid");
    }
    const qsizetype driverConditions = p.where.size();
    for (const QString &term : search.literalTerms()) {
        p.where << QStringLiteral("(instr(lower(l.name), lower(?)) > 0 OR instr(lower(l.phone), lower(?)) > 0 "
                                  "OR instr(lower(ifnull(l.email, '')), lower(?)) > 0 "
                                  "OR EXISTS (SELECT 1 FROM lead_tags t WHERE t.lead_id = l.id "
                                  "AND instr(lower(t.tag), lower(?)) > 0))");
        p.values << term << term << term << term;
    }

    auto equals = [&p](const char *column, const QString &value) {
        if (value.isEmpty())
            return;
        p.where << QStringLiteral("l.%1 = ?").arg(QLatin1StringView(column));
        p.values << value;
    };
    equals("status", f.status);
    if (!f.anyStatus.isEmpty()) {
        QStringList marks;
        for (const QString &status : f.anyStatus) {
            marks << QStringLiteral("?");
            p.values << status;
        }
        p.where << QStringLiteral("l.status IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    equals("channel", f.channel);
    equals("source", f.source);
    equals("assigned_agent", f.assignedAgent);
    if (!f.tag.isEmpty()) {
        p.where << QStringLiteral("l.id IN (SELECT lead_id FROM lead_tags WHERE tag = ?)");
        p.values << f.tag;
    }
    if (f.createdAfter.isValid()) {
        // Inclusive, as the contract's campaign filters are.
        p.where << QStringLiteral("l.created_at >= ?");
        p.values << f.createdAfter.toMSecsSinceEpoch();
    }
    if (f.createdBefore.isValid()) {
        p.where << QStringLiteral("l.created_at < ?");
        p.values << f.createdBefore.toMSecsSinceEpoch();
    }
    if (f.lastMessageBefore.isValid()) {
        // A lead without any message has no "last message before": it does not match.
        p.where << QStringLiteral("l.last_message_at < ?");
        p.values << f.lastMessageBefore.toMSecsSinceEpoch();
    }
    if (f.escalated) {
        p.where << QStringLiteral("l.escalated = ?");
        p.values << (*f.escalated ? 1 : 0);
    }
    if (p.where.size() != driverConditions)
        p.driverOnly.clear();
    return p;
}

LeadSql::Window LeadSql::window(const LeadQuery &query)
{
    Parts p = build(query.filter);
    const bool descending = query.sort.order == Qt::DescendingOrder;
    QString key = sortExpression(query.sort.key);
    QString id = QStringLiteral("l.id");
    if (query.sort.key == LeadSort::Key::Newest && !p.driverRowid.isEmpty()) {
        key = p.driverRowid;
        id.clear();
    }

    if (query.after && !id.isEmpty() && key != id)
        return afterTiedKey(query, p, key, descending);
    if (query.after) {
        const QString op = descending ? QStringLiteral("<") : QStringLiteral(">");
        p.where << QStringLiteral("%1 %2 ?").arg(key, op);
        p.values << query.after->id;
    }

    const QString direction = descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    QString sql = QStringLiteral("SELECT ") + columns() + QStringLiteral(" FROM ") + p.from;
    if (!p.where.isEmpty())
        sql += QStringLiteral(" WHERE ") + p.where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY %1 %2").arg(key, direction);
    if (!id.isEmpty() && key != id)
        sql += QStringLiteral(", l.id %1").arg(direction);
    sql += QStringLiteral(" LIMIT ? OFFSET ?");
    p.values << query.limit << query.offset;
    return {{{sql, p.values}}, 0, query.limit};
}

LeadSql::Statement LeadSql::select(const LeadQuery &query)
{
    Q_ASSERT(!query.after);
    LeadQuery fromTop = query;
    fromTop.after.reset();
    return window(fromTop).parts.constFirst();
}

// After a cursor on a sort key that many leads share (no last message yet, a
// common name, a status): the rest of the cursor's key by id, then the keys
// beyond it, two index seeks read one after the other. Neither the row value
// (key, l.id) > (?, ?) nor "key >= ? AND (key > ? OR l.id > ?)" seeks past the
// cursor's id on a collated or computed key: both read every lead of that key
// before it (20 ms among 100,000 leads without a message). Nor does one
// statement merging both: its ORDER BY sorts them in memory, and the second
// seek reads its rows even when the first one filled the window (a name is
// shared by thousands of leads), twice the rows and 1.5x the time.
LeadSql::Window LeadSql::afterTiedKey(const LeadQuery &query, const Parts &p, const QString &key, bool descending)
{
    const QString direction = descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    const QString beyond = descending ? QStringLiteral("<") : QStringLiteral(">");
    QString select =
        QStringLiteral("SELECT ") + columns() + QStringLiteral(" FROM ") + p.from + QStringLiteral(" WHERE ");
    if (!p.where.isEmpty())
        select += p.where.join(QStringLiteral(" AND ")) + QStringLiteral(" AND ");
    // Each part holds every row the window may need, the skipped ones included.
    const qint64 needed = query.limit < 0 ? -1 : qint64(query.limit) + query.offset;
    const QString sameKey =
        select + QStringLiteral("%1 = ? AND l.id %2 ? ORDER BY l.id %3 LIMIT ?").arg(key, beyond, direction);
    const QString laterKeys =
        select + QStringLiteral("%1 %2 ? ORDER BY %1 %3, l.id %3 LIMIT ?").arg(key, beyond, direction);
    QVariantList sameValues = p.values;
    sameValues << query.after->key << query.after->id << needed;
    QVariantList laterValues = p.values;
    laterValues << query.after->key << needed;
    return {{{sameKey, sameValues}, {laterKeys, laterValues}}, query.offset, query.limit};
}

LeadSql::Statement LeadSql::sortValues(const LeadQuery &query, const QList<qint64> &ids)
{
    Parts p = build(query.filter);
    QStringList marks;
    marks.reserve(ids.size());
    for (qint64 id : ids) {
        marks << QStringLiteral("?");
        p.values << id;
    }
    p.where << QStringLiteral("l.id IN (%1)").arg(marks.join(QLatin1Char(',')));
    return {QStringLiteral("SELECT l.id, %1 FROM %2 WHERE %3")
                .arg(sortExpression(query.sort.key), p.from, p.where.join(QStringLiteral(" AND "))),
            p.values};
}

LeadSql::Statement LeadSql::count(const LeadFilter &filter, qint64 cap)
{
    Parts p = build(filter);
    // A search alone is counted in its index, without touching a lead row.
    QString inner = QStringLiteral("SELECT 1 FROM ") + (p.driverOnly.isEmpty() ? p.from : p.driverOnly);
    if (!p.where.isEmpty())
        inner += QStringLiteral(" WHERE ") + p.where.join(QStringLiteral(" AND "));
    if (cap >= 0) {
        inner += QStringLiteral(" LIMIT ?");
        p.values << cap;
    }
    return {QStringLiteral("SELECT count(*) FROM (") + inner + QLatin1Char(')'), p.values};
}

} // namespace outpost
