#include "WorkspaceCache.h"

#include <QDir>
#include <QFileInfo>

namespace outpost {

WorkspaceCache::WorkspaceCache(QObject *parent)
    : QObject(parent)
{}

WorkspaceCache::~WorkspaceCache() = default;

Result<void> WorkspaceCache::open(const QString &path)
{
    close();
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto db = Database::open(path);
    if (!db)
        return db.error();
    m_db = std::make_unique<Database>(std::move(db).value());
    m_store = std::make_unique<LeadStore>(*m_db);
    m_windowReader = std::make_unique<LeadWindowReader>(*m_db);
    m_path = path;
    emit opened();
    return {};
}

void WorkspaceCache::close()
{
    if (!m_db)
        return;
    // The prepared statements go before the connection they run on.
    m_store.reset();
    m_windowReader.reset();
    m_db.reset();
    m_path.clear();
    emit closed();
}

void WorkspaceCache::notifyLeadsChanged(const QList<qint64> &ids)
{
    if (isOpen())
        emit leadsChanged(ids);
}

} // namespace outpost
