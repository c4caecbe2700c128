#pragma once

#include "common/Result.h"
#include "storage/Database.h"
#include "storage/LeadStore.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
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
        using Outcome = std::optional<Result<T>>;
        auto *watcher = new QFutureWatcher<Outcome>(context);
        QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
            const Outcome outcome = watcher->result();
            watcher->deleteLater();
            if (outcome)
                done(*outcome);
        });
        watcher->setFuture(QtConcurrent::run(pool(), [path, work = std::move(work)]() -> Outcome {
            auto db = Database::open(path);
            if (!db)
                return Result<T>(db.error());
            LeadStore store(db.value());
            return work(store);
        }));
    }
};

} // namespace outpost
