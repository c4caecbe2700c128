#include "api/ApiError.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace outpost {

namespace {

ApiError::Kind kindOf(int status)
{
    switch (status) {
    case 400:
        return ApiError::Kind::BadRequest;
    case 401:
        return ApiError::Kind::Unauthorized;
    case 403:
        return ApiError::Kind::Forbidden;
    case 404:
        return ApiError::Kind::NotFound;
    case 409:
        return ApiError::Kind::Conflict;
    case 429:
        return ApiError::Kind::RateLimited;
    default:
        return status >= 500 && status <= 599 ? ApiError::Kind::Server : ApiError::Kind::Http;
    }
}

// The server's `error` text, if the body is a JSON object that has one. HTML
// pages and other bodies are not shown: they are noise to a person.
QString serverText(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return {};
    const QJsonValue error = document.object().value(QLatin1String("error"));
    if (error.isString())
        return error.toString().left(500);
    return {};
}

QString fallbackText(int status)
{
    switch (kindOf(status)) {
    case ApiError::Kind::Unauthorized:
        return QCoreApplication::translate("ApiError",
                                           "The API key was refused (missing, invalid, expired or revoked).");
    case ApiError::Kind::Forbidden:
        return QCoreApplication::translate("ApiError", "This plan does not include this feature.");
    case ApiError::Kind::NotFound:
        return QCoreApplication::translate("ApiError", "Not found on the server.");
    case ApiError::Kind::RateLimited:
        return QCoreApplication::translate("ApiError", "Too many requests; waiting as the server asked.");
    case ApiError::Kind::Server:
        return QCoreApplication::translate("ApiError", "The server had an error (HTTP %1).").arg(status);
    default:
        return QCoreApplication::translate("ApiError", "The server answered HTTP %1.").arg(status);
    }
}

} // namespace

ApiError ApiError::fromHttp(int status, const QByteArray &body)
{
    ApiError error;
    error.kind = kindOf(status);
    error.httpStatus = status;
    error.message = serverText(body);
    if (error.message.isEmpty())
        error.message = fallbackText(status);
    error.retryable = error.kind == Kind::Server || error.kind == Kind::RateLimited;
    // A 5xx may come after the server acted (a proxy timing out, a crash after the write).
    error.ambiguous = error.kind == Kind::Server;
    return error;
}

ApiError ApiError::network(const QString &message, bool ambiguous)
{
    ApiError error;
    error.kind = Kind::Network;
    error.message = message;
    error.retryable = true;
    error.ambiguous = ambiguous;
    return error;
}

ApiError ApiError::timeout(bool ambiguous)
{
    ApiError error;
    error.kind = Kind::Timeout;
    error.message = QCoreApplication::translate("ApiError", "The server did not answer in time.");
    error.retryable = true;
    error.ambiguous = ambiguous;
    return error;
}

ApiError ApiError::badResponse(const QString &message)
{
    ApiError error;
    error.kind = Kind::BadResponse;
    error.message = message;
    // A truncated or garbled answer may be a passing fault of a proxy; the
    // request may also have acted, so it is ambiguous too.
    error.retryable = true;
    error.ambiguous = true;
    return error;
}

ApiError ApiError::cancelled()
{
    ApiError error;
    error.kind = Kind::Cancelled;
    error.message = QCoreApplication::translate("ApiError", "Cancelled.");
    return error;
}

QString ApiError::describe() const
{
    return httpStatus ? QStringLiteral("HTTP %1: %2").arg(httpStatus).arg(message) : message;
}

} // namespace outpost
