#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace outpost {

// The Retry-After header in both of its forms (RFC 9110 10.2.3): a number of
// seconds, or an HTTP date. Returns how long to wait in milliseconds (never
// negative), or nothing when the header is missing or unreadable.
class RetryAfter
{
public:
    static std::optional<qint64> parse(const QByteArray &header, const QDateTime &now);

private:
    static std::optional<QDateTime> parseHttpDate(const QString &text);
};

} // namespace outpost
