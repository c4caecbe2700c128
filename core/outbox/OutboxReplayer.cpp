#include "outbox/OutboxReplayer.h"

#include "campaigns/CampaignStore.h"
#include "common/Logging.h"
#include "domain/LeadCodec.h"
#include "outbox/BulkComparison.h"
#include "outbox/OutboxRequests.h"
#include "sync/SyncLock.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace outpost {

namespace {

QJsonArray idsArray(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

QSet<QString> tagSet(const QStringList &tags)
{
    return QSet<QString>(tags.begin(), tags.end());
}

QStringList tagsFrom(const QJsonValue &value)
{
    QStringList tags;
    for (const QJsonValue &tag : value.toArray())
        tags << tag.toString();
    return tags;
}

QJsonObject threeValues(const QJsonValue &base, const QJsonValue &theirs, const QJsonValue &mine)
{
    return {{QStringLiteral("base"), base}, {QStringLiteral("theirs"), theirs}, {QStringLiteral("mine"), mine}};
}

} // namespace

OutboxReplayer::OutboxReplayer(QString cachePath, QString lockPath, ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_cachePath(std::move(cachePath))
    , m_lockPath(std::move(lockPath))
    , m_api(api)
    , m_retryTimer(this)
{
    qRegisterMetaType<OutboxReplayer::Outcome>();
    qRegisterMetaType<QList<qint64>>();
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &OutboxReplayer::next);
}

OutboxReplayer::~OutboxReplayer() = default;

void OutboxReplayer::start()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    m_skip.clear();
    m_stats = Stats();
    m_transientInRow = 0;
    if (!m_store) {
        auto db = Database::open(m_cachePath);
        if (!db) {
            end(Outcome::Failed, db.error().message);
            return;
        }
        m_db.emplace(std::move(db).value());
        m_store = std::make_unique<OutboxStore>(*m_db);
    }
    if (!m_lockPath.isEmpty()) {
        QDir().mkpath(QFileInfo(m_lockPath).absolutePath());
        m_lock = std::make_unique<QLockFile>(m_lockPath);
        if (!SyncLock::tryLock(*m_lock)) {
            m_lock.reset();
            end(Outcome::Locked, tr("Another Outpost is working on this workspace; the outbox waits for it."));
            return;
        }
    }
    forgetOldDoneRows();
    publishCounts();
    next();
}

void OutboxReplayer::forgetOldDoneRows()
{
    // The outbox is a queue, not a history: a month of what the service
    // already has is plenty for the person to look back on.
    constexpr qint64 kKeptMs = 30LL * 24 * 3600 * 1000;
    auto pruned = m_store->pruneDone(QDateTime::currentMSecsSinceEpoch() - kKeptMs);
    if (!pruned) // Harmless: the rows are kept until the next run.
        qCWarning(lcSync) << "cannot forget old outbox rows:" << pruned.error().message;
    else if (*pruned > 0)
        qCInfo(lcSync) << "forgot" << *pruned << "outbox rows the service has had for a month";
}

void OutboxReplayer::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    m_retryTimer.stop();
    const QSet<quint64> tickets = m_tickets;
    for (quint64 ticket : tickets)
        m_api->cancel(ticket);
    if (tickets.isEmpty())
        end(Outcome::Cancelled, tr("Sending the outbox was cancelled."));
}

void OutboxReplayer::next()
{
    if (!m_running)
        return;
    if (m_cancelled) {
        end(Outcome::Cancelled, tr("Sending the outbox was cancelled."));
        return;
    }
    auto row = m_store->nextSendable(m_skip);
    if (!row) {
        end(Outcome::Failed, row.error().message);
        return;
    }
    if (!*row) {
        auto counts = m_store->counts();
        if (!counts) {
            end(Outcome::Failed, counts.error().message);
            return;
        }
        if (!m_skip.isEmpty())
            end(Outcome::Offline,
                tr("The service did not take %n change(s); they stay queued.", nullptr, int(m_skip.size())));
        else if (counts->open() > 0)
            end(Outcome::NeedsPerson, tr("%n queued change(s) wait for a decision (conflicts, reviews or refusals).",
                                         nullptr, counts->open()));
        else
            end(Outcome::Drained, tr("Every queued change has reached the service."));
        return;
    }
    process(**row);
}

