#include "SimSeeder.h"

#include "LeadGenerator.h"
#include "SimLeadRow.h"
#include "SimStore.h"

#include <sqlite3.h>

#include <array>

namespace outpost::sim {

namespace {

class Statement
{
public:
    Statement(sqlite3 *db, const char *sql)
    {
        sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool valid() const { return m_stmt != nullptr; }
    void text(int index, const QString &value)
    {
        if (value.isNull()) {
            sqlite3_bind_null(m_stmt, index);
            return;
        }
        const QByteArray utf8 = value.toUtf8();
        sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    }
    void integer(int index, qint64 value) { sqlite3_bind_int64(m_stmt, index, value); }
    void integerOrNull(int index, qint64 value, bool isNull)
    {
        if (isNull)
            sqlite3_bind_null(m_stmt, index);
        else
            sqlite3_bind_int64(m_stmt, index, value);
    }
    void real(int index, double value) { sqlite3_bind_double(m_stmt, index, value); }
    void null(int index) { sqlite3_bind_null(m_stmt, index); }
    bool step()
    {
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        return rc == SQLITE_DONE;
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

void bindLead(Statement &s, const SimLeadRow &row)
{
    const Lead &l = row.lead;
    s.integer(1, l.id);
    s.text(2, l.name);
    s.text(3, l.phone);
    s.text(4, l.email);
    s.text(5, l.status.toString());
    s.text(6, l.channel);
    s.text(7, l.source);
    s.text(8, SimLeadRow::encodeTags(l.tags));
    s.text(9, l.assignedAgent);
    s.integer(10, l.escalated ? 1 : 0);
    s.integerOrNull(11, l.score.value_or(0), !l.score);
    if (l.rating)
        s.real(12, *l.rating);
    else
        s.null(12);
    s.integer(13, l.createdAt.toMSecsSinceEpoch());
    s.integer(14, l.updatedAt.toMSecsSinceEpoch());
    s.integerOrNull(15, l.lastMessageAt.toMSecsSinceEpoch(), !l.lastMessageAt.isValid());
    s.integerOrNull(16, row.firstInAt, !row.firstInAt);
    s.integerOrNull(17, row.firstOutAt, !row.firstOutAt);
    s.integerOrNull(18, row.lastInAt, !row.lastInAt);
    s.integerOrNull(19, row.lastOutAt, !row.lastOutAt);
    s.integer(20, row.humanReplies);
    s.integerOrNull(21, row.resolvedAt, !row.resolvedAt);
}

} // namespace

bool SimSeeder::seed(SimStore &store, const LeadGenerator &generator, qint64 count, QString *error)
{
    sqlite3 *db = store.handle();
    if (!db) {
        *error = QStringLiteral("the SQLite driver does not expose its handle");
        return false;
    }
    // A fresh file: no journal while it fills (a failed seed is thrown away
    // anyway), indexes built once at the end, a larger page cache.
    store.dropIndexes();
    sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536", nullptr, nullptr,
                 nullptr);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    bool ok = true;
    {
        Statement lead(db, "INSERT INTO leads VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        Statement message(db, "INSERT INTO messages(lead_id, direction, author, text, channel, sent_at) "
                              "VALUES (?,?,?,?,?,?)");
        Statement note(db, "INSERT INTO notes(lead_id, author, text, created_at) VALUES (?,?,?,?)");
        Statement appointment(db, "INSERT INTO appointments(lead_id, datetime, service, status) VALUES (?,?,?,?)");
        ok = lead.valid() && message.valid() && note.valid() && appointment.valid();
        for (qint64 id = 1; ok && id <= count; ++id) {
            const LeadDetail d = generator.detail(id);
            SimLeadRow row;
            row.lead = d.lead;
            for (const Message &m : d.messages) {
                row.addMessage(m);
                message.integer(1, id);
                message.text(2, m.direction == Message::Direction::In ? QStringLiteral("in") : QStringLiteral("out"));
                message.text(3, m.author);
                message.text(4, m.text);
                message.text(5, m.channel);
                message.integer(6, m.sentAt.toMSecsSinceEpoch());
                ok = ok && message.step();
            }
            if (SimLeadRow::isResolved(row.lead.status))
                row.resolvedAt = row.lead.updatedAt.toMSecsSinceEpoch();
            bindLead(lead, row);
            ok = ok && lead.step();
            for (const Note &n : d.notes) {
                note.integer(1, id);
                note.text(2, n.author);
                note.text(3, n.text);
                note.integer(4, n.createdAt.toMSecsSinceEpoch());
                ok = ok && note.step();
            }
            for (const Appointment &a : d.appointments) {
                appointment.integer(1, id);
                appointment.text(2, a.dateTime);
                appointment.text(3, a.service);
                appointment.text(4, a.status);
                ok = ok && appointment.step();
            }
        }
    }
    if (!ok) {
        *error = QStringLiteral("seeding failed: %1").arg(QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_exec(db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
        return false;
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    store.createIndexes();
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-8192", nullptr, nullptr,
                 nullptr);
    return true;
}

} // namespace outpost::sim
