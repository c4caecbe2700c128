#include "SimFixture.h"

#include "SimThread.h"

#include <QJsonDocument>
#include <QSignalSpy>

namespace outpost::test {

QByteArray SimFixture::Reply::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return QByteArray();
}

SimFixture::SimFixture() = default;

SimFixture::~SimFixture()
{
    stop();
}

sim::SimOptions SimFixture::defaultOptions(qint64 leads)
{
    sim::SimOptions o;
    o.leads = leads;
    o.seed = 7;
    o.rateLimit = 0; // tests about the limit turn it on
    o.clientId = QStringLiteral("test-client");
    return o;
}

bool SimFixture::start(const sim::SimOptions &options)
{
    stop();
    sim::SimOptions o = options;
    o.port = 0;
    o.listenAddress = QStringLiteral("127.0.0.1");
    m_thread = std::make_unique<sim::SimThread>(o);
    if (!m_thread->startServer(&m_error)) {
        m_thread.reset();
        return false;
    }
    return true;
}

void SimFixture::stop()
{
    if (m_thread) {
        m_thread->stopServer();
        m_thread.reset();
    }
}

QUrl SimFixture::baseUrl() const
{
    return m_thread ? m_thread->baseUrl() : QUrl();
}

QString SimFixture::clientId() const
{
    return m_thread ? m_thread->clientId() : QString();
}

QString SimFixture::apiKey() const
{
    return m_thread ? m_thread->apiKey() : QString();
}

QUrl SimFixture::apiUrl(const QString &path, const QUrlQuery &query) const
{
    QUrl url = baseUrl();
    url.setPath(QStringLiteral("/crm/") + clientId() + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

QJsonValue SimFixture::admin(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    QUrl url = baseUrl();
    QString p = path;
    const qsizetype queryAt = p.indexOf(QLatin1Char('?'));
    if (queryAt >= 0) {
        url.setQuery(p.mid(queryAt + 1));
        p.truncate(queryAt);
    }
    if (!p.startsWith(QStringLiteral("/__sim/")))
        p = QStringLiteral("/__sim/") + (p.startsWith(QLatin1Char('/')) ? p.mid(1) : p);
    url.setPath(p);
    const QByteArray bytes = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    const Reply reply = request(method, url, bytes, {});
    if (reply.status == 0)
        return QJsonValue(QJsonValue::Undefined);
    return reply.json;
}

QJsonArray SimFixture::ledger(qint64 since)
{
    return admin("GET", QStringLiteral("ledger?since=%1").arg(since))
        .toObject()
        .value(QStringLiteral("entries"))
        .toArray();
}

qint64 SimFixture::ledgerHead()
{
    const QJsonArray all = ledger(0);
    return all.isEmpty() ? 0 : all.last().toObject().value(QStringLiteral("seq")).toInteger();
}

SimFixture::Reply SimFixture::api(const QByteArray &method, const QString &path, const QJsonObject &body,
                                  const Headers &headers, const QString &key)
{
    Headers all = headers;
    const QString secret = key.isNull() ? apiKey() : key;
    if (!secret.isEmpty())
        all.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + secret.toUtf8()});
    QUrl url = baseUrl();
    QString p = path;
    const qsizetype queryAt = p.indexOf(QLatin1Char('?'));
    if (queryAt >= 0) {
        url.setQuery(p.mid(queryAt + 1));
        p.truncate(queryAt);
    }
    url.setPath(QStringLiteral("/crm/") + clientId() + p);
    const QByteArray bytes =
        method == "GET" || body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request(method, url, bytes, all);
}

SimFixture::Reply SimFixture::get(const QString &path, const QUrlQuery &query)
{
    QString p = path;
    if (!query.isEmpty())
        p += QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
    return api("GET", p);
}

SimFixture::Reply SimFixture::request(const QByteArray &method, const QUrl &url, const QByteArray &body,
                                      const Headers &headers, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(timeoutMs))
        qWarning("outpost-sim did not answer %s %s within %d ms", method.constData(), qPrintable(url.path()),
                 timeoutMs);
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    if (doc.isObject())
        r.json = doc.object();
    if (!reply->isFinished())
        reply->abort();
    reply->deleteLater();
    return r;
}

} // namespace outpost::test
