#include "webhooks/WebhookConnection.h"

#include <QJsonDocument>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace outpost {

namespace {

// A client that does not read its answer may not keep the connection either.
constexpr std::chrono::milliseconds kLinger{5000};
// What Qt may buffer from the socket before we read it: beyond this, TCP's
// own flow control holds the sender back instead of our memory.
constexpr qint64 kReadBufferBytes = 64 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

} // namespace

WebhookConnection::WebhookConnection(QTcpSocket *socket, HttpRequestReader::Limits limits,
                                     std::chrono::milliseconds deadline, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_reader(limits)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kReadBufferBytes);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &WebhookConnection::onDeadline);
    connect(m_socket, &QTcpSocket::readyRead, this, &WebhookConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &WebhookConnection::close);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        // The peer closing after sending everything is normal; an answer may still be due.
        if (error != QAbstractSocket::RemoteHostClosedError || m_answered)
            close();
    });
    m_deadline.start(deadline);
    // Bytes may have arrived before the connections above were made.
    QMetaObject::invokeMethod(this, &WebhookConnection::onReadyRead, Qt::QueuedConnection);
}

void WebhookConnection::onReadyRead()
{
    if (m_closed)
        return;
    if (m_answered) {
        // Drain what the sender still sends (an oversized body after our 413):
        // closing with unread data would reset the connection and could
        // destroy the answer before the sender reads it. Bounded by kLinger.
        m_socket->readAll();
        return;
    }
    const HttpRequestReader::State state = m_reader.feed(m_socket->readAll());
    switch (state) {
    case HttpRequestReader::State::NeedMore:
        if (m_reader.takeContinueRequest())
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        return;
    case HttpRequestReader::State::Failed:
        emit requestFailed(this, m_reader.errorStatus(), m_reader.errorText());
        return;
    case HttpRequestReader::State::Complete:
        m_deadline.stop();
        emit requestReceived(this, m_reader.request());
        return;
    }
}

void WebhookConnection::onDeadline()
{
    if (m_answered) {
        // The answer was sent and never collected.
        m_socket->abort();
        close();
        return;
    }
    emit requestFailed(this, 408, QStringLiteral("the request did not arrive in time"));
}

void WebhookConnection::respond(int status, const QJsonObject &body)
{
    if (m_answered || m_closed)
        return;
    m_answered = true;
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    head += "Content-Type: application/json\r\n";
    head += "Content-Length: " + QByteArray::number(payload.size()) + "\r\n";
    head += "Connection: close\r\n\r\n";
    m_deadline.start(kLinger);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_socket->bytesToWrite() == 0)
            finishSending();
    });
    m_socket->write(head + payload);
    m_socket->flush();
    if (m_socket->bytesToWrite() == 0)
        finishSending();
}

// Half-close: the answer is complete, but the sender may still be sending (a
// body after our 413). Closing outright with unread bytes would make the
// kernel reset the connection and could destroy the answer in flight; so
// only our direction closes, the rest is drained until the sender closes
// too or kLinger runs out.
void WebhookConnection::finishSending()
{
    if (m_sendingClosed)
        return;
    m_sendingClosed = true;
#ifdef Q_OS_UNIX
    if (m_socket->socketDescriptor() != -1 && ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR) == 0)
        return;
#endif
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        close();
}

void WebhookConnection::close()
{
    if (m_closed)
        return;
    m_closed = true;
    m_deadline.stop();
    emit closed(this);
    deleteLater();
}

} // namespace outpost
