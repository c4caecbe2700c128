#include "storage/LeadStore.h"

#include "storage/Database.h"
#include "storage/LeadIndexWriter.h"
#include "storage/LeadSql.h"
#include "storage/RawStatement.h"
#include "storage/ReadSnapshot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <memory>

namespace outpost {

namespace {

QVariant msecs(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

QDateTime fromMsecs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QVariant nullableText(const QString &s)
{
    return s.isNull() ? QVariant() : QVariant(s);
}

QString textOf(const QVariant &v)
{
    // A NULL column stays a null QString; an empty one stays empty, not null.
    if (v.isNull())
        return {};
    const QString s = v.toString();
    return s.isNull() ? QStringLiteral("") : s;
}

QString encodeTags(const QStringList &tags)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

QStringList decodeTags(const QString &json)
{
    QStringList tags;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    tags.reserve(array.size());
    for (const QJsonValue &v : array)
        tags.append(v.toString());
    return tags;
}

Lead leadFromRow(const QSqlQuery &q)
{
    Lead lead;
    lead.id = q.value(0).toLongLong();
    lead.name = textOf(q.value(1));
    lead.phone = textOf(q.value(2));
    lead.email = textOf(q.value(3));
    lead.status = LeadStatus::fromString(q.value(4).toString());
    lead.channel = textOf(q.value(5));
    lead.source = textOf(q.value(6));
    lead.tags = decodeTags(q.value(7).toString());
    lead.assignedAgent = textOf(q.value(8));
    lead.escalated = q.value(9).toInt() != 0;
    if (!q.value(10).isNull())
        lead.score = q.value(10).toInt();
    if (!q.value(11).isNull())
        lead.rating = q.value(11).toDouble();
    lead.createdAt = fromMsecs(q.value(12));
    lead.updatedAt = fromMsecs(q.value(13));
    lead.lastMessageAt = fromMsecs(q.value(14));
    return lead;
}

void bindAll(QSqlQuery &q, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
}

Result<void> prepare(QSqlQuery &q, const QString &sql)
{
    if (!q.prepare(sql))
        return makeError(QStringLiteral("cannot prepare a cache query: ") + q.lastError().databaseText());
    return {};
}

Result<QStringList> distinctColumnValues(const QSqlDatabase &db, const char *column, int limit)
{
    // No index holds these columns: one plain pass, the few distinct values
    // gathered in a set. SQL's DISTINCT ... ORDER BY would sort a million rows.
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (auto prepared = prepare(q, QStringLiteral("SELECT %1 FROM leads").arg(QLatin1StringView(column))); !prepared)
        return prepared.error();
    if (auto r = Database::exec(q, "list filter values"); !r)
        return r.error();
    QSet<QString> seen;
    while (q.next()) {
        const QString value = q.value(0).toString();
        if (!value.isEmpty())
            seen.insert(value);
    }
    QStringList values(seen.begin(), seen.end());
    // In SQLite's BINARY order (UTF-8 bytes), as the other lists are.
    std::sort(values.begin(), values.end(), [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    if (limit >= 0 && values.size() > limit)
        values.resize(limit);
    return values;
}

const char kInsertSql[] = R"(
    INSERT INTO leads (id, name, phone, email, status, channel, source, tags, assigned_agent, escalated,
                       score, rating, created_at, updated_at, last_message_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))";

const char kUpdateSql[] = R"(
    UPDATE leads SET id = ?, name = ?, phone = ?, email = ?, status = ?, channel = ?, source = ?, tags = ?,
                     assigned_agent = ?, escalated = ?, score = ?, rating = ?, created_at = ?, updated_at = ?,
                     last_message_at = ?
    WHERE id = ?)";

void bindLead(QSqlQuery &q, const Lead &lead)
{
    q.bindValue(0, lead.id);
    q.bindValue(1, lead.name);
    q.bindValue(2, lead.phone.isNull() ? QStringLiteral("") : lead.phone);
    q.bindValue(3, nullableText(lead.email));
    q.bindValue(4, lead.status.toString());
    q.bindValue(5, lead.channel.isNull() ? QStringLiteral("") : lead.channel);
    q.bindValue(6, nullableText(lead.source));
    q.bindValue(7, encodeTags(lead.tags));
    q.bindValue(8, nullableText(lead.assignedAgent));
    q.bindValue(9, lead.escalated ? 1 : 0);
    q.bindValue(10, lead.score ? QVariant(*lead.score) : QVariant());
    q.bindValue(11, lead.rating ? QVariant(*lead.rating) : QVariant());
    q.bindValue(12, msecs(lead.createdAt));
    q.bindValue(13, msecs(lead.updatedAt));
    q.bindValue(14, msecs(lead.lastMessageAt));
}

void bindRawMsecs(sqlite3_stmt *s, int column, const QDateTime &t)
{
    if (t.isValid())
        sqlite3_bind_int64(s, column, t.toMSecsSinceEpoch());
    else
        sqlite3_bind_null(s, column);
}

// The same JSON text as encodeTags, written straight as UTF-8: a JSON document
// per lead cost more than the lead's insert.
QByteArray encodeTagsUtf8(const QStringList &tags)
{
    static const char kHex[] = "0123456789abcdef";
    QByteArray json;
    json.reserve(2 + tags.size() * 16);
    json += '[';
    for (qsizetype i = 0; i < tags.size(); ++i) {
        if (i)
            json += ',';
        json += '"';
        for (const char c : tags.at(i).toUtf8()) {
            const auto byte = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                json += '\\';
                json += c;
            } else if (byte < 0x20) {
                json += "\\u00";
                json += kHex[byte >> 4];
                json += kHex[byte & 0xf];
            } else {
                json += c;
            }
        }
        json += '"';
    }
    json += ']';
    return json;
}

// The values of bindLead, bound straight to SQLite as UTF-8 (columns from 1).
void bindRawLead(RawStatement &insert, const Lead &lead)
{
    sqlite3_stmt *s = insert.get();
    sqlite3_bind_int64(s, 1, lead.id);
    insert.bindText(2, lead.name);
    insert.bindText(3, lead.phone.isNull() ? QStringLiteral("") : lead.phone);
    insert.bindText(4, lead.email);
    insert.bindText(5, lead.status.toString());
    insert.bindText(6, lead.channel.isNull() ? QStringLiteral("") : lead.channel);
    insert.bindText(7, lead.source);
    insert.bindUtf8(8, encodeTagsUtf8(lead.tags));
    insert.bindText(9, lead.assignedAgent);
    sqlite3_bind_int(s, 10, lead.escalated ? 1 : 0);
    if (lead.score)
        sqlite3_bind_int64(s, 11, *lead.score);
    else
        sqlite3_bind_null(s, 11);
    if (lead.rating)
        sqlite3_bind_double(s, 12, *lead.rating);
    else
        sqlite3_bind_null(s, 12);
    bindRawMsecs(s, 13, lead.createdAt);
    bindRawMsecs(s, 14, lead.updatedAt);
    bindRawMsecs(s, 15, lead.lastMessageAt);
}

// New leads come by the thousand during a sync. Qt's driver wraps each value in
// a QVariant and binds text as UTF-16 for SQLite to convert again: for plain
// inserts that cost more than SQLite's own work, so they go to SQLite directly.
Result<void> insertDirectly(sqlite3 *handle, const QList<const Lead *> &leads)
{
    auto insert = RawStatement::prepare(handle, kInsertSql);
    if (!insert)
        return insert.error();
    for (const Lead *lead : leads) {
        bindRawLead(*insert, *lead);
        if (auto r = insert->step("store a lead"); !r)
            return r;
    }
    return {};
}

// The updated_at of each cached lead of a page: one query for the whole page.
Result<QHash<qint64, qint64>> cachedVersions(Database &db, const QList<Lead> &leads)
{
    QString ids = QStringLiteral("[");
    for (const Lead &l : leads)
        ids += QString::number(l.id) + QLatin1Char(',');
    ids[ids.size() - 1] = QLatin1Char(']');
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, updated_at FROM leads WHERE id IN (SELECT value FROM json_each(?))"));
    q.bindValue(0, ids);
    auto r = Database::exec(q, "read the cached leads");
    if (!r)
        return r.error();
    QHash<qint64, qint64> versions;
    versions.reserve(leads.size());
    while (q.next())
        versions.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    return versions;
}

} // namespace

LeadStore::LeadStore(Database &db)
    : m_db(db)
{}

LeadStore::~LeadStore() = default;

Result<QSqlQuery *> LeadStore::cachedQuery(const QString &sql)
{
    // Typing in the search box runs the same few statement shapes over and over:
    // preparing them once saves a good part of each keystroke.
    constexpr qsizetype kMaxStatements = 64;
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return it->second.get();
    if (static_cast<qsizetype>(m_statements.size()) >= kMaxStatements)
        m_statements.clear();
    auto q = std::make_unique<QSqlQuery>(m_db.connection());
    q->setForwardOnly(true);
    auto prepared = prepare(*q, sql);
    if (!prepared)
        return prepared.error();
    return m_statements.emplace(sql, std::move(q)).first->second.get();
}

Result<void> LeadStore::upsert(const QList<Lead> &leads)
{
    if (leads.isEmpty())
        return {};
    auto began = m_db.begin();
    if (!began)
        return began;
    auto written = upsertInTransaction(leads);
    if (!written) {
        m_db.rollback();
        return written;
    }
    return m_db.commit();
}

Result<void> LeadStore::upsertInTransaction(const QList<Lead> &leads)
{
    auto cached = cachedVersions(m_db, leads);
    if (!cached)
        return cached.error();
    return upsertInTransaction(leads, std::move(*cached));
}

Result<void> LeadStore::upsertInTransaction(const QList<Lead> &leads, QHash<qint64, qint64> versions)
{
    // Decide per lead first, so the index work is done page-wide, not row by row.
    // The same id twice in one page: the second copy is an update of the first.
    QList<const Lead *> inserts, updates;
    QList<qint64> updatedIds;
    QSet<qint64> updatedSet;
    for (const Lead &lead : leads) {
        const qint64 version = lead.updatedAt.isValid() ? lead.updatedAt.toMSecsSinceEpoch() : 0;
        const auto it = versions.find(lead.id);
        if (it == versions.end()) {
            inserts << &lead;
            versions.insert(lead.id, version);
        } else if (version >= it.value()) {
            // An older copy (a duplicate from an earlier page) never overwrites a newer one.
            updates << &lead;
            it.value() = version;
            if (!updatedSet.contains(lead.id)) {
                updatedSet.insert(lead.id);
                updatedIds << lead.id;
            }
        }
    }
    // Leads new to the cache, written once: their entries come from the values
    // (LeadIndexWriter::attachNew); the rest are read back from their rows.
    QList<const Lead *> fresh;
    for (const Lead *lead : std::as_const(inserts)) {
        if (!updatedSet.contains(lead->id))
            fresh << lead;
    }

    LeadIndexWriter index(m_db);
    auto r = index.detach(updatedIds);
    if (!r)
        return r;
    QSqlQuery insert(m_db.connection()), update(m_db.connection());
    r = prepare(insert, QString::fromLatin1(kInsertSql));
    if (r)
        r = prepare(update, QString::fromLatin1(kUpdateSql));
    if (!r)
        return r;
    if (sqlite3 *handle = m_db.handle()) {
        r = insertDirectly(handle, inserts);
        if (!r)
            return r;
    } else {
        for (const Lead *lead : std::as_const(inserts)) {
            bindLead(insert, *lead);
            if (auto w = Database::exec(insert, "store a lead"); !w)
                return w;
        }
    }
    for (const Lead *lead : std::as_const(updates)) {
        bindLead(update, *lead);
        update.bindValue(15, lead->id);
        if (auto w = Database::exec(update, "store a lead"); !w)
            return w;
    }
    r = index.attachNew(fresh);
    if (r)
        r = index.attach(updatedIds);
    return r;
}

Result<void> LeadStore::remove(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return {};
    auto began = m_db.begin();
    if (!began)
        return began;
    auto removed = removeInTransaction(ids);
    if (!removed) {
        m_db.rollback();
        return removed;
    }
    return m_db.commit();
}

Result<void> LeadStore::removeInTransaction(const QList<qint64> &ids)
{
    LeadIndexWriter index(m_db);
    auto r = index.detach(ids);
    if (!r)
        return r;
    QSqlQuery del(m_db.connection());
    r = prepare(del, QStringLiteral("DELETE FROM leads WHERE id = ?"));
    if (!r)
        return r;
    for (qint64 id : ids) {
        del.bindValue(0, id);
        if (auto w = Database::exec(del, "remove a lead"); !w)
            return w;
    }
    return {};
}

Result<void> LeadStore::saveDetail(const LeadDetail &detail)
{
    auto began = m_db.begin();
    if (!began)
        return began;
    auto lead = upsertInTransaction({detail.lead});
    auto rows = lead ? replaceDetailRows(detail) : lead;
    if (!rows) {
        m_db.rollback();
        return rows;
    }
    return m_db.commit();
}

Result<void> LeadStore::saveDetailWithinTransaction(const LeadDetail &detail)
{
    auto lead = upsertInTransaction({detail.lead});
    return lead ? replaceDetailRows(detail) : lead;
}

Result<void> LeadStore::replaceDetailRows(const LeadDetail &detail)
{
    const qint64 id = detail.lead.id;
    for (const char *table : {"messages", "notes", "appointments"}) {
        QSqlQuery del(m_db.connection());
        del.prepare(QStringLiteral("DELETE FROM %1 WHERE lead_id = ?").arg(QLatin1StringView(table)));
        del.bindValue(0, id);
        auto r = Database::exec(del, "replace a lead's details");
        if (!r)
            return r;
    }

    QSqlQuery m(m_db.connection());
    m.prepare(QStringLiteral("INSERT OR REPLACE INTO messages (lead_id, id, direction, author, text, channel, sent_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const Message &msg : detail.messages) {
        bindAll(m, {id, msg.id, msg.direction == Message::Direction::In ? QStringLiteral("in") : QStringLiteral("out"),
                    nullableText(msg.author), msg.text, nullableText(msg.channel), msecs(msg.sentAt)});
        auto r = Database::exec(m, "store a message");
        if (!r)
            return r;
    }

    QSqlQuery n(m_db.connection());
    n.prepare(
        QStringLiteral("INSERT OR REPLACE INTO notes (lead_id, id, author, text, created_at) VALUES (?, ?, ?, ?, ?)"));
    for (const Note &note : detail.notes) {
        bindAll(n, {id, note.id, nullableText(note.author), note.text, msecs(note.createdAt)});
        auto r = Database::exec(n, "store a note");
        if (!r)
            return r;
    }

    QSqlQuery a(m_db.connection());
    a.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO appointments (lead_id, id, datetime, service, status) VALUES (?, ?, ?, ?, ?)"));
    for (const Appointment &ap : detail.appointments) {
        bindAll(a, {id, ap.id, ap.dateTime, nullableText(ap.service), nullableText(ap.status)});
        auto r = Database::exec(a, "store an appointment");
        if (!r)
            return r;
    }

    QSqlQuery stamp(m_db.connection());
    stamp.prepare(QStringLiteral("UPDATE leads SET details_fetched_at = ? WHERE id = ?"));
    bindAll(stamp, {QDateTime::currentMSecsSinceEpoch(), id});
    return Database::exec(stamp, "mark a lead's details as fetched");
}

Result<std::optional<Lead>> LeadStore::lead(qint64 id)
{
    QSqlQuery q(m_db.connection());
    auto prepared =
        prepare(q, QStringLiteral("SELECT ") + LeadSql::columns() + QStringLiteral(" FROM leads l WHERE l.id = ?"));
    if (!prepared)
        return prepared.error();
    q.bindValue(0, id);
    auto r = Database::exec(q, "read a lead");
    if (!r)
        return r.error();
    if (!q.next())
        return std::optional<Lead>();
    return std::optional<Lead>(leadFromRow(q));
}

Result<std::optional<LeadDetail>> LeadStore::detail(qint64 id)
{
    auto head = lead(id);
    if (!head)
        return head.error();
    if (!head->has_value())
        return std::optional<LeadDetail>();

    LeadDetail d;
    d.lead = **head;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, direction, author, text, channel, sent_at FROM messages WHERE lead_id = ? "
                             "ORDER BY sent_at, rowid"));
    q.bindValue(0, id);
    if (auto r = Database::exec(q, "read messages"); !r)
        return r.error();
    while (q.next()) {
        d.messages.append(Message{textOf(q.value(0)),
                                  q.value(1).toString() == QLatin1StringView("out") ? Message::Direction::Out
                                                                                    : Message::Direction::In,
                                  textOf(q.value(2)), textOf(q.value(3)), textOf(q.value(4)), fromMsecs(q.value(5))});
    }

