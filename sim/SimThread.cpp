#include "SimThread.h"

#include "SimServer.h"

namespace outpost::sim {

SimThread::SimThread(SimOptions options, QObject *parent)
    : QThread(parent)
    , m_options(std::move(options))
{}

SimThread::~SimThread()
{
    stopServer();
}

bool SimThread::startServer(QString *error)
{
    start();
    QMutexLocker lock(&m_mutex);
    while (!m_done)
        m_started.wait(&m_mutex);
    if (!m_error.isEmpty()) {
        *error = m_error;
        return false;
    }
    return true;
}

void SimThread::stopServer()
{
    if (!isRunning())
        return;
    quit();
    wait();
}

QUrl SimThread::baseUrl() const
{
    QMutexLocker lock(&m_mutex);
    return m_baseUrl;
}

QString SimThread::apiKey() const
{
    QMutexLocker lock(&m_mutex);
    return m_apiKey;
}

void SimThread::run()
{
    SimServer server(m_options);
    QString error;
    const bool ok = server.start(&error);
    {
        QMutexLocker lock(&m_mutex);
        m_done = true;
        m_error = ok ? QString() : (error.isEmpty() ? QStringLiteral("outpost-sim failed to start") : error);
        m_baseUrl = server.baseUrl();
        m_apiKey = server.initialKey();
        m_started.wakeAll();
    }
    if (ok)
        exec();
}

} // namespace outpost::sim
