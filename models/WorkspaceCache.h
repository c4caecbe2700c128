#pragma once

#include "common/Result.h"
#include "storage/Database.h"
#include "storage/LeadStore.h"
#include "storage/LeadWindowReader.h"

#include <QList>
#include <QObject>

#include <memory>

namespace outpost {

// The open cache of one workspace on the GUI thread: its connection, its
// LeadStore, and the one place sync reports changed leads to, so every model
// over this cache refreshes from the same signal.
class WorkspaceCache : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceCache(QObject *parent = nullptr);
    ~WorkspaceCache() override;

    Result<void> open(const QString &path);
    void close();

    bool isOpen() const { return m_store != nullptr; }
    QString path() const { return m_path; }
    // Valid only while isOpen().
    LeadStore &store() { return *m_store; }
    // Windows of the lead list, read straight through SQLite. Valid only while isOpen().
    LeadWindowReader &windowReader() { return *m_windowReader; }
    // The GUI thread's connection, for the outbox's queue writes. Valid only while isOpen().
    Database &database() { return *m_db; }

public slots:
    // Sync calls this (queued, from its thread) after it applied a page.
    void notifyLeadsChanged(const QList<qint64> &ids);

signals:
    void opened();
    void closed();
    void leadsChanged(const QList<qint64> &ids);

private:
    std::unique_ptr<Database> m_db;
    std::unique_ptr<LeadStore> m_store;
    std::unique_ptr<LeadWindowReader> m_windowReader;
    QString m_path;
};

} // namespace outpost