    q.prepare(
        QStringLiteral("SELECT id, author, text, created_at FROM notes WHERE lead_id = ? ORDER BY created_at, rowid"));
    q.bindValue(0, id);
    if (auto r = Database::exec(q, "read notes"); !r)
        return r.error();
    while (q.next())
        d.notes.append(Note{textOf(q.value(0)), textOf(q.value(1)), textOf(q.value(2)), fromMsecs(q.value(3))});

    q.prepare(QStringLiteral("SELECT id, datetime, service, status FROM appointments WHERE lead_id = ? "
                             "ORDER BY datetime, rowid"));
    q.bindValue(0, id);
    if (auto r = Database::exec(q, "read appointments"); !r)
        return r.error();
    while (q.next())
        d.appointments.append(
            Appointment{textOf(q.value(0)), textOf(q.value(1)), textOf(q.value(2)), textOf(q.value(3))});
    return std::optional<LeadDetail>(std::move(d));
}

Result<QDateTime> LeadStore::detailsFetchedAt(qint64 id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT details_fetched_at FROM leads WHERE id = ?"));
    q.bindValue(0, id);
    if (auto r = Database::exec(q, "read a lead"); !r)
        return r.error();
    return q.next() ? fromMsecs(q.value(0)) : QDateTime();
}

