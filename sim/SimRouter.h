#pragma once

#include "SimRequest.h"
#include "SimResponse.h"

#include <functional>

namespace outpost::sim {

// Method + path patterns such as "/lead/{lead_id}/status"; a {name} segment
// matches a positive integer only, and literal routes win over patterns.
class SimRouter
{
public:
    enum class Plan {
        Basic,
        Premium,
    };
    using Handler = std::function<SimResponse(const SimRequest &)>;

    struct Route
    {
        QByteArray method;
        QStringList segments;
        Plan plan = Plan::Basic;
        bool mutates = false;
        Handler handler;
    };

    struct Match
    {
        enum Kind {
            Found,
            NotFound,
            WrongMethod,
            BadArgument,
        };
        Kind kind = NotFound;
        const Route *route = nullptr;
        QList<qint64> args;
        QString message; // for BadArgument
    };

    void get(const QString &pattern, Handler handler, Plan plan = Plan::Basic);
    void post(const QString &pattern, Handler handler, Plan plan = Plan::Basic);
    void patch(const QString &pattern, Handler handler, Plan plan = Plan::Basic);
    void del(const QString &pattern, Handler handler, Plan plan = Plan::Basic);

    Match match(const QByteArray &method, const QString &path) const;

private:
    void add(const QByteArray &method, const QString &pattern, Handler handler, Plan plan);
    static bool matches(const Route &route, const QStringList &segments, QList<qint64> *args, QString *bad);

    QList<Route> m_routes;
};

} // namespace outpost::sim