void OutboxReplayer::process(const OutboxRow &row)
{
    switch (row.op) {
    case OutboxRow::Op::SetStatus:
    case OutboxRow::Op::TagAdd:
    case OutboxRow::Op::TagRemove:
        compareAndSend(row);
        return;
    case OutboxRow::Op::BulkStage:
    case OutboxRow::Op::BulkTag:
        // Compared lead by lead, as single edits are: one request per lead.
        if (row.state == OutboxRow::State::Sending)
            verifyBulk(row);
        else
            compareBulk(row, 0, {});
        return;
    case OutboxRow::Op::CampaignSend:
        if (row.state == OutboxRow::State::Sending)
            verify(row);
        else
            send(row);
        return;
    default:
        if (row.state == OutboxRow::State::Sending)
            verify(row);
        else
            probeAndSend(row);
        return;
    }
}

// ---- Status and tags ----

void OutboxReplayer::compareAndSend(const OutboxRow &row)
{
    const qint64 leadId = row.leadIds.value(0);
    request(OutboxRequests::leadDetail(leadId), [this, row](const ApiResult &result) {
        if (!result) {
            onError(row, result.error(), false);
            return;
        }
        auto lead = LeadCodec::leadFromJson(result->value(QStringLiteral("lead")).toObject());
        if (!lead) {
            transientFailure(row, lead.error().message, false);
            return;
        }
        onCurrentCopy(row, *lead);
    });
}

void OutboxReplayer::onCurrentCopy(const OutboxRow &row, const Lead &theirs)
{
    const auto keepTheirs = [this, theirs] {
        return m_store->saveServerLead(theirs);
    };
    if (row.op == OutboxRow::Op::SetStatus) {
        const QString base = row.base.value(QStringLiteral("status")).toString();
        const QString mine = row.payload.value(QStringLiteral("status")).toString();
        const QString now = theirs.status.toString();
        if (now == mine) {
            settle(row, {}, keepTheirs); // the service already says so
        } else if (now != base) {
            setState(row, OutboxRow::State::Conflict,
                     tr("The status was changed on the service too (%1 → %2).").arg(base, now),
                     {{QStringLiteral("status"), threeValues(base, now, mine)}});
        } else {
            send(row);
        }
        return;
    }
    const QString tag = row.payload.value(QStringLiteral("tag")).toString();
    const bool add = row.op == OutboxRow::Op::TagAdd;
    const QStringList base = tagsFrom(row.base.value(QStringLiteral("tags")));
    if (theirs.tags.contains(tag) == add) {
        settle(row, {}, keepTheirs);
    } else if (tagSet(theirs.tags) != tagSet(base)) {
        QStringList mine = theirs.tags;
        mine.removeAll(tag);
        if (add)
            mine << tag;
        setState(row, OutboxRow::State::Conflict, tr("The tags were changed on the service too."),
                 {{QStringLiteral("tags"),
                   threeValues(QJsonArray::fromStringList(base), QJsonArray::fromStringList(theirs.tags),
                               QJsonArray::fromStringList(mine))}});
    } else {
        send(row);
    }
}

void OutboxReplayer::compareBulk(const OutboxRow &row, int next, QHash<qint64, Lead> theirs)
{
    if (next >= row.leadIds.size()) {
        onBulkCompared(row, BulkComparison::of(row, theirs));
        return;
    }
    const qint64 id = row.leadIds.at(next);
    request(OutboxRequests::leadDetail(id),
            [this, row, next, theirs = std::move(theirs)](const ApiResult &result) mutable {
                if (!result && result.error().kind != ApiError::Kind::NotFound) {
                    onError(row, result.error(), false);
                    return;
                }
                if (result) {
                    auto lead = LeadCodec::leadFromJson(result->value(QStringLiteral("lead")).toObject());
                    if (!lead) {
                        transientFailure(row, lead.error().message, false);
                        return;
                    }
                    theirs.insert(lead->id, *lead);
                }
                compareBulk(row, next + 1, std::move(theirs));
            });
}

