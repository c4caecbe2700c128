// Desktop benchmark: seeds N generated leads into a profile's cache and measures
// what a person feels in the lead list, each figure beside its floor measured
// in the same run: time to the first painted lead list, in this process and
// from a fresh one (floor: a bare Qt window shown and painted, the same way), scroll to the end of the sorted list and
// jumps to any position and 100-row windows read by the model (floor: the same window read with the raw sqlite3 C
// API), and keystroke to updated model and to painted results (floor: the first window and the capped count through
// sqlite3). Prints JSON lines. Runs offscreen unless QT_QPA_PLATFORM says
// otherwise.
#include "CacheTask.h"
#include "LeadGenerator.h"
#include "LeadListPage.h"
#include "LeadTableModel.h"
#include "MainWindow.h"
#include "Sidebar.h"
#include "storage/Database.h"
#include "storage/LeadSql.h"
#include "storage/LeadStore.h"
#include "storage/SqlFunctions.h"
#include "sync/SyncStore.h"
#include "workspace/WorkspaceRegistry.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <random>

#include <time.h>

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

double msSince(const QElapsedTimer &t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

// Counts paint events anywhere in the application once armed.
class PaintProbe : public QObject
{
public:
    void arm() { m_painted = false; }
    bool painted() const { return m_painted; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            m_painted = true;
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_painted = false;
};

// The GUI-thread CPU spent in one widget's paint events (it delivers each
// itself to time it): where a keystroke's time goes, rows read included.
class PaintTimer : public QObject
{
public:
    void reset()
    {
        cpuMs = 0;
        paints = 0;
    }

    double cpuMs = 0;
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool m_inside = false;
};

// Benchmarks may spin the loop; product code never does.
bool spinUntil(const std::function<bool()> &done, int timeoutMs = 10000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
    // Whatever the paint posted (the backing store flush) lands too.
    QCoreApplication::processEvents(QEventLoop::AllEvents);
    return true;
}

// The raw sqlite3 C API on the same file: the floor of every cache read.
class RawSqlite
{
public:
    explicit RawSqlite(const QString &path)
    {
        sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READONLY, nullptr);
        SqlFunctions::registerOn(m_db);
    }
    ~RawSqlite() { sqlite3_close(m_db); }

    // Prepares, binds, steps through every row and finalizes; milliseconds.
    double run(const LeadSql::Statement &st, int *rows = nullptr) { return run(LeadSql::Window{{st}, 0, -1}, rows); }

    // A window's parts one after the other, stopped once it is full, as the app reads it.
    double run(const LeadSql::Window &window, int *rows = nullptr)
    {
        QElapsedTimer t;
        t.start();
        int n = 0;
        LeadSql::Window::Count count(window);
        for (const LeadSql::Statement &st : window.parts) {
            if (count.full())
                break;
            const QByteArray sql = st.sql.toUtf8();
            sqlite3_stmt *stmt = nullptr;
            if (sqlite3_prepare_v2(m_db, sql.constData(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
                std::fprintf(stderr, "raw prepare failed: %s\n", sqlite3_errmsg(m_db));
                return -1;
            }
            for (int i = 0; i < st.values.size(); ++i)
                bind(stmt, i + 1, st.values.at(i));
            while (!count.full() && sqlite3_step(stmt) == SQLITE_ROW) {
                if (!count.keep())
                    continue;
                // Read every column, as the app does.
                for (int c = 0; c < sqlite3_column_count(stmt); ++c)
                    sqlite3_column_text(stmt, c);
                ++n;
            }
            sqlite3_finalize(stmt);
        }
        if (rows)
            *rows = n;
        return msSince(t);
    }

private:
    static void bind(sqlite3_stmt *stmt, int i, const QVariant &v)
    {
        switch (v.typeId()) {
        case QMetaType::QString: {
            const QByteArray utf8 = v.toString().toUtf8();
            sqlite3_bind_text(stmt, i, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
            break;
        }
        case QMetaType::Double:
            sqlite3_bind_double(stmt, i, v.toDouble());
            break;
        default:
            if (v.isNull())
                sqlite3_bind_null(stmt, i);
            else
                sqlite3_bind_int64(stmt, i, v.toLongLong());
        }
    }

    sqlite3 *m_db = nullptr;
};

// Fills the workspace's cache in pages of 1,000 as sync applies them; an
// existing cache of the right size is reused (--profile).
bool seed(const QString &cachePath, qint64 count)
{
    auto db = Database::open(cachePath);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return false;
    }
    LeadStore store(db.value());
    // A kept profile whose search index a migration deferred: built first, as sync would.
    if (store.totalCount().value() == count)
        return SyncStore(db.value()).buildDeferredSearch().ok();
    const sim::LeadGenerator gen(7, count, QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC));
    constexpr int kPage = 1000;
    for (qint64 first = 1; first <= count; first += kPage) {
        QList<Lead> page;
        for (qint64 id = first; id < first + kPage && id <= count; ++id)
            page << gen.lead(id);
        if (!store.upsert(page)) {
            std::fprintf(stderr, "seeding failed\n");
            return false;
        }
    }
    db->execute(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), "checkpoint");
    db->execute(QStringLiteral("PRAGMA optimize"), "optimize");
    return true;
}

QStringList realisticQueries(const sim::LeadGenerator &gen, qint64 count, int n)
{
    // What people type: starts of names, phone digits, email parts, tags, and misses.
    std::mt19937_64 rng(42);
    auto below = [&rng](qint64 k) {
        return static_cast<qint64>(rng() % static_cast<quint64>(k));
    };
    QStringList queries;
    while (queries.size() < n) {
        const Lead l = gen.lead(1 + below(count));
        const int kind = static_cast<int>(below(10));
        const int length = 3 + static_cast<int>(below(6));
        QString q;
        if (kind < 5)
            q = l.name.left(length);
        else if (kind < 7)
            q = l.phone.mid(1 + below(4), length);
        else if (kind < 8 && !l.email.isEmpty())
            q = l.email.left(length);
        else if (kind < 9)
            q = sim::LeadGenerator::tagPool().at(below(sim::LeadGenerator::tagPool().size())).left(length);
        else
            q = QStringLiteral("zqxjkvwy").left(length);
        q = q.trimmed();
        if (!q.isEmpty())
            queries << q;
    }
    return queries;
}

QJsonObject figure(const char *bench, qint64 leads, const QList<double> &ours, const QList<double> &floor,
                   const char *floorName)
{
    const double p50 = percentile(ours, 0.5), p99 = percentile(ours, 0.99);
    const double f50 = percentile(floor, 0.5), f99 = percentile(floor, 0.99);
    return {{QLatin1StringView("bench"), QLatin1StringView(bench)},
            {QLatin1StringView("leads"), leads},
            {QLatin1StringView("samples"), ours.size()},
            {QLatin1StringView("p50_ms"), round3(p50)},
            {QLatin1StringView("p99_ms"), round3(p99)},
            {QLatin1StringView("max_ms"), round3(percentile(ours, 1.0))},
            {QLatin1StringView("floor"), QLatin1StringView(floorName)},
            {QLatin1StringView("floor_p50_ms"), round3(f50)},
            {QLatin1StringView("floor_p99_ms"), round3(f99)},
            {QLatin1StringView("p50_vs_floor"), round3(f50 > 0 ? p50 / f50 : 0)}};
}

// CPU time of the calling (GUI) thread: what the app itself spent, whatever
// the other processes on a shared machine take from the wall clock.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

double residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

// A fresh process of this benchmark that shows a window and says when it
// painted: the cold start a person waits through, process start included.
// "bare" is the floor, a QWidget in a bare QApplication; "app" is Outpost's
// window on the profile's default workspace, painted with its first lead.
int coldStartChild(const QString &mode, WorkspaceRegistry &registry)
{
    PaintProbe probe;
    QCoreApplication::instance()->installEventFilter(&probe);
    std::unique_ptr<QWidget> window;
    QTableView *table = nullptr;
    if (mode == QLatin1StringView("app")) {
        auto main = std::make_unique<MainWindow>(registry);
        main->showPage(Sidebar::Leads);
        table = main->leadList()->table();
        window = std::move(main);
    } else {
        window = std::make_unique<QWidget>();
    }
    window->resize(1200, 760);
    probe.arm();
    window->show();
    if (!spinUntil([&] { return probe.painted() && (!table || table->rowAt(0) == 0); }, 30000))
        return 1;
    std::printf("painted\n");
    std::fflush(stdout);
    return 0;
}

// Milliseconds from starting a child (above) until it says it painted.
QList<double> coldStarts(const QString &mode, const QString &profileDir, int rounds)
{
    QList<double> times;
    for (int i = 0; i < rounds; ++i) {
        QProcess child;
        child.setProgram(QCoreApplication::applicationFilePath());
        child.setArguments({QStringLiteral("--cold-start-child"), mode, QStringLiteral("--profile"), profileDir});
        QElapsedTimer t;
        t.start();
        child.start();
        QByteArray out;
        while (!out.contains("painted") && child.waitForReadyRead(30000))
            out += child.readAllStandardOutput();
        if (out.contains("painted"))
            times << msSince(t);
        child.waitForFinished(30000);
    }
    return times;
}

bool PaintTimer::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Paint || m_inside)
        return QObject::eventFilter(watched, event);
    m_inside = true;
    const double before = threadCpuMs();
    QCoreApplication::sendEvent(watched, event);
    cpuMs += threadCpuMs() - before;
    ++paints;
    m_inside = false;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption leadsOption(QStringLiteral("leads"), QStringLiteral("Leads to generate."),
                                         QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption queriesOption(QStringLiteral("queries"), QStringLiteral("Search queries."),
                                           QStringLiteral("N"), QStringLiteral("60"));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QStringLiteral("Profile directory (kept and reused; default: temporary)."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption onlyOption(
        QStringLiteral("only"),
        QStringLiteral(
            "Figures to measure, comma-separated: first_paint, cold_start, scroll, jump, keystroke, memory (default: "
            "all)."),
        QStringLiteral("LIST"));
    const QCommandLineOption childOption(QStringLiteral("cold-start-child"),
                                         QStringLiteral("Internal: show a window (bare or app) and say when painted."),
                                         QStringLiteral("MODE"));
    parser.addOptions({leadsOption, queriesOption, profileOption, onlyOption, childOption});
    parser.process(app);
    if (parser.isSet(childOption)) {
        WorkspaceRegistry registry{Profile(parser.value(profileOption))};
        return coldStartChild(parser.value(childOption), registry);
    }
    const qint64 count = parser.value(leadsOption).toLongLong();
    const QStringList only = parser.value(onlyOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const auto wanted = [&only](const char *name) {
        return only.isEmpty() || only.contains(QLatin1StringView(name));
    };
    QTemporaryDir tmp;
    const QString profileDir = parser.isSet(profileOption) ? parser.value(profileOption) : tmp.path();

    WorkspaceRegistry registry{Profile(profileDir)};
    Workspace ws;
    if (auto existing = registry.find(QStringLiteral("Bench")))
        ws = *existing;
    else
        ws = registry.add(Workspace{QUuid(), QStringLiteral("Bench"), QUrl(), QString()}).value();
    registry.setDefault(ws.id);
    const QString cachePath = registry.profile().cachePath(ws.id);
    if (!seed(cachePath, count))
        return 1;

    PaintProbe probe;
    app.installEventFilter(&probe);

    // The platform plugin, fonts and style load once per process: pay for them
    // before either figure, so both measure a window, not the plugin.
    {
        QWidget warmup;
        warmup.show();
        probe.arm();
        spinUntil([&] { return probe.painted(); });
    }
    QList<double> bare, first;
    for (int round = 0; round < (wanted("first_paint") ? 5 : 0); ++round) {
        QElapsedTimer t;
        t.start();
        {
            QWidget window;
            window.resize(1200, 760);
            probe.arm();
            window.show();
            spinUntil([&] { return probe.painted(); });
            bare << msSince(t);
        }
        t.start();
        MainWindow window(registry);
        window.resize(1200, 760);
        window.showPage(Sidebar::Leads);
        probe.arm();
        window.show();
        QTableView *table = window.leadList()->table();
        spinUntil([&] { return probe.painted() && table->rowAt(0) == 0; });
        first << msSince(t);
    }
    if (wanted("first_paint"))
        printLine({{QLatin1StringView("bench"), QStringLiteral("ui_first_paint")},
                   {QLatin1StringView("leads"), count},
                   {QLatin1StringView("what"), QStringLiteral("MainWindow built, cache opened, lead list painted")},
                   {QLatin1StringView("first_ms"), round3(first.first())},
                   {QLatin1StringView("p50_ms"), round3(percentile(first, 0.5))},
                   {QLatin1StringView("floor"), QStringLiteral("bare QWidget shown and painted")},
                   {QLatin1StringView("floor_p50_ms"), round3(percentile(bare, 0.5))},
                   {QLatin1StringView("p50_vs_floor"), round3(percentile(first, 0.5) / percentile(bare, 0.5))},
                   {QLatin1StringView("target"), QStringLiteral("<= 400 ms and <= 2x a bare window")}});

    if (wanted("cold_start")) {
        // Both from a fresh process, file caches warm (the second launch of a day).
        const QList<double> bareApp = coldStarts(QStringLiteral("bare"), profileDir, 5);
        const QList<double> outpostApp = coldStarts(QStringLiteral("app"), profileDir, 5);
        printLine(
            {{QLatin1StringView("bench"), QStringLiteral("ui_cold_start")},
             {QLatin1StringView("leads"), count},
             {QLatin1StringView("what"), QStringLiteral("process start until the lead list is painted")},
             {QLatin1StringView("samples"), outpostApp.size()},
             {QLatin1StringView("p50_ms"), round3(percentile(outpostApp, 0.5))},
             {QLatin1StringView("max_ms"), round3(percentile(outpostApp, 1.0))},
             {QLatin1StringView("floor"), QStringLiteral("bare QApplication + QWidget: process start until painted")},
             {QLatin1StringView("floor_p50_ms"), round3(percentile(bareApp, 0.5))},
             {QLatin1StringView("loadavg"), loadAverage()},
             {QLatin1StringView("target"), QStringLiteral("<= 400 ms")}});
    }

    MainWindow window(registry);
    window.resize(1200, 760);
    window.showPage(Sidebar::Leads);
    window.show();
    LeadListPage *page = window.leadList();
    LeadTableModel *model = page->model();
    QTableView *table = page->table();
    spinUntil([&] { return table->rowAt(0) == 0; });
    RawSqlite raw(cachePath);

    // Scroll to the end of each sorted list, from a fresh model (nothing cached).
    const LeadSort sorts[] = {{LeadSort::Key::Newest, Qt::DescendingOrder},
                              {LeadSort::Key::Name, Qt::AscendingOrder},
                              {LeadSort::Key::LastMessageAt, Qt::DescendingOrder},
                              {LeadSort::Key::UpdatedAt, Qt::DescendingOrder}};
    QList<double> toEnd, toEndFloor;
    for (int round = 0; round < (wanted("scroll") ? 5 : 0); ++round) {
        for (const LeadSort &sort : sorts) {
            model->setLeadSort(LeadSort{LeadSort::Key::CreatedAt, Qt::AscendingOrder});
            model->setLeadSort(sort);
            table->scrollToTop();
            spinUntil([&] { return table->rowAt(0) == 0; });
            QElapsedTimer t;
            t.start();
            probe.arm();
            table->scrollToBottom();
            spinUntil([&] { return probe.painted(); });
            toEnd << msSince(t);
            LeadSort reversed = sort;
            reversed.order = sort.order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
            toEndFloor << raw.run(LeadSql::select(LeadQuery{{}, reversed, 100, 0, std::nullopt}));
        }
    }
    QJsonObject end = figure("ui_scroll_to_end", count, toEnd, toEndFloor, "raw sqlite3: the last 100 rows");
    end.insert(QLatin1StringView("what"), QStringLiteral("scrollToBottom on a fresh sorted list until painted"));
    if (wanted("scroll"))
        printLine(end);

    // Jumps to any position (a scroll bar dragged), from a fresh model each time.
    // The position index (a keyset cursor every 100 rows) is built in the
    // background when a list opens; jumps are measured once it is there.
    std::mt19937_64 rng(5);
    QList<double> jump, jumpFloor, indexReady, modelWindow, modelWindowCpu, windowFloor, scrollCall, viewportPaint;
    constexpr int kWindowsPerRound = 25;
    // Each round rebuilds the index (a pass over the whole list): keep them few.
    for (int i = 0; i < (wanted("jump") ? 12 : 0); ++i) {
        const LeadSort sort = sorts[i % 4];
        model->setLeadSort(LeadSort{LeadSort::Key::CreatedAt, Qt::AscendingOrder});
        QElapsedTimer opened;
        opened.start();
        model->setLeadSort(sort);
        table->scrollToTop();
        model->buildPositionIndex(); // what pressing the scroll bar does
        spinUntil([&] { return table->rowAt(0) == 0 && model->hasPositionIndex(); }, 60000);
        indexReady << msSince(opened);
        // The worker that built it has closed its connection (freeing its page
        // cache) before anything is timed.
        spinUntil([] { return CacheTask::pool()->activeThreadCount() == 0; }, 60000);
        const int row = static_cast<int>(rng() % static_cast<quint64>(model->rowCount()));
        QElapsedTimer t;
        t.start();
        probe.arm();
        table->scrollTo(model->index(row, 0), QAbstractItemView::PositionAtTop);
        scrollCall << msSince(t);
        spinUntil([&] { return probe.painted(); });
        jump << msSince(t);
        // Where the jump went: the paint alone, the same rows painted again from memory.
        t.start();
        table->viewport()->repaint();
        viewportPaint << msSince(t);
        // The floor: a keyset window that starts at that row.
        const std::optional<Lead> before = model->leadAt(std::max(0, row - 1));
        if (before)
            jumpFloor << raw.run(LeadSql::window(
                LeadQuery{{}, sort, 100, 0, LeadCursor{LeadSql::sortValue(*before, sort.key), before->id}}));
        // The model alone: 100-row windows at other positions, the last rows
        // among them, nothing painted; beside each, the keyset read of the same
        // rows from the row before them.
        for (int k = 0; k < kWindowsPerRound; ++k) {
            const int rows = model->rowCount();
            const int at = k == 0 ? rows - 1 : static_cast<int>(rng() % static_cast<quint64>(rows));
            const double cpu = threadCpuMs();
            t.start();
            model->leadAt(at);
            modelWindow << msSince(t);
            modelWindowCpu << threadCpuMs() - cpu;
            const int first = at - at % LeadTableModel::kBlockRows;
            const std::optional<Lead> previous = first > 0 ? model->leadAt(first - 1) : std::nullopt;
            const std::optional<LeadCursor> cursor =
                previous ? std::optional(LeadCursor{LeadSql::sortValue(*previous, sort.key), previous->id})
                         : std::nullopt;
            windowFloor << raw.run(LeadSql::window(LeadQuery{{}, sort, LeadTableModel::kBlockRows, 0, cursor}));
        }
    }
    QJsonObject jumps = figure("ui_jump_to_row", count, jump, jumpFloor, "raw sqlite3: keyset window at that row");
    jumps.insert(QLatin1StringView("what"), QStringLiteral("scrollTo a random row of a fresh sorted list"));
    jumps.insert(QLatin1StringView("position_index_p50_ms"), round3(percentile(indexReady, 0.5)));
    jumps.insert(QLatin1StringView("scroll_call_p50_ms"), round3(percentile(scrollCall, 0.5)));
    jumps.insert(QLatin1StringView("viewport_repaint_p50_ms"), round3(percentile(viewportPaint, 0.5)));
    jumps.insert(QLatin1StringView("loadavg"), loadAverage());
    if (wanted("jump"))
        printLine(jumps);
    QJsonObject windows =
        figure("ui_model_window", count, modelWindow, windowFloor, "raw sqlite3: keyset window of the same rows");
    windows.insert(QLatin1StringView("what"),
                   QStringLiteral("100-row block read by the model at random positions and the last rows, 4 sorts"));
    windows.insert(QLatin1StringView("cpu_p50_ms"), round3(percentile(modelWindowCpu, 0.5)));
    windows.insert(QLatin1StringView("cpu_p99_ms"), round3(percentile(modelWindowCpu, 0.99)));
    windows.insert(QLatin1StringView("loadavg"), loadAverage());
    windows.insert(QLatin1StringView("target"), QStringLiteral("a 100-row window at any position < 2 ms"));
    if (wanted("jump"))
        printLine(windows);

    // Keystrokes: each query typed one character at a time into an empty box.
    model->setLeadSort(LeadSort{});
    page->setSearchDelay(0);
    const sim::LeadGenerator gen(7, count, QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC));
    const QStringList queries =
        wanted("keystroke") ? realisticQueries(gen, count, parser.value(queriesOption).toInt()) : QStringList();
    QList<double> keys, keysFloor, keysPainted, keysCpu, repaint, paintCpu, paints;
    QLineEdit *search = page->searchBox();
    PaintTimer paintTimer;
    table->viewport()->installEventFilter(&paintTimer);
    // The model is updated when it says so: its reset for the new text, count
    // and first rows read (the view reacts to it after this).
    const QElapsedTimer *typing = nullptr;
    double modelUpdatedMs = -1;
    QObject::connect(model, &QAbstractItemModel::modelReset, model, [&] {
        if (typing && modelUpdatedMs < 0)
            modelUpdatedMs = msSince(*typing);
    });
    // What opening the list started (the filter chips' values) is done before typing starts.
    spinUntil([] { return CacheTask::pool()->activeThreadCount() == 0; }, 60000);
    for (const QString &q : queries) {
        // The cleared list is painted before the first key, as when a person types.
        probe.arm();
        page->clearSearch();
        spinUntil([&] { return model->filter().search.isEmpty() && probe.painted(); });
        for (qsizetype n = 1; n <= q.size(); ++n) {
            const QString typed = q.left(n);
            QElapsedTimer t;
            t.start();
            typing = &t;
            modelUpdatedMs = -1;
            const double cpu = threadCpuMs();
            probe.arm();
            paintTimer.reset();
            // What a key press in the box does: the text changes and textEdited fires.
            search->setText(typed);
            emit search->textEdited(typed);
            spinUntil([&] { return model->filter().search == typed.trimmed() && probe.painted(); });
            typing = nullptr;
            keysPainted << msSince(t);
            keysCpu << threadCpuMs() - cpu;
            paintCpu << paintTimer.cpuMs;
            paints << paintTimer.paints;
            // The paint alone: the same rows repainted, nothing read.
            QElapsedTimer p;
            p.start();
            window.repaint();
            repaint << msSince(p);
            LeadFilter f;
            f.search = typed.trimmed();
            if (f.search.isEmpty())
                continue;
            keys << modelUpdatedMs;
            keysFloor << raw.run(LeadSql::select(LeadQuery{f, {}, 100, 0, std::nullopt})) +
                             raw.run(LeadSql::count(f, LeadTableModel::kCountCap + 1));
        }
    }
    QJsonObject keystroke = figure("ui_keystroke", count, keys, keysFloor, "raw sqlite3: window + capped count");
    keystroke.insert(QLatin1StringView("what"),
                     QStringLiteral("search text changed until the model is updated (count and first rows read)"));
    keystroke.insert(QLatin1StringView("queries"), queries.size());
    keystroke.insert(
        QLatin1StringView("p99_vs_floor"),
        round3(percentile(keysFloor, 0.99) > 0 ? percentile(keys, 0.99) / percentile(keysFloor, 0.99) : 0));
    keystroke.insert(QLatin1StringView("until_painted_p50_ms"), round3(percentile(keysPainted, 0.5)));
    keystroke.insert(QLatin1StringView("until_painted_p99_ms"), round3(percentile(keysPainted, 0.99)));
    keystroke.insert(QLatin1StringView("gui_thread_cpu_p50_ms"), round3(percentile(keysCpu, 0.5)));
    keystroke.insert(QLatin1StringView("gui_thread_cpu_p99_ms"), round3(percentile(keysCpu, 0.99)));
    // Of the GUI-thread CPU: the list's own paints (its rows read from the cache included), and how many.
    keystroke.insert(QLatin1StringView("list_paint_cpu_p50_ms"), round3(percentile(paintCpu, 0.5)));
    keystroke.insert(QLatin1StringView("list_paint_cpu_p99_ms"), round3(percentile(paintCpu, 0.99)));
    keystroke.insert(QLatin1StringView("list_paints_max"), percentile(paints, 1.0));
    keystroke.insert(QLatin1StringView("window_repaint_p50_ms"), round3(percentile(repaint, 0.5)));
    keystroke.insert(QLatin1StringView("target"), QStringLiteral("p99 < 16 ms and <= 1.5x the raw query"));
    if (wanted("keystroke"))
        printLine(keystroke);

    page->clearSearch();
    window.showPage(Sidebar::Pipeline);
    spinUntil([&] { return true; });
    window.showPage(Sidebar::Leads);
    spinUntil([&] { return true; });
    printLine({{QLatin1StringView("bench"), QStringLiteral("ui_memory")},
               {QLatin1StringView("leads"), count},
               {QLatin1StringView("what"), QStringLiteral("resident set, list and pipeline opened")},
               {QLatin1StringView("rss_mb"), round3(residentMb())},
               {QLatin1StringView("target_mb"), 200}});
    return 0;
}
