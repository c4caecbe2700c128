#include "DesktopNotifier.h"

#include <QApplication>
#include <QIcon>
#include <QSystemTrayIcon>

namespace outpost {

namespace {

constexpr int kGatherMs = 3000;

} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/outpost.svg")), this);
        m_tray->setToolTip(QApplication::applicationDisplayName());
    }
    m_gather.setSingleShot(true);
    m_gather.setInterval(kGatherMs);
    connect(&m_gather, &QTimer::timeout, this, &DesktopNotifier::flush);
}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::notify(const QString &title, const QString &text)
{
    if (!m_gather.isActive()) {
        // The first of a quiet spell goes out at once; what follows is gathered.
        present(title, text);
        m_gather.start();
        return;
    }
    m_lastTitle = title;
    m_lastText = text;
    ++m_pending;
}

void DesktopNotifier::flush()
{
    if (m_pending == 0)
        return;
    if (m_pending == 1)
        present(m_lastTitle, m_lastText);
    else
        present(tr("%Ln updates", nullptr, m_pending), tr("Latest: %1: %2").arg(m_lastTitle, m_lastText));
    m_pending = 0;
    m_gather.start();
}

void DesktopNotifier::present(const QString &title, const QString &text)
{
    if (m_tray) {
        if (!m_tray->isVisible())
            m_tray->show();
        m_tray->showMessage(title, text, QSystemTrayIcon::Information);
    } else {
        emit inAppNotice(text.isEmpty() ? title : tr("%1: %2").arg(title, text));
    }
    emit shown(title, text);
}

} // namespace outpost
