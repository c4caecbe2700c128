#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace outpost {

// One HTTP/1.1 request as received: header names lowercased, values and body raw.
struct HttpRequest
{
    QByteArray method;
    QByteArray target;
    QByteArray version;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // Every value of a header, by case-insensitive name.
    QList<QByteArray> values(QByteArrayView name) const
    {
        QList<QByteArray> found;
        const QByteArray lower = name.toByteArray().toLower();
        for (const auto &[key, value] : headers) {
            if (key == lower)
                found.append(value);
        }
        return found;
    }
};

} // namespace outpost
