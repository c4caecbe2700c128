#pragma once

#include "SimLeadRow.h"
#include "SimWhere.h"
#include "domain/LeadDetail.h"

#include <QSqlDatabase>

#include <optional>

namespace outpost::sim {

// The leads and their parts in the sim's database.
class SimLeads
{
public:
    // One keyset page: ordered by id, or by (updated_at, id) when `byUpdate`.
    struct PageQuery
    {
        SimWhere where;
        int limit = 50; // 0 = no limit (legacy: one page holds everything)
        bool byUpdate = false;
        qint64 afterUpdatedMs = 0;
        qint64 afterId = 0;
    };
    struct Page
    {
        QList<Lead> leads;
        bool more = false;
    };

    explicit SimLeads(QSqlDatabase db)
        : m_db(std::move(db))
    {}

    Page page(const PageQuery &query) const;
    qint64 count(const SimWhere &where) const;
    QList<Lead> leads(const SimWhere &where, int limit) const;
    QList<qint64> deletedSince(qint64 sinceMs) const;

    std::optional<SimLeadRow> row(qint64 id) const;
    LeadDetail detail(const SimLeadRow &row) const;
    QList<qint64> allIds() const;
    QList<qint64> existing(const QList<qint64> &ids) const;

    // Writes every column of the row back; the caller sets updated_at.
    bool save(const SimLeadRow &row);
    // A new lead with the next id; returns it with that id.
    SimLeadRow insert(SimLeadRow row);
    bool remove(qint64 id, qint64 nowMs);

    Message addMessage(SimLeadRow &row, Message message);
    Note addNote(qint64 leadId, Note note);
    Appointment addAppointment(qint64 leadId, Appointment appointment);

private:
    QSqlDatabase m_db;
};

} // namespace outpost::sim
