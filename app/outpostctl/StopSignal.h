#pragma once

#include <QObject>

class QSocketNotifier;

namespace outpost::ctl {

// SIGINT and SIGTERM as a Qt signal, so a command that runs until stopped
// (listen) ends from its event loop with a summary instead of dying mid-write.
// The handler only writes a byte to a socket pair: the one thing it may safely do.
class StopSignal : public QObject
{
    Q_OBJECT

public:
    explicit StopSignal(QObject *parent = nullptr);
    ~StopSignal() override;

signals:
    void stopRequested();

private:
    static void handle(int signal);
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace outpost::ctl
