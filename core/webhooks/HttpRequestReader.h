#pragma once

#include "webhooks/HttpRequest.h"

#include <QByteArray>

namespace outpost {

// Reads one HTTP/1.1 request from bytes as they arrive, in pieces of any size.
// Strict where laxness is dangerous (sizes, Content-Length, folded headers),
// and it never buffers more than the limits allow.
class HttpRequestReader
{
public:
    struct Limits
    {
        qsizetype maxHeadBytes = 16 * 1024;
        qsizetype maxHeaders = 100;
        qsizetype maxBodyBytes = 1024 * 1024;
    };

    enum class State {
        NeedMore,
        Complete,
        Failed,
    };

    explicit HttpRequestReader(Limits limits);

    State feed(QByteArrayView bytes);
    State state() const { return m_state; }

    // True once, when the head asked for "100 Continue" and the body may come.
    bool takeContinueRequest();

    const HttpRequest &request() const { return m_request; }
    // When Failed: the status to answer with and why.
    int errorStatus() const { return m_errorStatus; }
    const QString &errorText() const { return m_errorText; }

private:
    State fail(int status, QString text);
    State parseHead(QByteArrayView head);
    bool parseRequestLine(QByteArrayView line);
    State checkBodyFraming();
    State readBody();

    Limits m_limits;
    State m_state = State::NeedMore;
    QByteArray m_buffer;
    bool m_headDone = false;
    qsizetype m_contentLength = 0;
    bool m_continueRequested = false;
    HttpRequest m_request;
    int m_errorStatus = 0;
    QString m_errorText;
};

} // namespace outpost