void OutboxReplayer::onBulkCompared(const OutboxRow &row, const BulkComparison &compared)
{
    if (!compared.sendable.isEmpty()) {
        // The leads in conflict wait; the others go now, as a part of the row.
        if (!check(m_store->markSendingPart(row.id, compared.sendable)))
            return;
        OutboxRow part = row;
        part.state = OutboxRow::State::Sending;
        part.attempts++;
        part.payload.insert(QStringLiteral("send_ids"), idsArray(compared.sendable));
        send(part);
        return;
    }
    if (compared.conflicting.isEmpty()) {
        settle(row, {}, {}); // every lead already is as asked
        return;
    }
    if (!check(m_store->markBulkConflict(
            row.id, compared.conflicting,
            tr("%n lead(s) were changed on the service too.", nullptr, int(compared.conflicting.size())),
            compared.conflict)))
        return;
    m_stats.conflicts++;
    m_transientInRow = 0;
    emit leadsChanged(row.leadIds);
    publishCounts();
    next();
}

void OutboxReplayer::onPartArrived(const OutboxRow &row, const QJsonObject &answer)
{
    QList<qint64> remaining = row.leadIds;
    for (qint64 id : BulkComparison::sendIds(row))
        remaining.removeAll(id);
    if (remaining.isEmpty()) {
        settle(row, answer, {});
        return;
    }
    // What is left is compared again: a conflict, or already as asked.
    if (!check(m_store->partSent(row.id, remaining)))
        return;
    m_transientInRow = 0;
    emit leadsChanged(row.leadIds);
    next();
}

std::optional<qint64> OutboxReplayer::witnessLead(const OutboxRow &row)
{
    // A lead the change visibly moves: its copy on the server tells whether
    // the bulk request arrived.
    const bool stage = row.op == OutboxRow::Op::BulkStage;
    const QString status = row.payload.value(QStringLiteral("status")).toString();
    const QString tag = row.payload.value(QStringLiteral("tag")).toString();
    const bool add = row.payload.value(QStringLiteral("action")).toString() == QLatin1StringView("add");
    for (qint64 id : BulkComparison::sendIds(row)) {
        const QString key = QString::number(id);
        if (stage ? row.base.value(QStringLiteral("statuses")).toObject().value(key).toString() != status
                  : tagsFrom(row.base.value(QStringLiteral("tags")).toObject().value(key)).contains(tag) != add)
            return id;
    }
    return std::nullopt;
}

void OutboxReplayer::verifyBulk(const OutboxRow &row)
{
    const std::optional<qint64> witness = witnessLead(row);
    if (!witness) {
        onPartArrived(row, {}); // every lead already was as asked
        return;
    }
    request(OutboxRequests::leadDetail(*witness), [this, row](const ApiResult &result) {
        if (!result) {
            onError(row, result.error(), false);
            return;
        }
        auto lead = LeadCodec::leadFromJson(result->value(QStringLiteral("lead")).toObject());
        if (!lead) {
            transientFailure(row, lead.error().message, true);
            return;
        }
        const bool arrived =
            row.op == OutboxRow::Op::BulkStage
                ? lead->status.toString() == row.payload.value(QStringLiteral("status")).toString()
                : lead->tags.contains(row.payload.value(QStringLiteral("tag")).toString()) ==
                      (row.payload.value(QStringLiteral("action")).toString() == QLatin1StringView("add"));
        if (arrived)
            onPartArrived(row, {});
        else
            send(row);
    });
}

// ---- Ops that act again when repeated ----

