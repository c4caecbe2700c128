#pragma once

#include "webhooks/HttpRequestReader.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <chrono>

class QTcpSocket;

namespace outpost {

// One accepted TCP connection of the webhook receiver: reads one request
// within a deadline (a slow sender cannot hold it open), answers once, closes.
class WebhookConnection : public QObject
{
    Q_OBJECT

public:
    WebhookConnection(QTcpSocket *socket, HttpRequestReader::Limits limits, std::chrono::milliseconds deadline,
                      QObject *parent = nullptr);

    // Answers with `status` and a JSON body, then closes the connection.
    void respond(int status, const QJsonObject &body);

signals:
    void requestReceived(outpost::WebhookConnection *connection, const outpost::HttpRequest &request);
    // The request could not be read: the reader's status (4xx/5xx), or 408 after the deadline.
    void requestFailed(outpost::WebhookConnection *connection, int status, const QString &reason);
    void closed(outpost::WebhookConnection *connection);

private:
    void onReadyRead();
    void onDeadline();
    void finishSending();
    void close();

    QTcpSocket *m_socket;
    HttpRequestReader m_reader;
    QTimer m_deadline;
    bool m_answered = false;
    bool m_closed = false;
    bool m_sendingClosed = false;
};

} // namespace outpost
