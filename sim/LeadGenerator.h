#pragma once

#include "domain/Lead.h"
#include "domain/LeadDetail.h"

#include <QStringList>

namespace outpost::sim {

// Deterministic, realistic leads: the same (seed, count, id) always gives the
// same lead, so a million of them need no storage to be reproduced. Names come
// from many languages and scripts, with the hostile strings of the test tables
// mixed in; ids grow with creation time, spread over the 90 days before `now`.
class LeadGenerator
{
public:
    LeadGenerator(quint64 seed, qint64 count, QDateTime now, int agentCount = 6);

    Lead lead(qint64 id) const;
    // The lead with its conversation, notes and appointments, consistent with
    // lead(id): the first message is the lead's arrival, the last one is its
    // last_message_at, outgoing ones come from the bot or the assigned agent.
    // Ids of the parts are left empty: the store numbers them.
    LeadDetail detail(qint64 id) const;
    QStringList agents() const { return m_agents; }
    QDateTime start() const { return m_start; }

    static const QStringList &tagPool();
    static const QStringList &channels();
    static const QStringList &sources();
    static const QStringList &services();
    // The author of automatic outgoing messages.
    static QString botName() { return QStringLiteral("Bot"); }

private:
    quint64 m_seed;
    qint64 m_count;
    QDateTime m_now;
    QDateTime m_start;
    QStringList m_agents;
};

} // namespace outpost::sim
