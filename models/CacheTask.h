#pragma once

#include "common/Result.h"
#include "storage/Database.h"
#include "storage/LeadStore.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <sqlite3.h>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace outpost {

// Runs a slow read (an exact count over a big filter, the distinct values of
// a column) on the thread pool with its own connection to the cache file, and
// hands the result to `done` on the thread of `context`. Connections are never
// shared between threads; WAL lets this read while others write. When the
// context dies first the result is dropped, never delivered to a dead object.
class CacheTask
{
public:
    // Set to true when the result is no longer wanted: a read not yet started
    // never starts, and one running stops at its next few thousand SQLite steps
    // instead of holding a core for seconds (a stale count over a million leads).
    using Cancel = std::shared_ptr<std::atomic_bool>;
    static Cancel makeCancel() { return std::make_shared<std::atomic_bool>(false); }

    // Its own pool, never Qt's global one: the raster paint engine fills big
    // rectangles on the global pool, and a long scan there stalls painting.
    static QThreadPool *pool()
    {
        static QThreadPool *threads = [] {
            auto *p = new QThreadPool;
            p->setMaxThreadCount(2);
            p->setExpiryTimeout(10000);
            // Reads still running when the application ends finish before Qt's
            // SQL and thread machinery go away.
            qAddPostRoutine([] {
                pool()->clear();
                pool()->waitForDone();
            });
            return p;
        }();
        return threads;
    }

    template <typename T>
    static void run(const QString &path, QObject *context, std::function<Result<T>(LeadStore &)> work,
                    std::function<void(const Result<T> &)> done)
    {
        run<T>(path, context, Cancel(), std::move(work), std::move(done));
    }

    template <typename T>
    static void run(const QString &path, QObject *context, Cancel cancel, std::function<Result<T>(LeadStore &)> work,
                    std::function<void(const Result<T> &)> done)
    {
        using Outcome = std::optional<Result<T>>;
        auto *watcher = new QFutureWatcher<Outcome>(context);
        QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
            const Outcome outcome = watcher->result();
            watcher->deleteLater();
            if (outcome)
                done(*outcome);
        });
        watcher->setFuture(QtConcurrent::run(pool(), [path, cancel, work = std::move(work)]() -> Outcome {
            if (cancel && cancel->load())
                return std::nullopt;
            auto db = Database::open(path);
            if (!db)
                return Result<T>(db.error());
            if (cancel)
                sqlite3_progress_handler(db->handle(), 4000, &CacheTask::cancelled, cancel.get());
            LeadStore store(db.value());
            Result<T> result = work(store);
            if (cancel && cancel->load())
                return std::nullopt;
            return result;
        }));
    }

private:
    static int cancelled(void *flag) { return static_cast<std::atomic_bool *>(flag)->load() ? 1 : 0; }
};

} // namespace outpost
