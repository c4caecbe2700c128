#include "SimCampaigns.h"

#include "SimBody.h"
#include "SimLeadRow.h"
#include "domain/JsonReader.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <cmath>

namespace outpost::sim {

namespace {

const QString campaignColumns = QStringLiteral("id, name, filters, message, status, created_at, sent_at, queued");

QJsonValue timeOrNull(const QVariant &ms)
{
    const QDateTime t = SimLeadRow::timeFromMs(ms);
    return t.isValid() ? QJsonValue(JsonReader::formatTime(t)) : QJsonValue(QJsonValue::Null);
}

qint64 share(qint64 total, double fraction)
{
    return static_cast<qint64>(std::floor(static_cast<double>(total) * fraction));
}

} // namespace

SimWhere SimCampaigns::where(const QJsonObject &filters, QString *error)
{
    SimWhere w;
    static const QStringList columns = {QStringLiteral("status"), QStringLiteral("channel"), QStringLiteral("source"),
                                        QStringLiteral("assigned_agent")};
    for (auto it = filters.begin(); it != filters.end(); ++it) {
        const QString name = it.key();
        if (it.value().isNull())
            continue;
        if (!it.value().isString()) {
            *error = QStringLiteral("filters.%1 must be a string").arg(name);
            return w;
        }
        const QString value = it.value().toString();
        if (columns.contains(name)) {
            w.add(name + QStringLiteral(" = ?"), {value});
        } else if (name == QLatin1StringView("tag")) {
            w.add(QStringLiteral("tags LIKE ? ESCAPE '\\'"),
                  {QString(QStringLiteral("%,") + SimWhere::escapeLike(value) + QStringLiteral(",%"))});
        } else if (name == QLatin1StringView("created_after") || name == QLatin1StringView("created_before") ||
                   name == QLatin1StringView("last_message_before")) {
            const auto ms = SimBody::parseTimeMs(value);
            if (!ms) {
                *error = QStringLiteral("filters.%1 must be an ISO 8601 time").arg(name);
                return w;
            }
            if (name == QLatin1StringView("created_after"))
                w.add(QStringLiteral("created_at >= ?"), {*ms});
            else if (name == QLatin1StringView("created_before"))
                w.add(QStringLiteral("created_at < ?"), {*ms});
            else
                w.add(QStringLiteral("last_message_at < ?"), {*ms});
        } else {
            *error = QStringLiteral("unknown filter \"%1\"; known: status, channel, tag, source, assigned_agent, "
                                    "created_after, created_before, last_message_before")
                         .arg(name.left(64));
            return w;
        }
    }
    return w;
}

SimCampaigns::Stats SimCampaigns::stats(qint64 queued, double t)
{
    Stats s;
    s.sent = queued;
    s.failed = t >= 2 ? share(queued, 0.04) : 0;
    const qint64 good = queued - share(queued, 0.04);
    s.delivered = share(good, std::min(1.0, t / 10.0));
    s.read = std::min(s.delivered, share(good, 0.7 * std::min(1.0, t / 60.0)));
    s.replied = std::min(s.read, share(good, 0.12 * std::min(1.0, t / 300.0)));
    s.finished = t >= 10;
    return s;
}

qint64 SimCampaigns::create(const QString &name, const QJsonObject &filters, const QString &message, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO campaigns(name, filters, message, status, created_at) "
                             "VALUES (?, ?, ?, 'draft', ?)"));
    q.addBindValue(name);
    q.addBindValue(QString::fromUtf8(QJsonDocument(filters).toJson(QJsonDocument::Compact)));
    q.addBindValue(message);
    q.addBindValue(nowMs);
    return q.exec() ? q.lastInsertId().toLongLong() : 0;
}

QJsonObject SimCampaigns::fromQuery(const QSqlQuery &q, qint64 nowMs, double timeScale) const
{
    QString status = q.value(4).toString();
    const qint64 queued = q.value(7).toLongLong();
    QJsonObject o{{QStringLiteral("id"), q.value(0).toLongLong()},
                  {QStringLiteral("name"), q.value(1).toString()},
                  {QStringLiteral("filters"), QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object()},
                  {QStringLiteral("message"), q.value(3).toString()},
                  {QStringLiteral("created_at"), timeOrNull(q.value(5))},
                  {QStringLiteral("sent_at"), timeOrNull(q.value(6))},
                  {QStringLiteral("queued"), queued}};
    if (!q.value(6).isNull()) {
        const double t = static_cast<double>(nowMs - q.value(6).toLongLong()) / 1000.0 / timeScale;
        const Stats s = stats(queued, t);
        status = s.finished ? QStringLiteral("sent") : QStringLiteral("sending");
        o.insert(QStringLiteral("stats"), QJsonObject{{QStringLiteral("sent"), s.sent},
                                                      {QStringLiteral("delivered"), s.delivered},
                                                      {QStringLiteral("read"), s.read},
                                                      {QStringLiteral("replied"), s.replied},
                                                      {QStringLiteral("failed"), s.failed}});
    }
    o.insert(QStringLiteral("status"), status);
    return o;
}

std::optional<QJsonObject> SimCampaigns::find(qint64 id, qint64 nowMs, double timeScale) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + campaignColumns + QStringLiteral(" FROM campaigns WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return fromQuery(q, nowMs, timeScale);
}

QList<QJsonObject> SimCampaigns::list(qint64 nowMs, double timeScale) const
{
    QSqlQuery q(m_db);
    QList<QJsonObject> list;
    if (q.exec(QStringLiteral("SELECT ") + campaignColumns + QStringLiteral(" FROM campaigns ORDER BY id"))) {
        while (q.next())
            list.append(fromQuery(q, nowMs, timeScale));
    }
    return list;
}

void SimCampaigns::markSent(qint64 id, qint64 queued, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE campaigns SET status = 'sending', sent_at = ?, queued = ? WHERE id = ?"));
    q.addBindValue(nowMs);
    q.addBindValue(queued);
    q.addBindValue(id);
    q.exec();
}

} // namespace outpost::sim
