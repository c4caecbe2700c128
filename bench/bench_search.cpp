// Cache benchmark: fills a profile's cache with N generated leads and measures
// what a person feels when typing in the search box (the 100 newest matches plus
// a count capped at 1,001), beside the same SQL run by the sqlite3 shell on the
// same file. Prints JSON lines.
#include "LeadGenerator.h"
#include "storage/Database.h"
#include "storage/LeadSql.h"
#include "storage/LeadStore.h"
#include "sync/SyncStore.h"

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
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <random>

#include <time.h>

using namespace outpost;

namespace {

void printLine(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

// The machine is shared: each figure comes with how busy it was.
double loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    return file.readAll().split(' ').value(0).toDouble();
}

// CPU time of the calling thread, in milliseconds.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
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

// What people type: beginnings and middles of names, phone digits, email parts,
// tags, 1 to 8 characters, and some strings that match nothing.
QStringList realisticQueries(const sim::LeadGenerator &gen, qint64 count, int n)
{
    std::mt19937_64 rng(42);
    auto below = [&rng](qint64 k) {
        return static_cast<qint64>(rng() % static_cast<quint64>(k));
    };
    QStringList queries;
    while (queries.size() < n) {
        const Lead l = gen.lead(1 + below(count));
        const int kind = static_cast<int>(below(10));
        const int length = 1 + static_cast<int>(below(8));
        QString source;
        qsizetype from = 0;
        if (kind < 5) {
            source = l.name; // typing a name from its start
        } else if (kind < 7) {
            source = l.phone.mid(1 + below(4));
        } else if (kind < 8 && !l.email.isEmpty()) {
            source = l.email;
            from = below(std::max<qsizetype>(1, l.email.indexOf(QLatin1Char('@'))));
        } else if (kind < 9) {
            source = sim::LeadGenerator::tagPool().at(below(sim::LeadGenerator::tagPool().size()));
        } else {
            source = QStringLiteral("zqxjkvwy").left(length);
        }
        const QString q = source.mid(from, length).trimmed();
        if (!q.isEmpty())
            queries << q;
    }
    return queries;
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

struct Timings
{
    QList<double> ms;
    QString error;
};

// The sqlite3 shell's wall clock prints whole milliseconds only, so the floor is
// its CPU time (user + sys), which equals wall time for these in-memory reads.
Timings sqlite3Floor(const QString &file, const QStringList &statements, int perQuery)
{
    // The shell gets Outpost's SQL functions too: the floor runs the very same statements.
    QString script = QStringLiteral(".load %1 outpost_sqlite_functions_init\n.timer on\n")
                         .arg(QStringLiteral(OUTPOST_SQLITE_FUNCTIONS));
    for (const QString &s : statements)
        script += s + QStringLiteral(";\n");
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {QStringLiteral("-bail"), QStringLiteral("-readonly"), file});
    if (!p.waitForStarted())
        return {{}, QStringLiteral("sqlite3 not found")};
    p.write(script.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(-1);
    static const QRegularExpression timer(QStringLiteral("Run Time: real ([0-9.]+) user ([0-9.]+) sys ([0-9.]+)"));
    Timings t;
    double acc = 0;
    int n = 0;
    auto it = timer.globalMatch(QString::fromUtf8(p.readAllStandardOutput()));
    while (it.hasNext()) {
        const auto m = it.next();
        acc += (m.captured(2).toDouble() + m.captured(3).toDouble()) * 1000.0;
        if (++n % perQuery == 0) {
            t.ms << acc;
            acc = 0;
        }
    }
    if (t.ms.size() * perQuery != statements.size())
        t.error = QStringLiteral("sqlite3 answered %1 of %2 statements: %3")
                      .arg(n)
                      .arg(statements.size())
                      .arg(QString::fromUtf8(p.readAllStandardError()).left(300));
    return t;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption leadsOption(QStringLiteral("leads"), QStringLiteral("Leads to generate."),
                                         QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption queriesOption(QStringLiteral("queries"), QStringLiteral("Search queries."),
                                           QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption fileOption(QStringLiteral("file"), QStringLiteral("Cache file (default: temporary)."),
                                        QStringLiteral("PATH"));
    const QCommandLineOption reuseOption(
        QStringLiteral("reuse"), QStringLiteral("Keep --file when it already holds N leads (no insert figure)."));
    parser.addOptions({leadsOption, queriesOption, fileOption, reuseOption});
    parser.process(app);

    const qint64 count = parser.value(leadsOption).toLongLong();
    const int queryCount = parser.value(queriesOption).toInt();
    QTemporaryDir tmp;
    const QString path =
        parser.isSet(fileOption) ? parser.value(fileOption) : tmp.filePath(QStringLiteral("cache.sqlite"));
    if (!parser.isSet(reuseOption)) {
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
    }

    auto db = Database::open(path);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return 1;
    }
    LeadStore store(db.value());
    const sim::LeadGenerator gen(7, count, QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC));

    // Ingest in pages of 1,000, each its own transaction, as sync applies them.
    constexpr int kPage = 1000;
    qint64 insertNs = 0;
    QElapsedTimer timer;
    const auto cached = store.totalCount();
    const bool reused = parser.isSet(reuseOption) && cached && *cached == count;
    // A kept file whose search index a migration deferred: built first, as sync would.
    if (reused && !SyncStore(db.value()).buildDeferredSearch()) {
        std::fprintf(stderr, "building the search index failed\n");
        return 1;
    }
    for (qint64 first = 1; !reused && first <= count; first += kPage) {
        QList<Lead> page;
        page.reserve(kPage);
        for (qint64 id = first; id < first + kPage && id <= count; ++id)
            page << gen.lead(id);
        timer.start();
        auto r = store.upsert(page);
        insertNs += timer.nsecsElapsed();
        if (!r) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
            return 1;
        }
    }
    db->execute(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), "checkpoint");
    db->execute(QStringLiteral("PRAGMA optimize"), "optimize");
    if (!reused)
        printLine({{QLatin1StringView("bench"), QStringLiteral("cache_insert")},
                   {QLatin1StringView("leads"), count},
                   {QLatin1StringView("page_size"), kPage},
                   {QLatin1StringView("seconds"), round3(static_cast<double>(insertNs) / 1e9)},
                   {QLatin1StringView("leads_per_s"),
                    std::round(static_cast<double>(count) / (static_cast<double>(insertNs) / 1e9))},
                   {QLatin1StringView("file_mb"), round3(static_cast<double>(QFileInfo(path).size()) / 1048576.0)}});

