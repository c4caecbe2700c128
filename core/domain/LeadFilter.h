#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace outpost {

// The filters of the contract's campaigns (all optional, AND-ed), plus what the
// lead list adds on top: a free-text search and the escalated flag. Every value
// matches literally: no wildcards, no patterns.
struct LeadFilter
{
    QString status;
    QString channel;
    QString tag;
    QString source;
    QString assignedAgent;
    QDateTime createdAfter;
    QDateTime createdBefore;
    QDateTime lastMessageBefore;
    QString search;
    std::optional<bool> escalated;
    // Local too: the status is one of these (the pipeline's column of statuses
    // it does not know). Empty: no such condition.
    QStringList anyStatus;

    bool isEmpty() const;

    // The contract's `filters` object (campaigns, preview); search and escalated
    // (and anyStatus) are local and never sent.
    QJsonObject toJson() const;
    static Result<LeadFilter> fromJson(const QJsonObject &object);
    // "status=qualified" as given on the command line; the names are the contract's.
    Result<void> set(const QString &assignment);

    // A date alone ("2026-05-01") means midnight UTC of that day.
    static QDateTime parseBound(const QString &text);

    friend bool operator==(const LeadFilter &, const LeadFilter &) = default;
};

} // namespace outpost