void OutboxReplayer::countMatches(const OutboxRow &row, MatchesDone done)
{
    const bool campaign = row.op == OutboxRow::Op::CampaignCreate;
    request(OutboxRequests::probe(row), [this, row, campaign, done = std::move(done)](const ApiResult &result) {
        if (!result) {
            // The plan may not list campaigns: then nothing can be counted.
            if (campaign && result.error().kind == ApiError::Kind::Forbidden) {
                done(std::nullopt, {});
                return;
            }
            onError(row, result.error(), false);
            return;
        }
        const OutboxRequests::Matches found = OutboxRequests::matchesIn(row, *result);
        if (found.unreadable) {
            transientFailure(row, tr("The service's answer could not be read."), false);
            return;
        }
        done(found.count, found.last);
    });
}

void OutboxReplayer::probeAndSend(const OutboxRow &row)
{
    countMatches(row, [this, row](std::optional<int> count, const QJsonObject &) {
        // The probe is saved with the state: a crash after this line is
        // settled by counting again, never by sending blindly.
        if (!check(m_store->markSending(row.id, count)))
            return;
        OutboxRow sending = row;
        sending.state = OutboxRow::State::Sending;
        sending.probe = count;
        sending.attempts++;
        send(sending);
    });
}

void OutboxReplayer::verify(const OutboxRow &row)
{
    if (row.op == OutboxRow::Op::CampaignSend) {
        request(ApiRequest::get(QStringLiteral("/campaigns"), {}, RequestPriority::Outbox),
                [this, row](const ApiResult &result) {
                    if (!result) {
                        if (result.error().kind == ApiError::Kind::Forbidden)
                            setState(row, OutboxRow::State::NeedsReview,
                                     tr("The send may have reached the service and this plan cannot tell."));
                        else
                            onError(row, result.error(), false);
                        return;
                    }
                    const qint64 id = campaignIdOf(row);
                    for (const QJsonValue &c : result->value(QStringLiteral("campaigns")).toArray()) {
                        const QJsonObject campaign = c.toObject();
                        if (campaign.value(QStringLiteral("id")).toInteger() != id)
                            continue;
                        if (campaign.value(QStringLiteral("status")).toString() == QLatin1StringView("draft"))
                            send(row);
                        else
                            settle(row, campaign, campaignSent(row, std::nullopt));
                        return;
                    }
                    setState(row, OutboxRow::State::NeedsReview, tr("The campaign is not listed by the service."));
                });
        return;
    }
    countMatches(row, [this, row](std::optional<int> count, const QJsonObject &lastMatch) {
        if (!count || !row.probe) {
            setState(row, OutboxRow::State::NeedsReview,
                     tr("It may have reached the service, and the service's answer cannot tell: send again, or "
                        "mark it as arrived."));
            return;
        }
        onVerified(row, *count, lastMatch);
    });
}

void OutboxReplayer::onVerified(const OutboxRow &row, int count, const QJsonObject &lastMatch)
{
    if (count > *row.probe) {
        qCInfo(lcSync) << "outbox row" << row.id << "had arrived; not sent again";
        // A campaign that arrived is the newest one like it: its id is what a later send needs.
        if (row.op == OutboxRow::Op::CampaignCreate)
            settle(row, lastMatch, campaignCreated(row, lastMatch));
        else
            settle(row, {}, [this, row] { return m_store->replaceLocalItem(row, row.leadIds.value(0), {}); });
    } else if (count == *row.probe) {
        if (!check(m_store->markSending(row.id, row.probe)))
            return;
        OutboxRow again = row;
        again.attempts++;
        send(again);
    } else {
        setState(row, OutboxRow::State::NeedsReview,
                 tr("The lead changed on the service since the first send: send again, or mark it as arrived."));
    }
}

// ---- Sending ----