Result<QList<Lead>> LeadStore::window(const LeadQuery &query)
{
    const LeadSql::Window window = LeadSql::window(query);
    const ReadSnapshot snapshot(m_db.handle(), window.parts.size() > 1);
    LeadSql::Window::Count count(window);
    QList<Lead> leads;
    leads.reserve(query.limit);
    for (const LeadSql::Statement &part : window.parts) {
        if (count.full())
            break;
        auto q = cachedQuery(part.sql);
        if (!q)
            return q.error();
        bindAll(**q, part.values);
        if (auto r = Database::exec(**q, "read leads"); !r)
            return r.error();
        while (!count.full() && (*q)->next()) {
            if (count.keep())
                leads.append(leadFromRow(**q));
        }
        // Done reading: no open statement may pin an old WAL snapshot.
        (*q)->finish();
    }
    return leads;
}

Result<qint64> LeadStore::count(const LeadFilter &filter, qint64 cap)
{
    const auto capped = [cap](qint64 n) {
        return cap >= 0 ? std::min(n, cap) : n;
    };
    if (filter.isEmpty()) {
        auto total = totalCount();
        return total ? Result<qint64>(capped(*total)) : total;
    }
    LeadFilter statusOnly;
    statusOnly.status = filter.status;
    if (filter == statusOnly) {
        auto counts = countsByStatus();
        if (!counts)
            return counts.error();
        return capped(counts->value(filter.status, 0));
    }

    const LeadSql::Statement st = LeadSql::count(filter, cap);
    auto q = cachedQuery(st.sql);
    if (!q)
        return q.error();
    bindAll(**q, st.values);
    auto r = Database::exec(**q, "count leads");
    if (!r)
        return r.error();
    const qint64 n = (*q)->next() ? (*q)->value(0).toLongLong() : 0;
    (*q)->finish();
    return n;
}

