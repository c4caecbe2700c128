#include "OutboxLeadEdits.h"

#include <QJsonArray>

namespace outpost {

namespace {

QString fieldText(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts << v.toString();
        return parts.join(QStringLiteral(", "));
    }
    return value.toVariant().toString();
}

} // namespace

Result<std::unique_ptr<OutboxLeadEdits>> OutboxLeadEdits::open(const QString &cachePath, QObject *parent)
{
    auto db = Database::open(cachePath);
    if (!db)
        return db.error();
    std::unique_ptr<OutboxLeadEdits> edits(new OutboxLeadEdits(std::move(db).value(), parent));
    edits->refresh();
    return edits;
}

OutboxLeadEdits::OutboxLeadEdits(Database db, QObject *parent)
    : LeadEdits(parent)
    , m_db(std::move(db))
    , m_store(std::make_unique<OutboxStore>(m_db))
{}

void OutboxLeadEdits::refresh()
{
    auto pending = m_store->pendingLeadIds();
    if (pending)
        m_pending = *pending;
}

void OutboxLeadEdits::announce(const QList<qint64> &leads)
{
    refresh();
    emit leadsChanged(leads);
}

Result<qint64> OutboxLeadEdits::queuedFor(const Result<qint64> &row, const QList<qint64> &leads)
{
    if (!row)
        return row;
    announce(leads);
    emit queued(*row);
    return row;
}

Result<qint64> OutboxLeadEdits::setStatus(qint64 leadId, const LeadStatus &status)
{
    return queuedFor(m_store->setStatus(leadId, status.toString()), {leadId});
}

Result<qint64> OutboxLeadEdits::addTag(qint64 leadId, const QString &tag)
{
    return queuedFor(m_store->editTag(leadId, OutboxStore::TagAction::Add, tag), {leadId});
}

Result<qint64> OutboxLeadEdits::removeTag(qint64 leadId, const QString &tag)
{
    return queuedFor(m_store->editTag(leadId, OutboxStore::TagAction::Remove, tag), {leadId});
}

Result<qint64> OutboxLeadEdits::reply(qint64 leadId, const QString &text)
{
    return queuedFor(m_store->reply(leadId, text), {leadId});
}

Result<qint64> OutboxLeadEdits::addNote(qint64 leadId, const QString &text)
{
    return queuedFor(m_store->addNote(leadId, text), {leadId});
}

Result<qint64> OutboxLeadEdits::bookAppointment(qint64 leadId, const QDateTime &at, const QString &service)
{
    // The contract's form, in the workspace's local time as the person picked it.
    return queuedFor(m_store->bookAppointment(leadId, at.toString(QStringLiteral("yyyy-MM-dd HH:mm")), service),
                     {leadId});
}

Result<qint64> OutboxLeadEdits::queueBulk(const BulkChange &change)
{
    switch (change.kind) {
    case BulkChange::Kind::Stage:
        return queuedFor(m_store->bulkStage(change.leadIds, change.value), change.leadIds);
    case BulkChange::Kind::AddTag:
        return queuedFor(m_store->bulkTag(change.leadIds, OutboxStore::TagAction::Add, change.value), change.leadIds);
    case BulkChange::Kind::RemoveTag:
        return queuedFor(m_store->bulkTag(change.leadIds, OutboxStore::TagAction::Remove, change.value),
                         change.leadIds);
    case BulkChange::Kind::Message:
        return queuedFor(m_store->bulkMessage(change.leadIds, change.value), change.leadIds);
    }
    return makeError(tr("Unknown bulk change."));
}

Result<bool> OutboxLeadEdits::undo(qint64 entryId)
{
    auto row = m_store->row(entryId);
    if (!row)
        return row.error();
    if (!*row || (*row)->state != OutboxRow::State::Pending || (*row)->firstSentAt.isValid())
        return false;
    const QList<qint64> leads = (*row)->leadIds;
    auto undone = m_store->undo(entryId);
    if (!undone)
        return undone.error();
    announce(leads);
    return true;
}

Result<QList<EditConflict>> OutboxLeadEdits::conflicts()
{
    auto rows = m_store->conflicts();
    if (!rows)
        return rows.error();
    QList<EditConflict> out;
    for (const OutboxRow &row : std::as_const(*rows)) {
        EditConflict conflict;
        conflict.id = row.id;
        conflict.leadId = row.leadIds.value(0);
        if (auto lead = m_store->leads().lead(conflict.leadId); lead && *lead)
            conflict.leadName = (**lead).name;
        for (auto it = row.conflict.begin(); it != row.conflict.end(); ++it) {
            const QJsonObject field = it.value().toObject();
            if (field.isEmpty())
                continue;
            conflict.fields << EditConflict::Field{it.key(), fieldText(field.value(QStringLiteral("base"))),
                                                   fieldText(field.value(QStringLiteral("theirs"))),
                                                   fieldText(field.value(QStringLiteral("mine")))};
        }
        out << conflict;
    }
    return out;
}

Result<void> OutboxLeadEdits::resolve(qint64 conflictId, Resolution resolution)
{
    auto row = m_store->row(conflictId);
    if (!row)
        return row.error();
    auto resolved =
        m_store->resolveConflict(conflictId, resolution == Resolution::KeepMine ? OutboxStore::Resolution::Mine
                                                                                : OutboxStore::Resolution::Theirs);
    if (!resolved)
        return resolved;
    if (*row)
        announce((*row)->leadIds);
    if (resolution == Resolution::KeepMine)
        emit queued(conflictId);
    return {};
}

} // namespace outpost
