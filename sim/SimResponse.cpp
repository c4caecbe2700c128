#include "SimResponse.h"

#include <QJsonDocument>

namespace outpost::sim {

SimResponse SimResponse::json(const QJsonObject &object, int status)
{
    SimResponse r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

SimResponse SimResponse::ok(QJsonObject fields)
{
    fields.insert(QStringLiteral("ok"), true);
    return json(fields);
}

SimResponse SimResponse::error(int status, const QString &message)
{
    return json(QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), message}}, status);
}

} // namespace outpost::sim