Result<qint64> LeadStore::totalCount()
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT ifnull(sum(n), 0) FROM lead_counts")) || !q.next())
        return makeError(QStringLiteral("cannot count the cached leads: ") + q.lastError().databaseText());
    return q.value(0).toLongLong();
}

Result<QHash<QString, qint64>> LeadStore::countsByStatus()
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT status, n FROM lead_counts WHERE n > 0")))
        return makeError(QStringLiteral("cannot count the cached leads: ") + q.lastError().databaseText());
    QHash<QString, qint64> counts;
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toLongLong());
    return counts;
}

Result<QStringList> LeadStore::distinctValues(Field field, int limit)
{
    if (field != Field::Tag)
        return distinctColumnValues(m_db.connection(), field == Field::Channel ? "channel" : "assigned_agent", limit);
    // A skip scan over the (tag, lead_id) key: one seek per distinct tag,
    // not one step per tagged lead.
    const QString sql = QStringLiteral("WITH RECURSIVE t(v) AS (SELECT min(tag) FROM lead_tags WHERE tag != '' "
                                       "UNION ALL SELECT (SELECT min(tag) FROM lead_tags WHERE tag > t.v) FROM t "
                                       "WHERE t.v IS NOT NULL) SELECT v FROM t WHERE v IS NOT NULL LIMIT ?");
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (auto prepared = prepare(q, sql); !prepared)
        return prepared.error();
    q.bindValue(0, limit);
    if (auto r = Database::exec(q, "list filter values"); !r)
        return r.error();
    QStringList values;
    while (q.next())
        values << q.value(0).toString();
    return values;
}

