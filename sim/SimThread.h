#pragma once

#include "SimOptions.h"

#include <QMutex>
#include <QThread>
#include <QUrl>
#include <QWaitCondition>

namespace outpost::sim {

// Runs a SimServer on its own thread so that a test (or the demo) can talk to
// it over loopback from the main thread. The server is created, seeded and
// destroyed inside the thread.
class SimThread : public QThread
{
    Q_OBJECT

public:
    explicit SimThread(SimOptions options, QObject *parent = nullptr);
    ~SimThread() override;

    // Starts the thread and waits until the server listens (or failed): seeding
    // a large world takes a while, and nothing is usable before it is done.
    bool startServer(QString *error);
    void stopServer();

    QUrl baseUrl() const;
    QString apiKey() const;
    QString clientId() const { return m_options.clientId; }

protected:
    void run() override;

private:
    SimOptions m_options;
    mutable QMutex m_mutex;
    QWaitCondition m_started;
    bool m_done = false;
    QString m_error;
    QUrl m_baseUrl;
    QString m_apiKey;
};

} // namespace outpost::sim
