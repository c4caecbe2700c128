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
    // Acts again when repeated on a service that ignores the key (a note, a
    // message): never retried here, and the network layer may not quietly
    // re-send it either; the caller checks the server before sending again.
    bool neverRepeat = false;

    static ApiRequest get(QString path, QUrlQuery query = {}, RequestPriority priority = RequestPriority::List);
    static ApiRequest post(QString path, QJsonObject body, RequestPriority priority = RequestPriority::User);
    static ApiRequest remove(QString path, RequestPriority priority = RequestPriority::User);

    // Asking again cannot act twice: GET, or a request the server deduplicates.
    bool safeToRepeat() const { return !neverRepeat && (method == "GET" || !idempotencyKey.isEmpty()); }
};

} // namespace outpost
