#pragma once

#include "api/RequestPriority.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace outpost {

// One call of the contract, relative to /crm/{client_id}.
struct ApiRequest
{
    QByteArray method = "GET";
    // For example "/leads" or "/lead/42/note".
    QString path;
    QUrlQuery query;
    std::optional<QJsonObject> body;
    RequestPriority priority = RequestPriority::List;
    // Sent as Idempotency-Key on mutating requests that have one.
    QString idempotencyKey;

    static ApiRequest get(QString path, QUrlQuery query = {}, RequestPriority priority = RequestPriority::List);
    static ApiRequest post(QString path, QJsonObject body, RequestPriority priority = RequestPriority::User);
    static ApiRequest remove(QString path, RequestPriority priority = RequestPriority::User);

    // Asking again cannot act twice: GET, or a request the server deduplicates.
    bool safeToRepeat() const { return method == "GET" || !idempotencyKey.isEmpty(); }
};

} // namespace outpost
