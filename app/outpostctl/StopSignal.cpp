#include "StopSignal.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace outpost::ctl {

namespace {

// One pair per process: signal handlers cannot reach an object.
int g_pair[2] = {-1, -1};

} // namespace

StopSignal::StopSignal(QObject *parent)
    : QObject(parent)
{
    if (g_pair[0] == -1 && ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_pair) != 0)
        return;
    m_notifier = new QSocketNotifier(g_pair[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &StopSignal::onReadable);
    struct sigaction action = {};
    action.sa_handler = &StopSignal::handle;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

StopSignal::~StopSignal()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

void StopSignal::handle(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_pair[0], &byte, 1);
}

void StopSignal::onReadable()
{
    char byte = 0;
    [[maybe_unused]] const auto read = ::read(g_pair[1], &byte, 1);
    emit stopRequested();
}

} // namespace outpost::ctl
