#include "outbox/OutboxDecisions.h"

#include "domain/LeadStatus.h"
#include "outbox/BulkComparison.h"
#include "outbox/OutboxCacheWriter.h"
#include "outbox/OutboxTable.h"

#include <QJsonArray>

namespace outpost {

namespace {

QStringList tagsOf(const QJsonValue &value)
{
    QStringList tags;
    for (const QJsonValue &tag : value.toArray())
        tags << tag.toString();
    return tags;
}

} // namespace

OutboxDecisions::OutboxDecisions(OutboxTable &table, OutboxCacheWriter &cache)
    : m_table(table)
    , m_cache(cache)
{}

Result<OutboxRow> OutboxDecisions::existingRow(qint64 rowId)
{
    auto found = m_table.row(rowId);
    if (!found)
        return found.error();
    if (!*found)
        return OutboxTable::noSuchRow(rowId);
    return **found;
}

Result<void> OutboxDecisions::retry(qint64 rowId)
{
    auto found = existingRow(rowId);
    if (!found)
        return found.error();
    const OutboxRow::State state = found->state;
    if (state == OutboxRow::State::NeedsReview)
        return resolveReview(rowId, Review::SendAgain);
    if (state != OutboxRow::State::Failed && state != OutboxRow::State::NotAllowed)
        return makeError(tr("Row %1 is %2: only failed or not-allowed rows can be retried.")
                             .arg(rowId)
                             .arg(OutboxRow::stateName(state)));
    return m_table.update(rowId, QStringLiteral("state = 'pending', attempts = 0, last_error = NULL"), {});
}

Result<void> OutboxDecisions::discard(qint64 rowId)
{
    auto found = existingRow(rowId);
    if (!found)
        return found.error();
    if (found->state == OutboxRow::State::Sending)
        return makeError(tr("Row %1 is being sent; it can be discarded once the send has ended.").arg(rowId));
    if (found->state == OutboxRow::State::Done)
        return makeError(tr("Row %1 was sent already.").arg(rowId));
    return revertAndDelete(*found);
}

Result<void> OutboxDecisions::undo(qint64 rowId)
{
    auto found = existingRow(rowId);
    if (!found)
        return found.error();
    const OutboxRow &r = *found;
    if (r.state != OutboxRow::State::Pending || r.firstSentAt.isValid())
        return makeError(tr("Row %1 has left already (%2): it cannot be undone.").arg(rowId).arg(r.describeState()));
    auto later = m_table.laterOpenRowTouches(r);
    if (!later)
        return later.error();
    if (*later)
        return makeError(tr("A later change to the same lead is queued: undo that one first."));
    return revertAndDelete(r);
}

Result<void> OutboxDecisions::resolveConflict(qint64 rowId, Resolution resolution)
{
    auto found = existingRow(rowId);
    if (!found)
        return found.error();
    const OutboxRow &r = *found;
    if (r.state != OutboxRow::State::Conflict)
        return makeError(tr("Row %1 is not a conflict.").arg(rowId));
    if (r.conflict.value(QStringLiteral("lead_ids")).isArray())
        return resolveBulkConflict(r, resolution);
    if (resolution == Resolution::Theirs)
        return keepTheirs(r);
    // The server's copy becomes the base: the replayer sends mine over it.
    QJsonObject base = r.base;
    for (auto it = r.conflict.begin(); it != r.conflict.end(); ++it) {
        const QJsonObject field = it.value().toObject();
        if (field.contains(QStringLiteral("theirs")))
            base.insert(it.key(), field.value(QStringLiteral("theirs")));
    }
    return keepMine(r, base);
}

Result<void> OutboxDecisions::keepMine(const OutboxRow &row, const QJsonObject &base)
{
    return m_table.update(row.id,
                          QStringLiteral("state = 'pending', base = ?, attempts = 0, last_error = NULL, "
                                         "conflict = json_set(coalesce(conflict, '{}'), '$.resolved', 'mine')"),
                          {OutboxTable::toJson(base)});
}

Result<void> OutboxDecisions::keepTheirs(const OutboxRow &r)
{
    // The cache takes the server's values and my change ends here.
    return m_table.inTransaction([&]() -> Result<void> {
        if (!r.leadIds.isEmpty()) {
            auto lead = m_cache.cachedLead(r.leadIds.first());
            if (lead) {
                Lead copy = *lead;
                const QJsonObject status = r.conflict.value(QStringLiteral("status")).toObject();
                const QJsonObject tags = r.conflict.value(QStringLiteral("tags")).toObject();
                if (status.contains(QStringLiteral("theirs")))
                    copy.status = LeadStatus::fromString(status.value(QStringLiteral("theirs")).toString());
                if (tags.contains(QStringLiteral("theirs")))
                    copy.tags = tagsOf(tags.value(QStringLiteral("theirs")));
                if (auto saved = m_cache.saveLeads({copy}); !saved)
                    return saved;
            }
        }
        return markTheirsKept(r.id);
    });
}

Result<void> OutboxDecisions::markTheirsKept(qint64 rowId)
{
    return m_table.update(rowId,
                          QStringLiteral("state = 'done', last_error = ?, "
                                         "conflict = json_set(coalesce(conflict, '{}'), '$.resolved', 'theirs')"),
                          {tr("Resolved: the service's version was kept.")});
}

Result<void> OutboxDecisions::resolveBulkConflict(const OutboxRow &r, Resolution resolution)
{
    const bool stage = r.op == OutboxRow::Op::BulkStage;
    const QString baseKey = stage ? QStringLiteral("statuses") : QStringLiteral("tags");
    QJsonObject perLead = r.base.value(baseKey).toObject();
    QList<qint64> ids;
    for (const QJsonValue &value : r.conflict.value(QStringLiteral("lead_ids")).toArray()) {
        const qint64 id = value.toInteger();
        perLead.insert(QString::number(id),
                       r.conflict.value(BulkComparison::fieldKey(r.op, id)).toObject().value(QStringLiteral("theirs")));
        ids << id;
    }
    if (resolution == Resolution::Mine) {
        // The service's values become the base: the replayer sends mine over them.
        QJsonObject base = r.base;
        base.insert(baseKey, perLead);
        return keepMine(r, base);
    }
    auto theirs = changedCopies(ids, [&](Lead &lead) {
        const QJsonValue now = perLead.value(QString::number(lead.id));
        if (stage)
            lead.status = LeadStatus::fromString(now.toString());
        else
            lead.tags = tagsOf(now);
        return true;
    });
    if (!theirs)
        return theirs.error();
    return m_table.inTransaction([&]() -> Result<void> {
        if (auto saved = theirs->isEmpty() ? Result<void>() : m_cache.saveLeads(*theirs); !saved)
            return saved;
        return markTheirsKept(r.id);
    });
}

Result<void> OutboxDecisions::resolveReview(qint64 rowId, Review review)
{
    auto found = existingRow(rowId);
    if (!found)
        return found.error();
    if (found->state != OutboxRow::State::NeedsReview)
        return makeError(tr("Row %1 does not need a review.").arg(rowId));
    if (review == Review::AlreadyApplied)
        return m_table.update(rowId, QStringLiteral("state = 'done', last_error = ?"),
                              {tr("Marked as arrived by the person.")});
    // Sent again as a new attempt: a fresh probe is taken before it leaves.
    return m_table.update(rowId, QStringLiteral("state = 'pending', probe = NULL, last_error = NULL"), {});
}

Result<void> OutboxDecisions::revertAndDelete(const OutboxRow &row)
{
    return m_table.inTransaction([&]() -> Result<void> {
        auto reverted = revert(row);
        return reverted ? m_table.deleteRow(row.id) : reverted;
    });
}

Result<void> OutboxDecisions::revert(const OutboxRow &row)
{
    if (auto removed = m_cache.removeLocalItems(row); !removed)
        return removed;
    const bool changesLead = !row.repeatsAct() && !row.isCampaign();
    if (auto refresh = changesLead ? m_cache.refreshFromServer(row.leadIds) : Result<void>(); !refresh)
        return refresh;
    auto later = m_table.laterOpenRowTouches(row);
    if (!later)
        return later.error();
    if (*later)
        return {}; // a later change owns these fields now
    return restoreBase(row);
}

Result<void> OutboxDecisions::restoreBase(const OutboxRow &row)
{
    auto restored = changedCopies(row.leadIds, [&row](Lead &lead) {
        const QString key = QString::number(lead.id);
        switch (row.op) {
        case OutboxRow::Op::SetStatus:
            lead.status = LeadStatus::fromString(row.base.value(QStringLiteral("status")).toString());
            return true;
        case OutboxRow::Op::TagAdd:
        case OutboxRow::Op::TagRemove:
            lead.tags = tagsOf(row.base.value(QStringLiteral("tags")));
            return true;
        case OutboxRow::Op::BulkStage:
            lead.status = LeadStatus::fromString(
                row.base.value(QStringLiteral("statuses")).toObject().value(key).toString(lead.status.toString()));
            return true;
        case OutboxRow::Op::BulkTag:
            lead.tags = tagsOf(row.base.value(QStringLiteral("tags")).toObject().value(key));
            return true;
        default:
            return false;
        }
    });
    if (!restored)
        return restored.error();
    return restored->isEmpty() ? Result<void>() : m_cache.saveLeads(*restored);
}

Result<QList<Lead>> OutboxDecisions::changedCopies(const QList<qint64> &ids, const std::function<bool(Lead &)> &change)
{
    QList<Lead> copies;
    for (qint64 id : ids) {
        auto lead = m_cache.leads().lead(id);
        if (!lead)
            return lead.error();
        if (!*lead)
            continue;
        Lead copy = **lead;
        if (change(copy))
            copies << copy;
    }
    return copies;
}

} // namespace outpost
