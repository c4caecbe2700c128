#pragma once

#include <QList>
#include <QString>

namespace outpost {

// A lead's place in the pipeline. The six statuses of the contract come in
// pipeline order; any other text a service sends is kept verbatim (and shown
// as-is) instead of failing the whole page.
class LeadStatus
{
public:
    enum Stage {
        New,
        Contacted,
        Qualified,
        Booked,
        Lost,
        Closed,
        Unknown,
    };

    LeadStatus() = default;
    explicit LeadStatus(Stage stage);

    static LeadStatus fromString(const QString &text);
    // The known stages in pipeline order.
    static const QList<LeadStatus> &pipeline();
    static bool isKnownName(const QString &text);

    Stage stage() const { return m_stage; }
    bool isKnown() const { return m_stage != Unknown; }
    // Position in the pipeline; unknown statuses sort after the known ones.
    int pipelineIndex() const { return static_cast<int>(m_stage); }
    // The wire form: the contract's name, or the unknown text as received.
    QString toString() const { return m_text; }
    bool isEmpty() const { return m_text.isEmpty(); }

    friend bool operator==(const LeadStatus &a, const LeadStatus &b) { return a.m_text == b.m_text; }

private:
    Stage m_stage = New;
    QString m_text = QStringLiteral("new");
};

} // namespace outpost
