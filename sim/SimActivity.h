#pragma once

#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace outpost::sim {

class SimWorld;

// Makes the world move: new leads, incoming messages, status changes and
// escalations by "other agents", each also published as a webhook event.
class SimActivity : public QObject
{
    Q_OBJECT

public:
    explicit SimActivity(SimWorld &world, QObject *parent = nullptr);

    // Events per minute; 0 stops the clock. Manual events still work.
    void setRate(double perMinute);
    double rate() const { return m_rate; }
    // Applies `count` events at once; returns what happened, one line each.
    QStringList run(int count);

private:
    QString step();
    QString applyOne();
    QString newLead();
    QString incomingMessage();
    QString statusChange();
    QString escalation();
    qint64 randomLeadId();

    SimWorld &m_world;
    QTimer m_timer;
    QRandomGenerator m_random;
    double m_rate = 0;
    qint64 m_generated = 0;
};

} // namespace outpost::sim
