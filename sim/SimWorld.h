#pragma once

#include "LeadGenerator.h"
#include "SimKeys.h"
#include "SimLeads.h"
#include "SimOptions.h"
#include "SimStore.h"

#include <QJsonObject>

#include <functional>

namespace outpost::sim {

// The state every handler shares: the options in force, the database, the
// generator of new leads, the clock and the way out for webhook events.
class SimWorld
{
public:
    using EventSink = std::function<void(const QString &event, const QJsonObject &data)>;

    explicit SimWorld(const SimOptions &options);

    SimOptions &options() { return m_options; }
    const SimOptions &options() const { return m_options; }
    SimStore &store() { return m_store; }
    const LeadGenerator &generator() const { return m_generator; }
    SimLeads leads() { return SimLeads(m_store.db()); }
    SimKeys keys() { return SimKeys(m_store.db()); }

    qint64 nowMs() const;
    QDateTime now() const;
    bool isPremium() const { return m_options.plan == SimOptions::Plan::Premium; }

    void setEventSink(EventSink sink) { m_sink = std::move(sink); }
    void emitEvent(const QString &event, const QJsonObject &data);

    // Stamps updated_at (strictly later than before, so that keyset sync sees
    // every change) and writes the row.
    void touchAndSave(SimLeadRow &row);
    // Bumped by every change to the leads table: cached figures (list totals)
    // are valid for one version.
    quint64 leadsVersion() const { return m_leadsVersion; }
    void leadsChanged() { ++m_leadsVersion; }
    // Sends `text` (placeholders rendered per lead) to every existing lead of
    // `ids` as an outgoing message, in one transaction; returns how many got it.
    qint64 messageLeads(const QList<qint64> &ids, const QString &text, const QString &author);

private:
    SimOptions m_options;
    SimStore m_store;
    LeadGenerator m_generator;
    EventSink m_sink;
    quint64 m_leadsVersion = 0;
};

} // namespace outpost::sim
