#include "OutboxLeadEdits.h"

#include "CacheTask.h"
#include "LeadText.h"
#include "WorkspaceCache.h"
#include "outbox/OutboxStore.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

namespace outpost {

namespace {

// A conflict value for people: lists joined, everything else as text.
QString shown(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts << v.toVariant().toString();
        return parts.join(QStringLiteral(", "));
    }
    if (value.isNull() || value.isUndefined())
        return QString();
    return value.toVariant().toString();
}

// The conflict's field key ("status", or "tags (lead 12)" for a bulk row)
// split into the field and the lead it concerns (0 for a single-lead row).
struct FieldKey
{
    QString field;
    qint64 leadId = 0;
};

FieldKey fieldKeyOf(const QString &key)
{
    static const QRegularExpression bulk(QStringLiteral("^(\\w+) \\(lead (\\d+)\\)$"));
    const QRegularExpressionMatch m = bulk.match(key);
    if (!m.hasMatch())
        return {key, 0};
    return {m.captured(1), m.captured(2).toLongLong()};
}

// The same words the pipeline and the lead list use.
QString fieldLabel(const FieldKey &key)
{
    QString name = key.field;
    if (key.field == QLatin1StringView("status"))
        name = OutboxLeadEdits::tr("Status");
    else if (key.field == QLatin1StringView("tags"))
        name = OutboxLeadEdits::tr("Tags");
    return key.leadId ? OutboxLeadEdits::tr("%1 (lead %2)").arg(name).arg(key.leadId) : name;
}

QString valueLabel(const FieldKey &key, const QJsonValue &value)
{
    const QString text = shown(value);
    if (key.field != QLatin1StringView("status") || text.isEmpty())
        return text;
    return LeadText::status(LeadStatus::fromString(text));
}

} // namespace

OutboxLeadEdits::OutboxLeadEdits(WorkspaceCache *cache, QObject *parent)
    : LeadEdits(parent)
    , m_cache(cache)
{
    connect(cache, &WorkspaceCache::opened, this, &OutboxLeadEdits::onOpened);
    connect(cache, &WorkspaceCache::closed, this, &OutboxLeadEdits::onClosed);
    connect(cache, &WorkspaceCache::leadsChanged, this, &OutboxLeadEdits::refresh);
    if (cache->isOpen())
        onOpened();
}

OutboxLeadEdits::~OutboxLeadEdits() = default;

void OutboxLeadEdits::onOpened()
{
    m_store = std::make_unique<OutboxStore>(m_cache->database());
    refresh();
}

void OutboxLeadEdits::onClosed()
{
    m_store.reset();
    refresh();
}

Result<OutboxStore *> OutboxLeadEdits::store()
{
    if (!m_store || !m_cache->isOpen())
        return Error{tr("No workspace is open.")};
    return m_store.get();
}

void OutboxLeadEdits::refresh()
{
    QSet<qint64> leads;
    int pending = 0;
    int conflicts = 0;
    if (m_store && m_cache->isOpen()) {
        if (auto ids = m_store->pendingLeadIds())
            leads = *ids;
        if (auto counts = m_store->counts()) {
            pending = counts->pending;
            conflicts = counts->conflicts;
        }
    }
    const bool changed = leads != m_pendingLeads || pending != m_pending || conflicts != m_conflicts;
    m_pendingLeads = leads;
    m_pending = pending;
    m_conflicts = conflicts;
    if (changed)
        emit countsChanged();
}

Result<qint64> OutboxLeadEdits::queued(const Result<qint64> &row, const QList<qint64> &leadIds)
{
    if (row) {
        refresh();
        emit leadsChanged(leadIds);
    }
    return row;
}

Result<qint64> OutboxLeadEdits::setStatus(qint64 leadId, const LeadStatus &status)
{
    auto s = store();
    if (!s)
        return s.error();
    return queued((*s)->setStatus(leadId, status.toString()), {leadId});
}

Result<qint64> OutboxLeadEdits::addTag(qint64 leadId, const QString &tag)
{
    auto s = store();
    if (!s)
        return s.error();
    return queued((*s)->editTag(leadId, OutboxStore::TagAction::Add, tag), {leadId});
}

Result<qint64> OutboxLeadEdits::removeTag(qint64 leadId, const QString &tag)
{
    auto s = store();
    if (!s)
        return s.error();
    return queued((*s)->editTag(leadId, OutboxStore::TagAction::Remove, tag), {leadId});
}

Result<qint64> OutboxLeadEdits::reply(qint64 leadId, const QString &text)
{
    auto s = store();
    if (!s)
        return s.error();
    return queued((*s)->reply(leadId, text), {leadId});
}

Result<qint64> OutboxLeadEdits::addNote(qint64 leadId, const QString &text)
{
    auto s = store();
    if (!s)
        return s.error();
    return queued((*s)->addNote(leadId, text), {leadId});
}

Result<qint64> OutboxLeadEdits::bookAppointment(qint64 leadId, const QDateTime &at, const QString &service)
{
    auto s = store();
    if (!s)
        return s.error();
    // The contract's appointment time is the workspace's local wall-clock time.
    const QString when = at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return queued((*s)->bookAppointment(leadId, when, service), {leadId});
}

