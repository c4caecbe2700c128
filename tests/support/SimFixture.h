#pragma once

#include "SimOptions.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

namespace outpost::sim {
class SimThread;
}

namespace outpost::test {

// An outpost-sim on its own thread and a random loopback port, for tests that
// talk to it over real HTTP. The helpers below wait synchronously (test code
// only): admin() for /__sim/ endpoints, api() for the contract's endpoints.
class SimFixture
{
public:
    struct Reply
    {
        int status = 0; // 0: no HTTP answer
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QByteArray body;
        QJsonObject json; // empty when the body is not a JSON object
        QList<QNetworkReply::RawHeaderPair> headers;

        QByteArray header(const QByteArray &name) const;
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    SimFixture();
    ~SimFixture();
    SimFixture(const SimFixture &) = delete;
    SimFixture &operator=(const SimFixture &) = delete;

    // Starts the server (port forced to 0 on 127.0.0.1; a fresh key when none
    // is given). Returns false and sets errorString() when it cannot start.
    bool start(const sim::SimOptions &options);
    bool start() { return start(defaultOptions()); }
    void stop();
    QString errorString() const { return m_error; }

    static sim::SimOptions defaultOptions(qint64 leads = 200);

    QUrl baseUrl() const;
    QString clientId() const;
    QString apiKey() const;
    // baseUrl + /crm/{client_id} + path (path starts with '/').
    QUrl apiUrl(const QString &path, const QUrlQuery &query = QUrlQuery()) const;

    // An admin call; `path` under /__sim/ ("ledger" or "/__sim/ledger").
    // Returns the answer's JSON object (as a value), Undefined on no answer.
    QJsonValue admin(const QByteArray &method, const QString &path, const QJsonObject &body = QJsonObject());
    // Ledger entries after sequence number `since`.
    QJsonArray ledger(qint64 since = 0);
    // The last sequence number in the ledger (0 when empty).
    qint64 ledgerHead();

    // A contract call with the fixture's key unless `key` is given (an empty
    // QString() uses the fixture's key; use QStringLiteral("") for none).
    Reply api(const QByteArray &method, const QString &path, const QJsonObject &body = QJsonObject(),
              const Headers &headers = Headers(), const QString &key = QString());
    Reply get(const QString &path, const QUrlQuery &query = QUrlQuery());
    // A sanitizer build on a loaded machine can take long over a big export:
    // waiting is cheap, a silently empty answer fails a test for nothing.
    Reply request(const QByteArray &method, const QUrl &url, const QByteArray &body, const Headers &headers,
                  int timeoutMs = 180000);

    QNetworkAccessManager &network() { return m_network; }

private:
    std::unique_ptr<sim::SimThread> m_thread;
    QNetworkAccessManager m_network;
    QString m_error;
};

} // namespace outpost::test
