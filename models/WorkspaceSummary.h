#pragma once

#include "workspace/Profile.h"
#include "workspace/Workspace.h"

#include <QObject>

namespace outpost {

// What the main window says about the open workspace: how many leads its cache
// holds. Counts come from the trigger-kept table, so this is instant at any size.
class WorkspaceSummary : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceSummary(Profile profile, QObject *parent = nullptr);

    void setWorkspace(const Workspace &workspace);
    Workspace workspace() const { return m_workspace; }
    qint64 leadCount() const { return m_leadCount; }
    QString errorText() const { return m_error; }

public slots:
    void refresh();

signals:
    void changed();

private:
    Profile m_profile;
    Workspace m_workspace;
    qint64 m_leadCount = 0;
    QString m_error;
};

} // namespace outpost