    const QStringList queries = realisticQueries(gen, count, queryCount);
    QStringList floorStatements;
    for (const QString &q : queries) {
        LeadQuery window;
        window.filter.search = q;
        floorStatements << QStringLiteral("SELECT count(*) FROM (") + inlined(LeadSql::select(window)) +
                               QLatin1Char(')');
        floorStatements << inlined(LeadSql::count(window.filter, 1001));
    }

    // Warm both sides once (page cache), then measure.
    sqlite3Floor(path, floorStatements, 2);
    QList<double> ours, oursCpu;
    for (int pass = 0; pass < 2; ++pass) {
        ours.clear();
        oursCpu.clear();
        for (const QString &q : queries) {
            LeadQuery window;
            window.filter.search = q;
            timer.start();
            const double cpu = threadCpuMs();
            auto rows = store.window(window);
            auto n = store.count(window.filter, 1001);
            ours << static_cast<double>(timer.nsecsElapsed()) / 1e6;
            oursCpu << threadCpuMs() - cpu;
            if (!rows || !n) {
                std::fprintf(stderr, "query failed: %s\n", qPrintable(q));
                return 1;
            }
        }
    }
    const Timings floor = sqlite3Floor(path, floorStatements, 2);
    if (!floor.error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(floor.error));
        return 1;
    }
    const double p99 = percentile(ours, 0.99), floorP99 = percentile(floor.ms, 0.99);
    QList<qsizetype> order(ours.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return ours.at(a) > ours.at(b); });
    QJsonArray slowest;
    for (qsizetype i = 0; i < std::min<qsizetype>(5, order.size()); ++i)
        slowest.append(QStringLiteral("%1 (%2 ms)").arg(queries.at(order.at(i))).arg(round3(ours.at(order.at(i)))));
    printLine({{QLatin1StringView("bench"), QStringLiteral("search_keystroke")},
               {QLatin1StringView("leads"), count},
               {QLatin1StringView("queries"), queries.size()},
               {QLatin1StringView("what"), QStringLiteral("100 newest matches + count capped at 1001")},
               {QLatin1StringView("p50_ms"), round3(percentile(ours, 0.5))},
               {QLatin1StringView("p99_ms"), round3(p99)},
               {QLatin1StringView("max_ms"), round3(percentile(ours, 1.0))},
               {QLatin1StringView("floor_sqlite3_p50_ms"), round3(percentile(floor.ms, 0.5))},
               {QLatin1StringView("floor_sqlite3_p99_ms"), round3(floorP99)},
               // The shell reports CPU time (user + sys): ours by the same measure,
               // since on a loaded machine wall time is mostly the wait for a core.
               {QLatin1StringView("cpu_p50_ms"), round3(percentile(oursCpu, 0.5))},
               {QLatin1StringView("cpu_p99_ms"), round3(percentile(oursCpu, 0.99))},
               {QLatin1StringView("cpu_p99_vs_floor"), round3(floorP99 > 0 ? percentile(oursCpu, 0.99) / floorP99 : 0)},
               {QLatin1StringView("p99_vs_floor"), round3(floorP99 > 0 ? p99 / floorP99 : 0)},
               {QLatin1StringView("load_average_1m"), loadAverage()},
               {QLatin1StringView("slowest"), slowest},
               {QLatin1StringView("target_p50_ms"), 2},
               {QLatin1StringView("target_p99_ms"), 16}});
    return 0;
}
