// Analytics benchmark: fills a cache with N generated leads and measures the
// campaign builder's local audience preview (the first 50 by id + the count
// capped at the 500-message limit, as the builder runs it; the exact count
// beside it) for a table of filter combinations, and the dashboard's local SLA
// over 7, 30 and 90 days, each beside the same SQL run by the sqlite3 shell on
// the same file (and the SLA beside the full scans it replaced).
// Prints JSON lines; --reuse keeps a filled file between runs.
#include "LeadGenerator.h"
#include "analytics/LocalAnalytics.h"
#include "campaigns/AudienceQuery.h"
#include "storage/Database.h"
#include "storage/LeadSql.h"
#include "storage/LeadStore.h"
#include "storage/SlaBuckets.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace outpost;

namespace {

void printLine(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto index = static_cast<qsizetype>(std::ceil(p * static_cast<double>(v.size()))) - 1;
    return v.at(std::clamp<qsizetype>(index, 0, v.size() - 1));
}

double round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

QString sqlLiteral(const QVariant &v)
{
    if (v.typeId() == QMetaType::QString) {
        QString s = v.toString();
        s.replace(QLatin1Char('\''), QStringLiteral("''"));
        return QLatin1Char('\'') + s + QLatin1Char('\'');
    }
    return v.toString();
}

QString inlined(const LeadSql::Statement &st)
{
    QString sql;
    qsizetype value = 0;
    for (const QChar c : st.sql) {
        if (c == QLatin1Char('?') && value < st.values.size())
            sql += sqlLiteral(st.values.at(value++));
        else
            sql += c;
    }
    return sql;
}

QString inlined(const AudienceQuery::Statement &st)
{
    return inlined(LeadSql::Statement{st.sql, st.values});
}

// The shell's CPU time (user + sys) per group of `perRun` statements: its wall
// clock prints whole milliseconds only.
QList<double> sqlite3Floor(const QString &file, const QStringList &statements, int perRun, QString *error)
{
    QString script = QStringLiteral(".timer on\n");
    for (const QString &s : statements)
        script += s + QStringLiteral(";\n");
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {QStringLiteral("-bail"), QStringLiteral("-readonly"), file});
    if (!p.waitForStarted()) {
        *error = QStringLiteral("sqlite3 not found");
        return {};
    }
    p.write(script.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(-1);
    static const QRegularExpression timer(QStringLiteral("Run Time: real ([0-9.]+) user ([0-9.]+) sys ([0-9.]+)"));
    QList<double> ms;
    double acc = 0;
    int n = 0;
    auto it = timer.globalMatch(QString::fromUtf8(p.readAllStandardOutput()));
    while (it.hasNext()) {
        const auto m = it.next();
        acc += (m.captured(2).toDouble() + m.captured(3).toDouble()) * 1000.0;
        if (++n % perRun == 0) {
            ms << acc;
            acc = 0;
        }
    }
    if (n != statements.size())
        *error = QStringLiteral("sqlite3 answered %1 of %2 statements: %3")
                     .arg(n)
                     .arg(statements.size())
                     .arg(QString::fromUtf8(p.readAllStandardError()).left(300));
    return ms;
}

QString driverName(const Result<AudienceQuery::Plan> &plan)
{
    if (!plan)
        return QStringLiteral("error");
    switch (plan->driver) {
    case AudienceQuery::Driver::Scan:
        return QStringLiteral("scan");
    case AudienceQuery::Driver::Equality:
        return plan->column;
    case AudienceQuery::Driver::Tag:
        return QStringLiteral("tag");
    case AudienceQuery::Driver::Created:
        return QStringLiteral("created_at");
    case AudienceQuery::Driver::Nothing:
        return QStringLiteral("nothing");
    }
    return {};
}

LeadFilter filterOf(const QStringList &assignments)
{
    LeadFilter f;
    for (const QString &a : assignments) {
        if (!f.set(a))
            qFatal("bad filter %s", qPrintable(a));
    }
    return f;
}

// The SLA as it was computed before the buckets (four joins over every lead):
// the reference that shows what the buckets save.
QStringList fullScanStatements(qint64 sinceMs)
{
    const QString since = QString::number(sinceMs);
    const QString join = QStringLiteral("FROM leads l LEFT JOIN lead_activity a ON a.lead_id = l.id ");
    return {
        QStringLiteral("SELECT count(*), avg(a.first_out_at - a.first_in_at) / 1000.0, "
                       "coalesce(sum((a.first_out_at - a.first_in_at) <= 300000), 0) ") +
            join +
            QStringLiteral("WHERE l.created_at >= %1 AND a.first_in_at IS NOT NULL AND a.first_out_at IS NOT NULL")
                .arg(since),
        QStringLiteral("SELECT count(*), avg(l.updated_at - l.created_at) / 1000.0, "
                       "coalesce(sum((l.updated_at - l.created_at) <= 86400000), 0) ") +
            join + QStringLiteral("WHERE l.created_at >= %1 AND l.status IN ('closed', 'lost')").arg(since),
        QStringLiteral("SELECT count(*), coalesce(sum(a.last_in_at > coalesce(a.last_out_at, 0)), 0), "
                       "coalesce(sum(l.escalated), 0) ") +
            join + QStringLiteral("WHERE NOT l.status IN ('closed', 'lost')"),
        QStringLiteral("SELECT l.assigned_agent, count(*), coalesce(sum(l.status IN ('closed', 'lost')), 0) FROM leads "
                       "l WHERE l.created_at >= %1 AND l.assigned_agent IS NOT NULL GROUP BY l.assigned_agent "
                       "ORDER BY l.assigned_agent")
            .arg(since),
    };
}

// This process's CPU time: comparable with the shell's (user + sys) on a
// loaded machine, where the wall clock is mostly waiting for a core.
double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

// The calling thread's CPU time: what the preview itself costs, whatever
// else the shared machine runs meanwhile.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

QJsonArray loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    QJsonArray load;
    if (f.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> parts = f.readAll().split(' ');
        for (int i = 0; i < 3 && i < parts.size(); ++i)
            load.append(parts.at(i).toDouble());
    }
    return load;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption leadsOption(QStringLiteral("leads"), QStringLiteral("Leads to generate."),
                                         QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs of each measurement."),
                                        QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption fileOption(QStringLiteral("file"), QStringLiteral("Cache file (default: temporary)."),
                                        QStringLiteral("PATH"));
    const QCommandLineOption reuseOption(
        QStringLiteral("reuse"),
        QStringLiteral("Keep --file between runs: fill it only when it does not hold the leads asked for."));
    const QCommandLineOption onlyOption(QStringLiteral("audience-only"), QStringLiteral("Skip the SLA part."));
    parser.addOptions({leadsOption, runsOption, fileOption, reuseOption, onlyOption});
    parser.process(app);

    const qint64 count = parser.value(leadsOption).toLongLong();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    QTemporaryDir tmp;
    const QString path =
        parser.isSet(fileOption) ? parser.value(fileOption) : tmp.filePath(QStringLiteral("cache.sqlite"));
    // A reused file keeps the time it was generated at (the date filters are
    // relative to it), stored beside it.
    const QString nowPath = path + QStringLiteral(".now");
    QDateTime now = QDateTime::currentDateTimeUtc();
    bool filled = false;
    if (parser.isSet(reuseOption) && parser.isSet(fileOption)) {
        auto existing = Database::open(path);
        QFile nowFile(nowPath);
        if (existing && nowFile.open(QIODevice::ReadOnly)) {
            const QDateTime saved =
                QDateTime::fromString(QString::fromLatin1(nowFile.readAll()).trimmed(), Qt::ISODate);
            auto n = LeadStore(*existing).count(LeadFilter(), -1);
            if (saved.isValid() && n && *n == count) {
                now = saved;
                filled = true;
            }
        }
    }
    if (!filled) {
        for (const QString &suffix :
             {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".now")})
            QFile::remove(path + suffix);
    }

