#include "SimWorld.h"

#include "SimMessageTemplate.h"

namespace outpost::sim {

SimWorld::SimWorld(const SimOptions &options)
    : m_options(options)
    , m_generator(options.seed, std::max<qint64>(options.leads, 1), QDateTime::currentDateTimeUtc(), options.agents)
{}

qint64 SimWorld::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

QDateTime SimWorld::now() const
{
    return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);
}

void SimWorld::emitEvent(const QString &event, const QJsonObject &data)
{
    if (m_sink)
        m_sink(event, data);
}

void SimWorld::touchAndSave(SimLeadRow &row)
{
    const qint64 before = row.lead.updatedAt.isValid() ? row.lead.updatedAt.toMSecsSinceEpoch() : 0;
    row.lead.updatedAt = QDateTime::fromMSecsSinceEpoch(std::max(nowMs(), before + 1), Qt::UTC);
    leads().save(row);
    leadsChanged();
}

qint64 SimWorld::messageLeads(const QList<qint64> &ids, const QString &text, const QString &author)
{
    SimLeads leads = this->leads();
    qint64 sent = 0;
    m_store.begin();
    for (const qint64 id : ids) {
        auto row = leads.row(id);
        if (!row)
            continue;
        Message m;
        m.direction = Message::Direction::Out;
        m.author = author;
        m.text = SimMessageTemplate::render(text, row->lead);
        m.channel = row->lead.channel;
        m.sentAt = now();
        leads.addMessage(*row, m);
        touchAndSave(*row);
        ++sent;
    }
    m_store.commit();
    return sent;
}

} // namespace outpost::sim