namespace {

Result<qint64> queueOn(OutboxStore &o, const BulkChange &change)
{
    switch (change.kind) {
    case BulkChange::Kind::Stage:
        return o.bulkStage(change.leadIds, change.value);
    case BulkChange::Kind::AddTag:
        return o.bulkTag(change.leadIds, OutboxStore::TagAction::Add, change.value);
    case BulkChange::Kind::RemoveTag:
        return o.bulkTag(change.leadIds, OutboxStore::TagAction::Remove, change.value);
    case BulkChange::Kind::Message:
        return o.bulkMessage(change.leadIds, change.value);
    }
    return Error{OutboxLeadEdits::tr("Unknown bulk action.")};
}

} // namespace

Result<qint64> OutboxLeadEdits::queueBulk(const BulkChange &change)
{
    auto s = store();
    if (!s)
        return s.error();
    return queued(queueOn(**s, change), change.leadIds);
}

void OutboxLeadEdits::queueBulkInBackground(const BulkChange &change, QObject *context,
                                            std::function<void(const Result<qint64> &)> done)
{
    if (!m_store || !m_cache->isOpen()) {
        done(Error{tr("No workspace is open.")});
        return;
    }
    // The row and the optimistic change to every lead in one transaction, as
    // queueBulk() writes them, but on the pool: thousands of leads and their
    // search entries are a bulk write the window must not wait for.
    using Outcome = std::optional<Result<qint64>>;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, ids = change.leadIds, context = QPointer<QObject>(context), done = std::move(done)] {
                const Outcome outcome = watcher->result();
                watcher->deleteLater();
                const Result<qint64> row = outcome ? *outcome : Result<qint64>(Error{tr("Nothing was queued.")});
                // Counts and lists follow even when whoever asked is gone.
                const Result<qint64> reported = queued(row, ids);
                if (context)
                    done(reported);
            });
    watcher->setFuture(QtConcurrent::run(CacheTask::pool(), [path = m_cache->path(), change]() -> Outcome {
        auto db = Database::open(path);
        if (!db)
            return Result<qint64>(db.error());
        OutboxStore outbox(*db);
        return queueOn(outbox, change);
    }));
}

Result<bool> OutboxLeadEdits::undo(qint64 entryId)
{
    auto s = store();
    if (!s)
        return s.error();
    auto row = (*s)->row(entryId);
    if (!row)
        return row.error();
    // Once it left (or is leaving), the service may have it: too late to take back.
    if (!row->has_value() || (*row)->state != OutboxRow::State::Pending || (*row)->firstSentAt.isValid())
        return false;
    const QList<qint64> leads = (*row)->leadIds;
    if (auto undone = (*s)->undo(entryId); !undone)
        return undone.error();
    refresh();
    emit leadsChanged(leads);
    return true;
}

QHash<QString, QueuedItem> OutboxLeadEdits::queuedItems(qint64 leadId)
{
    QHash<QString, QueuedItem> items;
    if (!m_pendingLeads.contains(leadId) || !m_store || !m_cache->isOpen())
        return items;
    auto rows = m_store->rows();
    if (!rows)
        return items;
    for (const OutboxRow &row : *rows) {
        if (row.localRef.isEmpty() || !row.leadIds.contains(leadId))
            continue;
        QueuedItem item;
        switch (row.state) {
        case OutboxRow::State::Pending:
            item.state = QueuedItem::State::Waiting;
            break;
        case OutboxRow::State::Sending:
            item.state = QueuedItem::State::Sending;
            break;
        case OutboxRow::State::NeedsReview:
        case OutboxRow::State::Conflict:
            item.state = QueuedItem::State::NeedsReview;
            item.reason = row.lastError;
            break;
        case OutboxRow::State::Failed:
        case OutboxRow::State::NotAllowed:
            item.state = QueuedItem::State::Failed;
            item.reason = row.lastError;
            break;
        case OutboxRow::State::Done:
            continue;
        }
        items.insert(row.localRef, item);
    }
    return items;
}

Result<QList<EditConflict>> OutboxLeadEdits::conflicts()
{
    auto s = store();
    if (!s)
        return s.error();
    auto rows = (*s)->conflicts();
    if (!rows)
        return rows.error();
    QList<EditConflict> out;
    for (const OutboxRow &row : *rows) {
        EditConflict c;
        c.id = row.id;
        c.leadId = row.leadIds.value(0);
        if (auto lead = (*s)->leads().lead(c.leadId); lead && lead->has_value())
            c.leadName = (*lead)->name;
        for (auto it = row.conflict.begin(); it != row.conflict.end(); ++it) {
            if (!it.value().isObject()) // bookkeeping such as how it was resolved
                continue;
            const QJsonObject f = it.value().toObject();
            const FieldKey key = fieldKeyOf(it.key());
            c.fields.append({fieldLabel(key), valueLabel(key, f.value(QStringLiteral("base"))),
                             valueLabel(key, f.value(QStringLiteral("theirs"))),
                             valueLabel(key, f.value(QStringLiteral("mine")))});
        }
        out.append(c);
    }
    return out;
}

Result<void> OutboxLeadEdits::resolve(qint64 conflictId, Resolution resolution)
{
    auto s = store();
    if (!s)
        return s.error();
    auto row = (*s)->row(conflictId);
    const QList<qint64> leads = row && row->has_value() ? (*row)->leadIds : QList<qint64>();
    auto resolved =
        (*s)->resolveConflict(conflictId, resolution == Resolution::KeepMine ? OutboxStore::Resolution::Mine
                                                                             : OutboxStore::Resolution::Theirs);
    if (!resolved)
        return resolved;
    refresh();
    emit leadsChanged(leads);
    return {};
}

} // namespace outpost
