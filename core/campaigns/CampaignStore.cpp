#include "campaigns/CampaignStore.h"

#include "domain/JsonReader.h"
#include "storage/Database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace outpost {

namespace {

// A queued send shows where its outbox rows are: the create row while it is
// not done (the send waits behind it), else the send row.
const QString kColumns =
    QStringLiteral("c.local_id, c.server_id, c.origin, c.name, c.filters, c.message, c.status, c.created_at, "
                   "c.sent_at, c.queued, c.create_key, c.send_key, c.stats, c.stats_at, c.last_error, "
                   "CASE WHEN oc.state IS NOT NULL AND oc.state != 'done' THEN oc.state ELSE o.state END, "
                   "CASE WHEN oc.state IS NOT NULL AND oc.state != 'done' THEN oc.last_error ELSE o.last_error END");
const QString kFrom = QStringLiteral(" FROM campaigns c LEFT JOIN outbox o ON o.idempotency_key = c.send_key "
                                     "LEFT JOIN outbox oc ON oc.idempotency_key = c.create_key ");

QVariant msecs(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

QDateTime fromMsecs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject objectOf(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

Result<QSqlQuery> run(Database &db, const QString &sql, const QVariantList &values, const char *what)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return makeError(QStringLiteral("cannot %1: %2").arg(QLatin1StringView(what), q.lastError().text()));
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    auto r = Database::exec(q, what);
    if (!r)
        return r.error();
    return q;
}

Campaign fromRow(const QSqlQuery &q)
{
    Campaign c;
    c.localId = q.value(0).toLongLong();
    c.serverId = q.value(1).toLongLong();
    c.origin =
        q.value(2).toString() == QLatin1StringView("server") ? Campaign::Origin::Server : Campaign::Origin::Local;
    c.name = q.value(3).toString();
    c.filters = objectOf(q.value(4));
    c.message = q.value(5).toString();
    c.status = q.value(6).toString();
    c.createdAt = fromMsecs(q.value(7));
    c.sentAt = fromMsecs(q.value(8));
    if (!q.value(9).isNull())
        c.queued = q.value(9).toLongLong();
    c.createKey = q.value(10).toString();
    c.sendKey = q.value(11).toString();
    if (!q.value(12).isNull())
        c.stats = CampaignStats::fromJson(objectOf(q.value(12)));
    c.statsAt = fromMsecs(q.value(13));
    c.lastError = q.value(14).toString();
    c.outboxState = q.value(15).toString();
    c.outboxError = q.value(16).toString();
    return c;
}

} // namespace

CampaignStore::CampaignStore(Database &db)
    : m_db(db)
{}

Result<QList<Campaign>> CampaignStore::select(const QString &where, const QVariantList &values)
{
    auto q = run(m_db, QStringLiteral("SELECT ") + kColumns + kFrom + where, values, "read campaigns");
    if (!q)
        return q.error();
    QList<Campaign> list;
    while (q->next())
        list.append(fromRow(*q));
    return list;
}

Result<Campaign> CampaignStore::createDraft(const QString &name, const QJsonObject &filters, const QString &message,
                                            const QDateTime &now)
{
    auto q = run(m_db,
                 QStringLiteral("INSERT INTO campaigns (origin, name, filters, message, status, created_at) "
                                "VALUES ('local', ?, ?, ?, 'draft', ?)"),
                 {name, compact(filters), message, now.toMSecsSinceEpoch()}, "save a campaign");
    if (!q)
        return q.error();
    auto made = find(q->lastInsertId().toLongLong());
    if (!made)
        return made.error();
    if (!made->has_value())
        return makeError(QStringLiteral("the new campaign could not be read back"));
    return **made;
}

Result<std::optional<Campaign>> CampaignStore::find(qint64 localId)
{
    auto list = select(QStringLiteral("WHERE c.local_id = ?"), {localId});
    if (!list)
        return list.error();
    return list->isEmpty() ? std::optional<Campaign>() : std::optional<Campaign>(list->first());
}

Result<std::optional<Campaign>> CampaignStore::findByServerId(qint64 serverId)
{
    auto list = select(QStringLiteral("WHERE c.server_id = ?"), {serverId});
    if (!list)
        return list.error();
    return list->isEmpty() ? std::optional<Campaign>() : std::optional<Campaign>(list->first());
}

Result<QList<Campaign>> CampaignStore::list()
{
    return select(QStringLiteral("ORDER BY c.created_at DESC, c.local_id DESC"), {});
}

Result<void> CampaignStore::update(const QString &assignments, const QVariantList &values, qint64 localId)
{
    QVariantList all = values;
    all << localId;
    auto q = run(m_db, QStringLiteral("UPDATE campaigns SET ") + assignments + QStringLiteral(" WHERE local_id = ?"),
                 all, "update a campaign");
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return makeError(QStringLiteral("no campaign #%1 in the cache").arg(localId));
    return {};
}

Result<void> CampaignStore::requestSend(qint64 localId, const QString &createKey, const QString &sendKey)
{
    return update(QStringLiteral("create_key = ?, send_key = ?, status = 'queued', last_error = NULL"),
                  {createKey, sendKey}, localId);
}

Result<void> CampaignStore::setServerId(qint64 localId, qint64 serverId)
{
    return update(QStringLiteral("server_id = ?"), {serverId}, localId);
}

Result<void> CampaignStore::confirmSend(qint64 localId, qint64 queued, const QDateTime &sentAt)
{
    return update(QStringLiteral("status = 'sending', queued = ?, sent_at = ?, last_error = NULL"),
                  {queued, msecs(sentAt)}, localId);
}

Result<void> CampaignStore::refuseSend(qint64 localId, const QString &error)
{
    return update(QStringLiteral("status = 'draft', send_key = NULL, last_error = ?"), {error}, localId);
}

Result<void> CampaignStore::setError(qint64 localId, const QString &error)
{
    return update(QStringLiteral("last_error = ?"), {error}, localId);
}

Result<void> CampaignStore::setStats(qint64 localId, const CampaignStats &stats, const QString &status,
                                     const QDateTime &at)
{
    return update(QStringLiteral("stats = ?, stats_at = ?, status = ?"), {compact(stats.toJson()), msecs(at), status},
                  localId);
}

Result<void> CampaignStore::noteCreated(const QString &createKey, qint64 serverId)
{
    auto q = run(m_db, QStringLiteral("UPDATE campaigns SET server_id = ? WHERE create_key = ?"), {serverId, createKey},
                 "note a created campaign");
    if (!q)
        return q.error();
    return {};
}

Result<void> CampaignStore::noteSent(const QString &sendKey, std::optional<qint64> queued, const QDateTime &sentAt)
{
    // A send settled by looking at the service may not say how many it queued.
    auto q = run(m_db,
                 QStringLiteral("UPDATE campaigns SET status = CASE WHEN status = 'sent' THEN 'sent' ELSE 'sending' "
                                "END, queued = coalesce(?, queued), sent_at = coalesce(sent_at, ?), last_error = NULL "
                                "WHERE send_key = ?"),
                 {queued ? QVariant(*queued) : QVariant(), msecs(sentAt), sendKey}, "note a sent campaign");
    if (!q)
        return q.error();
    return {};
}

Result<int> CampaignStore::mergeServerList(const QJsonArray &campaigns)
{
    int merged = 0;
    for (const QJsonValue &value : campaigns) {
        const QJsonObject o = value.toObject();
        const qint64 id = o.value(QStringLiteral("id")).toInteger();
        if (id <= 0)
            continue;
        const QString status = o.value(QStringLiteral("status")).toString(QStringLiteral("draft"));
        const QDateTime created = JsonReader::parseTime(o.value(QStringLiteral("created_at")).toString());
        const QDateTime sent = JsonReader::parseTime(o.value(QStringLiteral("sent_at")).toString());
        auto known = findByServerId(id);
        if (!known)
            return known.error();
        Result<QSqlQuery> q = makeError(QString());
        if (known->has_value()) {
            q = run(m_db,
                    // A send still in the outbox stays "queued" while the service says draft.
                    QStringLiteral("UPDATE campaigns SET status = CASE WHEN status = 'queued' AND ? = 'draft' THEN "
                                   "'queued' ELSE ? END, sent_at = coalesce(?, sent_at) WHERE server_id = ?"),
                    {status, status, msecs(sent), id}, "update a campaign");
        } else {
            q = run(
                m_db,
                QStringLiteral("INSERT INTO campaigns (server_id, origin, name, filters, message, status, "
                               "created_at, sent_at) VALUES (?, 'server', ?, ?, ?, ?, ?, ?)"),
                {id, o.value(QStringLiteral("name")).toString(), compact(o.value(QStringLiteral("filters")).toObject()),
                 o.value(QStringLiteral("message")).toString(), status,
                 created.isValid() ? created.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch(), msecs(sent)},
                "save a campaign");
        }
        if (!q)
            return q.error();
        ++merged;
    }
    return merged;
}

} // namespace outpost