void OutboxReplayer::send(const OutboxRow &row)
{
    std::optional<ApiRequest> r = OutboxRequests::send(row, campaignIdOf(row));
    if (!r) {
        setState(row, OutboxRow::State::Failed, tr("The campaign to send was never created."));
        return;
    }
    // A campaign send is checked against the service's campaign after an
    // ambiguous end (or a crash), never repeated blindly.
    const bool campaignSend = row.op == OutboxRow::Op::CampaignSend;
    if ((!row.repeatsAct() || campaignSend) && !check(m_store->markSending(row.id, std::nullopt)))
        return;
    OutboxRow sent = row;
    if (campaignSend) {
        sent.state = OutboxRow::State::Sending;
        sent.attempts++;
    }
    request(std::move(*r), [this, sent](const ApiResult &result) { onSent(sent, result); });
}

void OutboxReplayer::onSent(const OutboxRow &row, const ApiResult &result)
{
    if (!result) {
        const ApiError &error = result.error();
        // A 200 whose body was cut may well have acted.
        onError(row, error, error.ambiguous || error.kind == ApiError::Kind::BadResponse);
        return;
    }
    const QJsonObject answer = *result;
    const qint64 lead = row.leadIds.value(0);
    switch (row.op) {
    case OutboxRow::Op::SetStatus: {
        auto copy = LeadCodec::leadFromJson(answer.value(QStringLiteral("lead")).toObject());
        settle(row, {}, [this, copy] { return copy ? m_store->saveServerLead(*copy) : Result<void>(); });
        return;
    }
    case OutboxRow::Op::Note:
    case OutboxRow::Op::Reply:
    case OutboxRow::Op::Appointment: {
        const QJsonObject item = OutboxRequests::createdItem(row, answer);
        settle(row, {}, [this, row, lead, item] { return m_store->replaceLocalItem(row, lead, item); });
        return;
    }
    case OutboxRow::Op::CampaignCreate: {
        const QJsonObject campaign = answer.value(QStringLiteral("campaign")).toObject();
        settle(row, campaign, campaignCreated(row, campaign));
        return;
    }
    case OutboxRow::Op::CampaignSend: {
        const QJsonValue queued = answer.value(QStringLiteral("queued"));
        settle(row, answer,
               campaignSent(row, queued.isDouble() ? std::optional<qint64>(queued.toInteger()) : std::nullopt));
        return;
    }
    case OutboxRow::Op::BulkStage:
    case OutboxRow::Op::BulkTag:
        onPartArrived(row, answer);
        return;
    default:
        settle(row, answer, {});
        return;
    }
}

void OutboxReplayer::onError(const OutboxRow &row, const ApiError &error, bool mayHaveActed)
{
    switch (error.kind) {
    case ApiError::Kind::Unauthorized:
        // Nothing was done; a row that may have arrived earlier stays marked so.
        if (row.state != OutboxRow::State::Sending)
            check(m_store->markPending(row.id, error.message));
        end(Outcome::AuthNeeded, error.message);
        return;
    case ApiError::Kind::Cancelled:
        end(Outcome::Cancelled, tr("Sending the outbox was cancelled."));
        return;
    case ApiError::Kind::Forbidden:
        setState(row, OutboxRow::State::NotAllowed, error.message);
        return;
    case ApiError::Kind::Conflict:
        // A campaign that answers "already sent" after an earlier attempt was ours.
        if (row.op == OutboxRow::Op::CampaignSend && row.attempts > 1) {
            settle(row, {}, campaignSent(row, std::nullopt));
            return;
        }
        setState(row, OutboxRow::State::Conflict, error.message,
                 {{QStringLiteral("service"), QJsonObject{{QStringLiteral("theirs"), error.message}}}});
        return;
    case ApiError::Kind::BadRequest:
    case ApiError::Kind::NotFound:
    case ApiError::Kind::Http:
        setState(row, OutboxRow::State::Failed, error.message);
        return;
    default:
        transientFailure(row, error.message, mayHaveActed);
        return;
    }
}

