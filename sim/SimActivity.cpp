#include "SimActivity.h"

#include "SimWorld.h"
#include "domain/LeadCodec.h"

#include <QSqlQuery>

namespace outpost::sim {

namespace {

QJsonObject leadData(const Lead &lead)
{
    return QJsonObject{{QStringLiteral("lead_id"), lead.id}, {QStringLiteral("lead"), LeadCodec::leadToJson(lead)}};
}

} // namespace

SimActivity::SimActivity(SimWorld &world, QObject *parent)
    : QObject(parent)
    , m_world(world)
    , m_random(static_cast<quint32>(world.options().seed ^ 0xAC71u))
{
    connect(&m_timer, &QTimer::timeout, this, [this] { step(); });
}

void SimActivity::setRate(double perMinute)
{
    m_rate = perMinute;
    m_timer.stop();
    if (perMinute > 0) {
        m_timer.setInterval(std::max(1, static_cast<int>(60000.0 / perMinute)));
        m_timer.start();
    }
}

QStringList SimActivity::run(int count)
{
    QStringList done;
    for (int i = 0; i < count; ++i)
        done.append(step());
    return done;
}

QString SimActivity::step()
{
    m_world.store().begin();
    const QString done = applyOne();
    m_world.store().commit();
    return done;
}

QString SimActivity::applyOne()
{
    const int roll = static_cast<int>(m_random.bounded(100));
    if (roll < 25)
        return newLead();
    if (roll < 65)
        return incomingMessage();
    if (roll < 90)
        return statusChange();
    return escalation();
}

qint64 SimActivity::randomLeadId()
{
    QSqlQuery q(m_world.store().db());
    q.exec(QStringLiteral("SELECT min(id), max(id) FROM leads"));
    if (!q.next() || q.value(0).isNull())
        return 0;
    const qint64 low = q.value(0).toLongLong();
    const qint64 high = q.value(1).toLongLong();
    const qint64 pick = low + static_cast<qint64>(m_random.bounded(static_cast<quint64>(high - low + 1)));
    q.prepare(QStringLiteral("SELECT id FROM leads WHERE id >= ? ORDER BY id LIMIT 1"));
    q.addBindValue(pick);
    return q.exec() && q.next() ? q.value(0).toLongLong() : low;
}

QString SimActivity::newLead()
{
    SimLeadRow row;
    // Fresh people from the same generator, past the seeded range.
    row.lead = m_world.generator().lead(m_world.options().leads + 1 + m_generated++);
    row.lead.status = LeadStatus(LeadStatus::New);
    row.lead.createdAt = m_world.now();
    row.lead.updatedAt = row.lead.createdAt;
    row.lead.lastMessageAt = QDateTime();
    row.lead.escalated = false;
    row = m_world.leads().insert(row);
    Message hello;
    hello.direction = Message::Direction::In;
    hello.author = row.lead.name;
    hello.text = QStringLiteral("Hi! I'd like to know more.");
    hello.channel = row.lead.channel;
    hello.sentAt = m_world.now();
    m_world.leads().addMessage(row, hello);
    m_world.touchAndSave(row);
    m_world.emitEvent(QStringLiteral("new_lead"), leadData(row.lead));
    return QStringLiteral("new_lead %1").arg(row.lead.id);
}

QString SimActivity::incomingMessage()
{
    auto row = m_world.leads().row(randomLeadId());
    if (!row)
        return newLead();
    Message m;
    m.direction = Message::Direction::In;
    m.author = row->lead.name;
    m.text = QStringLiteral("Any news about my request?");
    m.channel = row->lead.channel;
    m.sentAt = m_world.now();
    m = m_world.leads().addMessage(*row, m);
    m_world.touchAndSave(*row);
    QJsonObject data = leadData(row->lead);
    data.insert(QStringLiteral("message"), LeadCodec::messageToJson(m));
    m_world.emitEvent(QStringLiteral("message_received"), data);
    return QStringLiteral("message_received %1").arg(row->lead.id);
}

QString SimActivity::statusChange()
{
    auto row = m_world.leads().row(randomLeadId());
    if (!row)
        return newLead();
    const LeadStatus old = row->lead.status;
    // Forward along the pipeline; booked leads close, a few leads are lost.
    LeadStatus next(LeadStatus::Contacted);
    if (m_random.bounded(10) == 0)
        next = LeadStatus(LeadStatus::Lost);
    else if (old.stage() == LeadStatus::Booked || old.stage() == LeadStatus::Lost || old.stage() == LeadStatus::Closed)
        next = LeadStatus(LeadStatus::Closed);
    else if (old.isKnown())
        next = LeadStatus(static_cast<LeadStatus::Stage>(old.stage() + 1));
    if (next == old)
        next = LeadStatus(LeadStatus::Contacted);
    row->setStatus(next, m_world.nowMs());
    m_world.touchAndSave(*row);
    QJsonObject data = leadData(row->lead);
    data.insert(QStringLiteral("old_status"), old.toString());
    data.insert(QStringLiteral("new_status"), next.toString());
    m_world.emitEvent(QStringLiteral("lead_status_changed"), data);
    return QStringLiteral("lead_status_changed %1 %2->%3").arg(row->lead.id).arg(old.toString(), next.toString());
}

QString SimActivity::escalation()
{
    auto row = m_world.leads().row(randomLeadId());
    if (!row)
        return newLead();
    row->lead.escalated = true;
    m_world.touchAndSave(*row);
    m_world.emitEvent(QStringLiteral("lead_escalated"), leadData(row->lead));
    return QStringLiteral("lead_escalated %1").arg(row->lead.id);
}

} // namespace outpost::sim
