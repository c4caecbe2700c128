#include "WorkspaceSummary.h"

#include "storage/Database.h"
#include "storage/LeadStore.h"

#include <QFileInfo>

namespace outpost {

WorkspaceSummary::WorkspaceSummary(Profile profile, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
{}

void WorkspaceSummary::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    refresh();
}

void WorkspaceSummary::refresh()
{
    m_leadCount = 0;
    m_error.clear();
    const QString path = m_profile.cachePath(m_workspace.id);
    if (m_workspace.id.isNull() || !QFileInfo::exists(path)) {
        emit changed();
        return;
    }
    auto db = Database::open(path);
    if (!db) {
        m_error = db.error().message;
    } else {
        LeadStore store(db.value());
        auto count = store.totalCount();
        if (count)
            m_leadCount = *count;
        else
            m_error = count.error().message;
    }
    emit changed();
}

} // namespace outpost