Result<QList<LeadCursor>> LeadStore::sampleCursors(const LeadQuery &query, int every, QList<qint64> *idsInOrder)
{
    LeadQuery all = query;
    all.limit = -1; // SQLite: no limit
    all.offset = 0;
    all.after.reset();
    const LeadSql::Statement st = LeadSql::select(all);
    // Only the id and the sort column leave the subquery, so SQLite flattens it
    // into one ordered index scan; every `every`-th row is kept here.
    const auto column = [](LeadSort::Key key) {
        switch (key) {
        case LeadSort::Key::UpdatedAt:
            return QStringLiteral("s.updated_at");
        case LeadSort::Key::CreatedAt:
            return QStringLiteral("s.created_at");
        case LeadSort::Key::Name:
            return QStringLiteral("s.name");
        case LeadSort::Key::LastMessageAt:
            return QStringLiteral("ifnull(s.last_message_at, 0)");
        case LeadSort::Key::Status:
            return QStringLiteral("s.status");
        case LeadSort::Key::Newest:
            break;
        }
        return QStringLiteral("s.id");
    };
    const QString sql =
        QStringLiteral("SELECT s.id, %1 FROM (").arg(column(query.sort.key)) + st.sql + QStringLiteral(") s");
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (auto prepared = prepare(q, sql); !prepared)
        return prepared.error();
    bindAll(q, st.values);
    if (auto r = Database::exec(q, "sample the lead list"); !r)
        return r.error();
    const qint64 step = std::max(1, every);
    QList<LeadCursor> cursors;
    for (qint64 position = 1; q.next(); ++position) {
        if (idsInOrder)
            idsInOrder->append(q.value(0).toLongLong());
        if (position % step != 0)
            continue;
        const QVariant key = q.value(1);
        const bool text = query.sort.key == LeadSort::Key::Name || query.sort.key == LeadSort::Key::Status;
        cursors.append(
            LeadCursor{text ? QVariant(key.toString()) : QVariant(key.toLongLong()), q.value(0).toLongLong()});
    }
    return cursors;
}

} // namespace outpost
