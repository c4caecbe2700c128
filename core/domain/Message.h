#pragma once

#include <QDateTime>
#include <QString>

namespace outpost {

// One message of a lead's conversation. Ids are opaque text: services use numbers or strings.
struct Message
{
    enum class Direction {
        In,
        Out,
    };

    QString id;
    Direction direction = Direction::In;
    QString author;
    QString text;
    QString channel;
    QDateTime sentAt;

    friend bool operator==(const Message &, const Message &) = default;
};

} // namespace outpost
