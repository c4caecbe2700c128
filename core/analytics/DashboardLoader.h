#pragma once

#include "analytics/DashboardFigures.h"
#include "api/ApiClient.h"

#include <QObject>

#include <functional>

namespace outpost {

// Replaces the local parts of a DashboardFigures with the service's answers
// where the plan and the network give them: /overview, /analytics/summary and
// /sla?days=N, fetched together. A part the service refuses (403: not in the
// plan) or cannot deliver stays local, with a note saying why.
class DashboardLoader : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const DashboardFigures &)>;

    explicit DashboardLoader(ApiClient &client, QObject *parent = nullptr);

    // `local` is what is shown until (and unless) the service answers.
    void load(DashboardFigures local, Done done);
    void cancel();

private:
    void onAnswer(DashboardFigures::Part DashboardFigures::*part, const ApiResult &result);

    ApiClient &m_client;
    DashboardFigures m_figures;
    Done m_done;
    QList<quint64> m_tickets;
    int m_pending = 0;
};

} // namespace outpost
