#include "analytics/DashboardFigures.h"

#include "analytics/LocalAnalytics.h"
#include "domain/JsonReader.h"
#include "storage/Database.h"
#include "sync/SyncStore.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QVariant>

namespace outpost {

namespace {

QString sourceName(DashboardFigures::Source s)
{
    return s == DashboardFigures::Source::Server ? QStringLiteral("server") : QStringLiteral("local");
}

QJsonObject partJson(const DashboardFigures::Part &p)
{
    QJsonObject o = p.body;
    o.insert(QStringLiteral("source"), sourceName(p.source));
    o.insert(QStringLiteral("as_of"),
             p.asOf.isValid() ? QJsonValue(JsonReader::formatTime(p.asOf)) : QJsonValue(QJsonValue::Null));
    if (!p.note.isEmpty())
        o.insert(QStringLiteral("note"), p.note);
    return o;
}

QString csvField(const QString &text)
{
    QString t = text;
    // A leading =, +, - or @ would be a formula in a spreadsheet.
    if (!t.isEmpty() && QStringLiteral("=+-@").contains(t.front()) &&
        !(t.front() == QLatin1Char('-') && t.size() > 1 && t.at(1).isDigit()))
        t.prepend(QLatin1Char('\''));
    if (t.contains(QLatin1Char(',')) || t.contains(QLatin1Char('"')) || t.contains(QLatin1Char('\n')) ||
        t.contains(QLatin1Char('\r')))
        return QLatin1Char('"') + t.replace(QStringLiteral("\""), QStringLiteral("\"\"")) + QLatin1Char('"');
    return t;
}

QString valueText(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 12);
    if (v.isNull() || v.isUndefined())
        return {};
    return v.toVariant().toString();
}

} // namespace

QDateTime DashboardFigures::cacheAsOf(Database &db)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(QStringLiteral("sync.last_sync_at"));
    if (!q.exec() || !q.next())
        return {};
    const QVariant v = q.value(0);
    bool number = false;
    const qint64 ms = v.toLongLong(&number);
    return number ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : JsonReader::parseTime(v.toString());
}

Result<DashboardFigures> DashboardFigures::computeLocal(Database &db, int days, const QDateTime &asOf)
{
    LocalAnalytics local(db);
    auto overview = local.overview();
    if (!overview)
        return overview.error();
    auto funnel = local.funnel();
    if (!funnel)
        return funnel.error();
    auto sla = local.sla(days);
    if (!sla)
        return sla.error();
    DashboardFigures f;
    f.days = days;
    f.overview = {*overview, Source::Local, asOf, {}};
    f.funnel = {*funnel, Source::Local, asOf, {}};
    f.sla = {*sla, Source::Local, asOf, {}};
    return f;
}

Result<DashboardFigures> DashboardFigures::fromCache(Database &db, int days)
{
    auto figures = computeLocal(db, days, cacheAsOf(db));
    if (!figures)
        return figures;
    SyncStore store(db);
    for (const auto &[name, part] :
         {std::pair{"overview", &DashboardFigures::overview}, std::pair{"funnel", &DashboardFigures::funnel},
          std::pair{"sla", &DashboardFigures::sla}}) {
        Part &p = (*figures).*part;
        const QString snapshotName = QLatin1StringView(name);
        auto unavailable = store.value(QStringLiteral("feature.") + snapshotName);
        if (unavailable && !unavailable->isEmpty()) {
            p.note = unavailable.value();
            continue;
        }
        auto snapshot = store.snapshot(snapshotName);
        if (!snapshot || !snapshot->has_value())
            continue;
        QJsonObject body = (*snapshot)->body;
        body.remove(QStringLiteral("ok"));
        // Sync stores the SLA of its own period (30 days unless the answer says).
        if (part == &DashboardFigures::sla && body.value(QStringLiteral("days")).toInt(30) != days)
            continue;
        p = {body, Source::Server, (*snapshot)->fetchedAt, {}};
    }
    return figures;
}

QJsonObject DashboardFigures::toJson() const
{
    return {{QStringLiteral("days"), days},
            {QStringLiteral("overview"), partJson(overview)},
            {QStringLiteral("funnel"), partJson(funnel)},
            {QStringLiteral("sla"), partJson(sla)}};
}

QString DashboardFigures::toCsv() const
{
    QStringList lines{QStringLiteral("section,figure,value,source,as_of")};
    auto row = [&lines](const QString &section, const QString &figure, const QJsonValue &value, const Part &part) {
        lines << QStringList{csvField(section), csvField(figure), csvField(valueText(value)), sourceName(part.source),
                             part.asOf.isValid() ? JsonReader::formatTime(part.asOf) : QString()}
                     .join(QLatin1Char(','));
    };
    for (const char *key : {"total_leads", "conversion_rate", "escalation_rate", "bot_resolution_pct", "avg_rating"})
        row(QStringLiteral("overview"), QLatin1StringView(key), overview.body.value(QLatin1StringView(key)), overview);
    for (const QJsonValue &stage : funnel.body.value(QStringLiteral("funnel")).toArray())
        row(QStringLiteral("funnel"), stage[QStringLiteral("status")].toString(), stage[QStringLiteral("count")],
            funnel);
    const QString period = QStringLiteral("sla_%1d").arg(days);
    for (const char *block : {"first_response", "resolution", "queue"}) {
        const QJsonObject o = sla.body.value(QLatin1StringView(block)).toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            row(period, QLatin1StringView(block) + QLatin1Char('.') + it.key(), it.value(), sla);
    }
    for (const QJsonValue &a : sla.body.value(QStringLiteral("agents")).toArray()) {
        const QString agent = a[QStringLiteral("agent")].toString();
        for (const char *key : {"total", "resolved", "resolution_rate"})
            row(period, QStringLiteral("agent.") + agent + QLatin1Char('.') + QLatin1StringView(key),
                a[QLatin1StringView(key)], sla);
    }
    return lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n");
}

} // namespace outpost