void OutboxReplayer::transientFailure(const OutboxRow &row, const QString &message, bool verifyFirst)
{
    m_stats.transientFailures++;
    // Rows that may have arrived stay "sending": the next look counts first.
    verifyFirst = verifyFirst || row.state == OutboxRow::State::Sending;
    if (!verifyFirst && !check(m_store->markPending(row.id, message)))
        return;
    if (verifyFirst && !check(m_store->markState(row.id, OutboxRow::State::Sending, message)))
        return;
    if (++m_transientInRow >= m_maxTransient) {
        m_skip.insert(row.id);
        m_transientInRow = 0;
    }
    m_retryTimer.start(int(m_backoff.delayMs(std::min(m_transientInRow, 6))));
}

void OutboxReplayer::settle(const OutboxRow &row, const QJsonObject &result, std::function<Result<void>()> cacheWrite)
{
    if (!check(m_store->markDone(row.id, result, cacheWrite)))
        return;
    m_stats.done++;
    m_transientInRow = 0;
    emit leadsChanged(row.leadIds);
    publishCounts();
    next();
}

void OutboxReplayer::setState(const OutboxRow &row, OutboxRow::State state, const QString &error,
                              const QJsonObject &conflict)
{
    if (!check(m_store->markState(row.id, state, error, conflict)))
        return;
    if (state == OutboxRow::State::Conflict)
        m_stats.conflicts++;
    m_transientInRow = 0;
    emit leadsChanged(row.leadIds);
    publishCounts();
    next();
}

// ---- Campaigns ----

qint64 OutboxReplayer::campaignIdOf(const OutboxRow &row)
{
    qint64 id = row.payload.value(QStringLiteral("campaign_id")).toInteger();
    if (id > 0)
        return id;
    auto create = m_store->row(row.payload.value(QStringLiteral("create_row")).toInteger());
    if (create && *create && (*create)->state == OutboxRow::State::Done)
        id = (*create)->result.value(QStringLiteral("id")).toInteger();
    return id;
}

std::function<Result<void>()> OutboxReplayer::campaignCreated(const OutboxRow &row, const QJsonObject &campaign)
{
    const qint64 id = campaign.value(QStringLiteral("id")).toInteger();
    return [this, key = row.idempotencyKey, id]() -> Result<void> {
        // Without an id there is nothing to note: the send row then fails visibly.
        if (id <= 0)
            return {};
        return CampaignStore(*m_db).noteCreated(key, id);
    };
}

std::function<Result<void>()> OutboxReplayer::campaignSent(const OutboxRow &row, std::optional<qint64> queued)
{
    return [this, key = row.idempotencyKey, queued] {
        return CampaignStore(*m_db).noteSent(key, queued, QDateTime::currentDateTimeUtc());
    };
}

void OutboxReplayer::request(ApiRequest r, std::function<void(const ApiResult &)> done)
{
    m_stats.requests++;
    auto ticket = std::make_shared<quint64>(0);
    *ticket = m_api->send(std::move(r), this, [this, ticket, done = std::move(done)](const ApiResult &result) {
        m_tickets.remove(*ticket);
        if (!m_running)
            return;
        done(result);
    });
    m_tickets.insert(*ticket);
}

bool OutboxReplayer::check(const Result<void> &written)
{
    if (written)
        return true;
    end(Outcome::Failed, written.error().message);
    return false;
}

void OutboxReplayer::publishCounts()
{
    auto counts = m_store->counts();
    if (counts)
        emit countsChanged(counts->pending, counts->conflicts, counts->needsReview, counts->failed);
}

void OutboxReplayer::end(Outcome outcome, const QString &message)
{
    if (!m_running)
        return;
    m_running = false;
    m_retryTimer.stop();
    if (m_lock) {
        m_lock->unlock();
        m_lock.reset();
    }
    if (m_store)
        publishCounts();
    qCInfo(lcSync) << "outbox replay ended:" << outcome << message;
    emit finished(outcome, message);
}

} // namespace outpost
