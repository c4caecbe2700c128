#include "webhooks/HttpRequestReader.h"

namespace outpost {

namespace {

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

// The end of the head: the first empty line, CRLF or bare LF.
qsizetype headEnd(const QByteArray &buffer, qsizetype *separator)
{
    const qsizetype crlf = buffer.indexOf("\r\n\r\n");
    const qsizetype lf = buffer.indexOf("\n\n");
    if (crlf >= 0 && (lf < 0 || crlf < lf)) {
        *separator = 4;
        return crlf;
    }
    *separator = 2;
    return lf;
}

} // namespace

HttpRequestReader::HttpRequestReader(Limits limits)
    : m_limits(limits)
{}

HttpRequestReader::State HttpRequestReader::fail(int status, QString text)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorText = std::move(text);
    m_buffer.clear();
    return m_state;
}

bool HttpRequestReader::takeContinueRequest()
{
    const bool requested = m_continueRequested;
    m_continueRequested = false;
    return requested;
}

HttpRequestReader::State HttpRequestReader::feed(QByteArrayView bytes)
{
    if (m_state != State::NeedMore)
        return m_state;
    if (m_headDone) {
        // Never hold more than the body still missing: extra bytes (a pipelined
        // request, garbage) are not ours to keep.
        m_buffer.append(bytes.first(std::min(bytes.size(), m_contentLength - m_buffer.size())));
        return readBody();
    }
    m_buffer.append(bytes);
    qsizetype separator = 0;
    const qsizetype end = headEnd(m_buffer, &separator);
    if (end < 0) {
        if (m_buffer.size() > m_limits.maxHeadBytes)
            return fail(431, QStringLiteral("request head larger than %1 bytes").arg(m_limits.maxHeadBytes));
        return m_state;
    }
    if (end > m_limits.maxHeadBytes)
        return fail(431, QStringLiteral("request head larger than %1 bytes").arg(m_limits.maxHeadBytes));
    const QByteArray head = m_buffer.left(end);
    m_buffer.remove(0, end + separator);
    if (parseHead(head) == State::Failed)
        return m_state;
    m_headDone = true;
    if (checkBodyFraming() == State::Failed)
        return m_state;
    if (m_buffer.size() > m_contentLength)
        m_buffer.truncate(m_contentLength);
    return readBody();
}

bool HttpRequestReader::parseRequestLine(QByteArrayView line)
{
    const QList<QByteArray> parts = line.toByteArray().split(' ');
    if (parts.size() != 3 || !isToken(parts.at(0)) || parts.at(1).isEmpty())
        return false;
    if (parts.at(2) != "HTTP/1.1" && parts.at(2) != "HTTP/1.0")
        return false;
    m_request.method = parts.at(0);
    m_request.target = parts.at(1);
    m_request.version = parts.at(2);
    return true;
}

HttpRequestReader::State HttpRequestReader::parseHead(QByteArrayView head)
{
    QList<QByteArray> lines = head.toByteArray().split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    if (lines.isEmpty() || !parseRequestLine(lines.first()))
        return fail(400, QStringLiteral("malformed request line"));
    if (lines.size() - 1 > m_limits.maxHeaders)
        return fail(431, QStringLiteral("more than %1 header fields").arg(m_limits.maxHeaders));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        // Folded continuation lines are obsolete and a classic smuggling vector.
        if (line.startsWith(' ') || line.startsWith('\t'))
            return fail(400, QStringLiteral("folded header lines are not accepted"));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(QByteArrayView(line).first(colon)))
            return fail(400, QStringLiteral("malformed header field"));
        m_request.headers.append({line.left(colon).toLower(), line.mid(colon + 1).trimmed()});
    }
    return m_state;
}

HttpRequestReader::State HttpRequestReader::checkBodyFraming()
{
    if (!m_request.values("transfer-encoding").isEmpty())
        return fail(501, QStringLiteral("Transfer-Encoding is not supported: send a Content-Length"));
    const QList<QByteArray> lengths = m_request.values("content-length");
    if (lengths.isEmpty()) {
        if (m_request.method == "POST")
            return fail(411, QStringLiteral("a POST needs a Content-Length"));
        m_contentLength = 0;
        return m_state;
    }
    for (const QByteArray &value : lengths) {
        if (value != lengths.first())
            return fail(400, QStringLiteral("conflicting Content-Length fields"));
    }
    const QByteArray &text = lengths.first();
    // Digits only: toLongLong would accept "+5" or " 5".
    if (text.isEmpty() || text.size() > 18 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return fail(400, QStringLiteral("malformed Content-Length"));
    m_contentLength = text.toLongLong();
    if (m_contentLength > m_limits.maxBodyBytes)
        return fail(413, QStringLiteral("body larger than %1 bytes").arg(m_limits.maxBodyBytes));
    for (const QByteArray &expect : m_request.values("expect")) {
        if (expect.compare("100-continue", Qt::CaseInsensitive) == 0 && m_contentLength > m_buffer.size())
            m_continueRequested = true;
    }
    return m_state;
}

HttpRequestReader::State HttpRequestReader::readBody()
{
    if (m_buffer.size() < m_contentLength)
        return m_state;
    m_request.body = std::move(m_buffer);
    m_buffer = QByteArray();
    m_state = State::Complete;
    return m_state;
}

} // namespace outpost
