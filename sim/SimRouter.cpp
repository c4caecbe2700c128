#include "SimRouter.h"

namespace outpost::sim {

namespace {

bool isParameter(const QString &segment)
{
    return segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
}

QStringList split(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

} // namespace

void SimRouter::get(const QString &pattern, Handler handler, Plan plan)
{
    add(QByteArrayLiteral("GET"), pattern, std::move(handler), plan);
}

void SimRouter::post(const QString &pattern, Handler handler, Plan plan)
{
    add(QByteArrayLiteral("POST"), pattern, std::move(handler), plan);
}

void SimRouter::patch(const QString &pattern, Handler handler, Plan plan)
{
    add(QByteArrayLiteral("PATCH"), pattern, std::move(handler), plan);
}

void SimRouter::del(const QString &pattern, Handler handler, Plan plan)
{
    add(QByteArrayLiteral("DELETE"), pattern, std::move(handler), plan);
}

void SimRouter::add(const QByteArray &method, const QString &pattern, Handler handler, Plan plan)
{
    Route r;
    r.method = method;
    r.segments = split(pattern);
    r.plan = plan;
    r.mutates = method != QByteArrayLiteral("GET");
    r.handler = std::move(handler);
    // Literal routes first, so that /campaigns/preview never reads as /campaigns/{id}.
    const bool literal = std::none_of(r.segments.cbegin(), r.segments.cend(), isParameter);
    if (literal)
        m_routes.prepend(std::move(r));
    else
        m_routes.append(std::move(r));
}

bool SimRouter::matches(const Route &route, const QStringList &segments, QList<qint64> *args, QString *bad)
{
    if (route.segments.size() != segments.size())
        return false;
    args->clear();
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &want = route.segments.at(i);
        if (!isParameter(want)) {
            if (want != segments.at(i))
                return false;
            continue;
        }
        bool ok = false;
        const qint64 value = segments.at(i).toLongLong(&ok);
        if (!ok || value <= 0) {
            *bad = QStringLiteral("%1 must be a positive integer, got \"%2\"")
                       .arg(want.mid(1, want.size() - 2), segments.at(i).left(64));
            args->append(-1);
            continue;
        }
        args->append(value);
    }
    return true;
}

SimRouter::Match SimRouter::match(const QByteArray &method, const QString &path) const
{
    const QStringList segments = split(path);
    Match result;
    for (const Route &route : m_routes) {
        QList<qint64> args;
        QString bad;
        if (!matches(route, segments, &args, &bad))
            continue;
        if (!bad.isEmpty()) {
            if (result.kind == Match::NotFound) {
                result.kind = Match::BadArgument;
                result.message = bad;
            }
            continue;
        }
        if (route.method != method) {
            if (result.kind == Match::NotFound)
                result.kind = Match::WrongMethod;
            continue;
        }
        result.kind = Match::Found;
        result.route = &route;
        result.args = args;
        return result;
    }
    return result;
}

} // namespace outpost::sim