    auto db = Database::open(path);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return 1;
    }
    LeadStore store(db.value());
    const sim::LeadGenerator gen(7, count, now);
    if (!filled) {
        constexpr int kPage = 2000;
        for (qint64 first = 1; first <= count; first += kPage) {
            QList<Lead> page;
            page.reserve(kPage);
            for (qint64 id = first; id < first + kPage && id <= count; ++id)
                page << gen.lead(id);
            if (auto r = store.upsert(page); !r) {
                std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
                return 1;
            }
        }
        // Response facts for nine leads in ten (the rest never had their details
        // fetched), derived from each lead's own times: what the message triggers
        // would keep, without generating millions of messages first.
        auto facts = db->execute(
            QStringLiteral(
                "INSERT INTO lead_activity (lead_id, first_in_at, first_out_at, last_in_at, last_out_at, "
                "human_replies) SELECT id, created_at, created_at + (id * 7919) % 900000, "
                "coalesce(last_message_at, created_at), coalesce(last_message_at, created_at) - (id % 3) * 1000, "
                "(id % 5 = 0) FROM leads WHERE id % 10 != 0"),
            "fill the response facts");
        if (!facts) {
            std::fprintf(stderr, "%s\n", qPrintable(facts.error().message));
            return 1;
        }
        // Written behind the message triggers' back: the dashboard buckets are
        // summed again, as the migration that adds them does.
        for (const char *sql : {"DELETE FROM sla_buckets", SlaBuckets::kFill}) {
            if (auto r = db->execute(QString::fromLatin1(sql), "sum the dashboard buckets"); !r) {
                std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
                return 1;
            }
        }
        // A rare tag (one lead in 2,500) beside the generator's common ones.
        if (auto r = db->execute(QStringLiteral("INSERT OR IGNORE INTO lead_tags (tag, lead_id) SELECT 'gala-2026', id "
                                                "FROM leads WHERE id % 2500 = 0"),
                                 "add a rare tag");
            !r) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
            return 1;
        }
        db->execute(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), "checkpoint");
        db->execute(QStringLiteral("PRAGMA optimize"), "optimize");
        if (parser.isSet(fileOption)) {
            QFile nowFile(nowPath);
            if (nowFile.open(QIODevice::WriteOnly))
                nowFile.write(now.toString(Qt::ISODateWithMs).toLatin1());
        }
    }

    const QString agent = gen.agents().value(0);
    const auto daysAgo = [&now](int days) {
        return now.addDays(-days).toString(Qt::ISODate);
    };
    const QString hostile = QStringLiteral("x' OR 1=1 --%_\"; DROP TABLE leads; 🚀");
    const QList<QStringList> filters = {
        {},
        // Each filter alone.
        {QStringLiteral("status=qualified")},
        {QStringLiteral("status=closed")},
        {QStringLiteral("channel=sms")},
        {QStringLiteral("source=walk_in")},
        {QStringLiteral("assigned_agent=") + agent},
        {QStringLiteral("tag=vip")},
        {QStringLiteral("tag=gala-2026")},
        {QStringLiteral("created_after=") + daysAgo(7)},
        {QStringLiteral("created_before=") + daysAgo(80)},
        {QStringLiteral("created_after=") + daysAgo(40), QStringLiteral("created_before=") + daysAgo(30)},
        {QStringLiteral("last_message_before=") + daysAgo(60)},
        {QStringLiteral("last_message_before=") + daysAgo(89)},
        // Realistic combinations.
        {QStringLiteral("status=qualified"), QStringLiteral("channel=whatsapp")},
        {QStringLiteral("status=closed"), QStringLiteral("channel=call"), QStringLiteral("source=walk_in")},
        {QStringLiteral("tag=vip"), QStringLiteral("status=booked")},
        {QStringLiteral("tag=gala-2026"), QStringLiteral("status=new")},

        {QStringLiteral("source=referral"), QStringLiteral("assigned_agent=") + agent},
        {QStringLiteral("assigned_agent=") + agent, QStringLiteral("status=new")},
        {QStringLiteral("source=web_form"), QStringLiteral("created_after=") + daysAgo(30)},
        {QStringLiteral("status=contacted"), QStringLiteral("created_after=") + daysAgo(3)},
        {QStringLiteral("status=contacted"), QStringLiteral("last_message_before=") + daysAgo(60)},
        {QStringLiteral("channel=email"), QStringLiteral("source=referral"), QStringLiteral("tag=b2b"),
         QStringLiteral("created_after=") + daysAgo(30)},
        {QStringLiteral("tag=hot"), QStringLiteral("created_after=") + daysAgo(2)},
        {QStringLiteral("status=new"), QStringLiteral("channel=whatsapp"), QStringLiteral("source=facebook_ads"),
         QStringLiteral("tag=trial"), QStringLiteral("assigned_agent=") + agent,
         QStringLiteral("created_after=") + daysAgo(60), QStringLiteral("last_message_before=") + daysAgo(10)},
        // Hostile strings match literally (nothing here).
        {QStringLiteral("tag=") + hostile},
        {QStringLiteral("source=") + hostile},
        {QStringLiteral("assigned_agent=") + hostile, QStringLiteral("status=new")},
        {QStringLiteral("channel=%"), QStringLiteral("tag=_")},
    };

    // What the builder runs (count capped at the 500-message limit) and the
    // exact count beside it, each against the sqlite3 shell running the very
    // statements AudienceQuery ran (values inlined) on the same file.
    constexpr int kSample = 50;
    constexpr qint64 kCap = 500;
    AudienceQuery audience(store);
    QList<double> all, allCpu, allFloor, allExact, allExactFloor;
    QJsonArray perFilter;
    QString error;
    for (const QStringList &assignments : filters) {
        const LeadFilter f = filterOf(assignments);
        auto capped = audience.statements(f, kSample, kCap);
        auto exact = audience.statements(f, kSample, -1);
        if (!capped || !exact) {
            std::fprintf(stderr, "cannot build the statements\n");
            return 1;
        }
        const auto floorOf = [&](const QList<AudienceQuery::Statement> &list) {
            QStringList statements;
            for (int i = 0; i < runs + 1; ++i) {
                for (const AudienceQuery::Statement &st : list)
                    statements << inlined(st);
            }
            QList<double> floor = sqlite3Floor(path, statements, int(list.size()), &error);
            if (!floor.isEmpty())
                floor.removeFirst(); // the warm-up run
            return floor;
        };
        const QList<double> floor = floorOf(*capped);
        const QList<double> exactFloor = floorOf(*exact);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        QList<double> ours, oursCpu, oursExact;
        qint64 n = 0;
        bool complete = true;
        for (int i = 0; i < runs + 1; ++i) {
            QElapsedTimer t;
            const double cpuBefore = threadCpuMs();
            t.start();
            auto c = audience.preview(f, kSample, kCap);
            const double ms = double(t.nsecsElapsed()) / 1e6;
            const double cpu = threadCpuMs() - cpuBefore;
            t.start();
            auto r = audience.preview(f, kSample);
            const double exactMs = double(t.nsecsElapsed()) / 1e6;
            if (!r || !c) {
                std::fprintf(stderr, "preview failed\n");
                return 1;
            }
            n = r->count;
            complete = c->exact;
            if (i > 0) {
                ours << ms;
                oursCpu << cpu;
                oursExact << exactMs;
            }
        }
        all += ours;
        allCpu += oursCpu;
        allFloor += floor;
        allExact += oursExact;
        allExactFloor += exactFloor;
        perFilter.append(
            QJsonObject{{QStringLiteral("filters"), assignments.join(QStringLiteral(" & "))},
                        {QStringLiteral("count"), n},
                        {QStringLiteral("driver"), driverName(audience.plan(f))},
                        {QStringLiteral("over_cap"), !complete},
                        {QStringLiteral("p50_ms"), round3(percentile(ours, 0.5))},
                        {QStringLiteral("p99_ms"), round3(percentile(ours, 0.99))},
                        {QStringLiteral("cpu_p50_ms"), round3(percentile(oursCpu, 0.5))},
                        {QStringLiteral("cpu_p99_ms"), round3(percentile(oursCpu, 0.99))},
                        {QStringLiteral("floor_sqlite3_p50_ms"), round3(percentile(floor, 0.5))},
                        {QStringLiteral("floor_sqlite3_p99_ms"), round3(percentile(floor, 0.99))},
                        {QStringLiteral("exact_count_p50_ms"), round3(percentile(oursExact, 0.5))},
                        {QStringLiteral("exact_count_p99_ms"), round3(percentile(oursExact, 0.99))},
                        {QStringLiteral("exact_floor_sqlite3_p50_ms"), round3(percentile(exactFloor, 0.5))}});
    }
    printLine({{QStringLiteral("bench"), QStringLiteral("audience_preview")},
               {QStringLiteral("leads"), count},
               {QStringLiteral("loadavg"), loadAverage()},
               {QStringLiteral("what"),
                QStringLiteral("first %1 by id + count capped at %2, %3 filter combinations x %4 runs; floor: the "
                               "same statements in the sqlite3 shell (CPU time), without reading the 50 rows")
                    .arg(kSample)
                    .arg(kCap)
                    .arg(filters.size())
                    .arg(runs)},
               {QStringLiteral("p50_ms"), round3(percentile(all, 0.5))},
               {QStringLiteral("p99_ms"), round3(percentile(all, 0.99))},
               {QStringLiteral("cpu_p50_ms"), round3(percentile(allCpu, 0.5))},
               {QStringLiteral("cpu_p99_ms"), round3(percentile(allCpu, 0.99))},
               {QStringLiteral("goal_p99_ms"), 50},
               {QStringLiteral("floor_sqlite3_p50_ms"), round3(percentile(allFloor, 0.5))},
               {QStringLiteral("floor_sqlite3_p99_ms"), round3(percentile(allFloor, 0.99))},
               {QStringLiteral("exact_count_p50_ms"), round3(percentile(allExact, 0.5))},
               {QStringLiteral("exact_count_p99_ms"), round3(percentile(allExact, 0.99))},
               {QStringLiteral("exact_floor_sqlite3_p99_ms"), round3(percentile(allExactFloor, 0.99))},
               {QStringLiteral("filters"), perFilter}});
    if (parser.isSet(onlyOption))
        return 0;

    // The dashboard's SLA over 7, 30 and 90 days, each beside the same
    // statements run by the shell; the overview beside it.
    LocalAnalytics analytics(*db);
    for (const int days : {7, 30, 90}) {
        QStringList slaStatements;
        for (int i = 0; i < runs + 1; ++i) {
            for (const LeadSql::Statement &st : LocalAnalytics::slaStatements(days, now))
                slaStatements << inlined(st);
        }
        const int perRun = int(LocalAnalytics::slaStatements(days, now).size());
        QList<double> slaFloor = sqlite3Floor(path, slaStatements, perRun, &error);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        slaFloor.removeFirst();
        QList<double> slaOurs, slaCpu, overviewOurs;
        qint64 window = 0;
        for (int i = 0; i < runs + 1; ++i) {
            QElapsedTimer t;
            const double cpuBefore = cpuMs();
            t.start();
            auto sla = analytics.sla(days, now);
            const double ms = double(t.nsecsElapsed()) / 1e6;
            const double cpu = cpuMs() - cpuBefore;
            t.start();
            auto overview = analytics.overview();
            const double overviewMs = double(t.nsecsElapsed()) / 1e6;
            if (!sla || !overview) {
                std::fprintf(stderr, "analytics failed\n");
                return 1;
            }
            window = 0;
            for (const QJsonValue &a : sla->value(QStringLiteral("agents")).toArray())
                window += a.toObject().value(QStringLiteral("total")).toInteger();
            if (i > 0) {
                slaOurs << ms;
                slaCpu << cpu;
                overviewOurs << overviewMs;
            }
        }
        // Three runs of the old full scans: seconds each at a million leads.
        QStringList scans;
        for (int i = 0; i < 3; ++i)
            scans += fullScanStatements(now.addDays(-days).toMSecsSinceEpoch());
        const QList<double> fullScan = sqlite3Floor(path, scans, 4, &error);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        printLine({{QStringLiteral("bench"), QStringLiteral("local_sla")},
                   {QStringLiteral("days"), days},
                   {QStringLiteral("leads"), count},
                   {QStringLiteral("agent_leads_in_window"), window},
                   {QStringLiteral("runs"), runs},
                   {QStringLiteral("p50_ms"), round3(percentile(slaOurs, 0.5))},
                   {QStringLiteral("p99_ms"), round3(percentile(slaOurs, 0.99))},
                   {QStringLiteral("cpu_p50_ms"), round3(percentile(slaCpu, 0.5))},
                   {QStringLiteral("cpu_p99_ms"), round3(percentile(slaCpu, 0.99))},
                   {QStringLiteral("goal_ms"), 200},
                   {QStringLiteral("floor_sqlite3_p50_ms"), round3(percentile(slaFloor, 0.5))},
                   {QStringLiteral("floor_sqlite3_p99_ms"), round3(percentile(slaFloor, 0.99))},
                   {QStringLiteral("full_scan_sqlite3_p50_ms"), round3(percentile(fullScan, 0.5))},
                   {QStringLiteral("overview_p50_ms"), round3(percentile(overviewOurs, 0.5))},
                   {QStringLiteral("loadavg"), loadAverage()}});
    }
    return 0;
}
