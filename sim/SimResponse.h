#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace outpost::sim {

// What a handler answers: a status, a body and extra headers. `mutation`
// names what the request changed (for the ledger); empty for reads.
struct SimResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<QPair<QByteArray, QByteArray>> headers;
    QString mutation;

    static SimResponse json(const QJsonObject &object, int status = 200);
    // {"ok": true, ...fields}
    static SimResponse ok(QJsonObject fields = {});
    // {"ok": false, "error": message}
    static SimResponse error(int status, const QString &message);
    SimResponse &mutating(const QString &what)
    {
        mutation = what;
        return *this;
    }
    bool isSuccess() const { return status >= 200 && status < 300; }
};

} // namespace outpost::sim
