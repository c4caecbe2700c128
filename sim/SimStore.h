#pragma once

#include <QSqlDatabase>
#include <QString>

#include <memory>

class QTemporaryDir;
struct sqlite3;

namespace outpost::sim {

// The sim's own SQLite file: one connection, owned by the thread that runs the
// server. Times are stored as milliseconds since the epoch (UTC) so that keyset
// order and comparisons stay integer work. An empty path means a temporary file
// that disappears with the store.
class SimStore
{
public:
    SimStore();
    ~SimStore();
    SimStore(const SimStore &) = delete;
    SimStore &operator=(const SimStore &) = delete;

    bool open(const QString &path, QString *error);
    QSqlDatabase &db() { return m_db; }
    sqlite3 *handle() const;
    QString path() const { return m_path; }

    // Nestable: only the outermost pair opens and commits a transaction, so a
    // request and the handler it calls share one.
    void begin();
    void commit();

    void createIndexes();
    void dropIndexes();

    bool isSeeded() const;
    void markSeeded(qint64 leads, quint64 seed);
    // Runs `sql`, which must not fail: schema statements and fixed queries.
    void exec(const QString &sql);

private:
    bool createSchema(QString *error);

    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_db;
    int m_depth = 0;
};

} // namespace outpost::sim
