#pragma once

#include <QObject>
#include <QTimer>

class QSystemTrayIcon;

namespace outpost {

// Turns short notices (webhook events) into desktop notifications: a tray
// message where the desktop has a system tray, else an in-app notice the
// window shows. Bursts (a service delivers up to 20 events a second) are
// gathered into one message per interval instead of a flood.
class DesktopNotifier : public QObject
{
    Q_OBJECT

public:
    explicit DesktopNotifier(QObject *parent = nullptr);
    ~DesktopNotifier() override;

    bool usesTray() const { return m_tray != nullptr; }

public slots:
    void notify(const QString &title, const QString &text);

signals:
    // Where there is no tray: one line for the status bar.
    void inAppNotice(const QString &text);
    // What was shown, tray or not (for tests and an activity log).
    void shown(const QString &title, const QString &text);

private:
    void flush();
    void present(const QString &title, const QString &text);

    QSystemTrayIcon *m_tray = nullptr;
    QTimer m_gather;
    QString m_lastTitle;
    QString m_lastText;
    int m_pending = 0;
};

} // namespace outpost
