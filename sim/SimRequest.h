#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

namespace outpost::sim {

// One API request as the handlers see it: the path below /crm/{client_id},
// the numeric path arguments the route matched, the parsed JSON body and who
// is asking.
struct SimRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QByteArray body;
    QJsonObject json;
    QList<qint64> args;
    qint64 keyId = 0;
    QString idempotencyKey;

    qint64 arg(int index = 0) const { return args.value(index); }
    QString queryValue(const QString &name) const { return query.queryItemValue(name, QUrl::FullyDecoded); }
    bool hasQuery(const QString &name) const { return query.hasQueryItem(name); }
};

} // namespace outpost::sim
