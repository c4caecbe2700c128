#include "outbox/PendingEdits.h"

#include "campaigns/CampaignMessage.h"
#include "domain/LeadStatus.h"
#include "outbox/OutboxStore.h"
#include "storage/Database.h"
#include "storage/LeadStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace outpost {

namespace {

// Every state but done: what the person still expects to see.
const QString kOpen = QStringLiteral("('pending', 'sending', 'needs-review', 'conflict', 'failed', 'not-allowed')");

void bindAll(QSqlQuery &q, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
}

void setTag(Lead &lead, const QString &tag, bool add)
{
    lead.tags.removeAll(tag);
    if (add)
        lead.tags << tag;
}

QVariant orNull(const QString &text)
{
    return text.isNull() ? QVariant() : QVariant(text);
}

} // namespace

PendingEdits::PendingEdits(Database &db)
    : m_db(db)
{}

void PendingEdits::applyTo(Lead &lead, const OutboxRow &row)
{
    const QString status = row.payload.value(QStringLiteral("status")).toString();
    const QString tag = row.payload.value(QStringLiteral("tag")).toString();
    switch (row.op) {
    case OutboxRow::Op::SetStatus:
    case OutboxRow::Op::BulkStage:
        lead.status = LeadStatus::fromString(status);
        return;
    case OutboxRow::Op::TagAdd:
    case OutboxRow::Op::TagRemove:
        setTag(lead, tag, row.op == OutboxRow::Op::TagAdd);
        return;
    case OutboxRow::Op::BulkTag:
        setTag(lead, tag, row.payload.value(QStringLiteral("action")).toString() == QLatin1StringView("add"));
        return;
    default:
        return;
    }
}

Result<void> PendingEdits::reapply(const QList<qint64> &leadIds)
{
    if (leadIds.isEmpty())
        return {};
    auto any = anyOpenRow();
    if (!any)
        return any.error();
    if (!*any)
        return {};
    auto leads = leadsWithOpenRows(leadIds);
    if (!leads)
        return leads.error();
    for (qint64 id : std::as_const(*leads)) {
        if (auto r = reapplyOn(id); !r)
            return r;
    }
    return {};
}

Result<bool> PendingEdits::anyOpenRow()
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT 1 FROM outbox WHERE state IN %1 LIMIT 1").arg(kOpen));
    if (auto r = Database::exec(q, "read the outbox"); !r)
        return r.error();
    return q.next();
}

Result<QList<qint64>> PendingEdits::leadsWithOpenRows(const QList<qint64> &leadIds)
{
    QJsonArray ids;
    for (qint64 id : leadIds)
        ids.append(id);
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT DISTINCT t.lead_id FROM json_each(?) j JOIN outbox_targets t ON t.lead_id = "
                             "j.value JOIN outbox o ON o.id = t.row_id WHERE o.state IN %1")
                  .arg(kOpen));
    q.bindValue(0, QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact)));
    if (auto r = Database::exec(q, "read the outbox"); !r)
        return r.error();
    QList<qint64> found;
    while (q.next())
        found << q.value(0).toLongLong();
    return found;
}

Result<void> PendingEdits::reapplyOn(qint64 leadId)
{
    OutboxStore outbox(m_db);
    auto rows = outbox.openRowsOf(leadId);
    if (!rows)
        return rows.error();
    LeadStore leads(m_db);
    auto cached = leads.lead(leadId);
    if (!cached)
        return cached.error();
    if (!*cached)
        return {}; // gone from the service: its rows will say so when sent
    Lead lead = **cached;
    const Lead server = lead;
    for (const OutboxRow &row : std::as_const(*rows)) {
        applyTo(lead, row);
        if (auto shown = showItem(row, lead); !shown)
            return shown;
    }
    if (lead.status == server.status && lead.tags == server.tags)
        return {};
    // The cached updated_at stays the service's: the next change there still
    // replaces this copy.
    return leads.upsertWithinTransaction({lead});
}

Result<void> PendingEdits::showItem(const OutboxRow &row, const Lead &lead)
{
    // OR IGNORE: the item is still there when only the lead was written.
    QString sql;
    QVariantList values{lead.id, row.localRef};
    const qint64 queuedAt = row.createdAt.isValid() ? row.createdAt.toMSecsSinceEpoch() : 0;
    const auto text = [&row](const char *key) {
        return row.payload.value(QLatin1StringView(key)).toString();
    };
    switch (row.op) {
    case OutboxRow::Op::Note:
        sql = QStringLiteral("INSERT OR IGNORE INTO notes (lead_id, id, author, text, created_at) "
                             "VALUES (?, ?, NULL, ?, ?)");
        values << text("text") << queuedAt;
        break;
    case OutboxRow::Op::Reply:
    case OutboxRow::Op::BulkMessage:
        sql = QStringLiteral("INSERT OR IGNORE INTO messages (lead_id, id, direction, author, text, channel, sent_at) "
                             "VALUES (?, ?, 'out', NULL, ?, ?, ?)");
        values << (row.op == OutboxRow::Op::Reply ? text("text") : CampaignMessage(text("message")).render(lead))
               << orNull(lead.channel) << queuedAt;
        break;
    case OutboxRow::Op::Appointment:
        sql = QStringLiteral("INSERT OR IGNORE INTO appointments (lead_id, id, datetime, service, status) "
                             "VALUES (?, ?, ?, ?, NULL)");
        values << text("datetime") << text("service");
        break;
    default:
        return {};
    }
    QSqlQuery q(m_db.connection());
    q.prepare(sql);
    bindAll(q, values);
    return Database::exec(q, "show a queued change");
}

} // namespace outpost
