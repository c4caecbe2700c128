#pragma once

#include <QDateTime>
#include <QString>

namespace outpost {

struct Note
{
    QString id;
    QString author;
    QString text;
    QDateTime createdAt;

    friend bool operator==(const Note &, const Note &) = default;
};

} // namespace outpost
