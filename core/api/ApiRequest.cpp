#include "api/ApiRequest.h"

namespace outpost {

ApiRequest ApiRequest::get(QString path, QUrlQuery query, RequestPriority priority)
{
    ApiRequest request;
    request.path = std::move(path);
    request.query = std::move(query);
    request.priority = priority;
    return request;
}

ApiRequest ApiRequest::post(QString path, QJsonObject body, RequestPriority priority)
{
    ApiRequest request;
    request.method = "POST";
    request.path = std::move(path);
    request.body = std::move(body);
    request.priority = priority;
    return request;
}

ApiRequest ApiRequest::remove(QString path, RequestPriority priority)
{
    ApiRequest request;
    request.method = "DELETE";
    request.path = std::move(path);
    request.priority = priority;
    return request;
}

} // namespace outpost
