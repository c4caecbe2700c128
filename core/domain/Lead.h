#pragma once

#include "domain/LeadStatus.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace outpost {

// One lead as the contract describes it. Text fields the contract allows to be
// null are null QStrings when absent; times are UTC, an invalid QDateTime is "none".
struct Lead
{
    qint64 id = 0;
    QString name;
    QString phone;
    QString email;
    LeadStatus status;
    QString channel;
    QString source;
    QStringList tags;
    QString assignedAgent;
    bool escalated = false;
    std::optional<int> score;
    std::optional<double> rating;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime lastMessageAt;

    // The given name for the {first_name} placeholder: the first word of the name.
    QString firstName() const;

    friend bool operator==(const Lead &, const Lead &) = default;
};

} // namespace outpost
