#pragma once

#include "api/ApiRequest.h"
#include "outbox/OutboxRow.h"

#include <QJsonObject>

#include <optional>

namespace outpost {

// What an outbox row asks of the service, and how its effect is recognised in
// the service's answers: the request that carries it, the read that counts
// what it adds (to settle an ambiguous send), and the item a send created.
// No state and no network: the replayer sends what these build.
class OutboxRequests
{
public:
    // A lead's detail, as read before a change is compared or counted.
    static ApiRequest leadDetail(qint64 leadId);
    // The request that carries `row` (with its Idempotency-Key); nullopt for
    // a campaign send whose campaign was never created (`campaignId` <= 0).
    static std::optional<ApiRequest> send(const OutboxRow &row, qint64 campaignId);
    // For ops that act again when repeated: the read whose list holds what the row adds.
    static ApiRequest probe(const OutboxRow &row);

    struct Matches
    {
        bool unreadable = false;  // the lead in the answer could not be read
        std::optional<int> count; // unset when the answer has no list to count
        QJsonObject last;         // the newest matching item
    };
    // How many items of the probe's `answer` are what `row` adds.
    static Matches matchesIn(const OutboxRow &row, const QJsonObject &answer);
    // The note, message or appointment a send's `answer` holds.
    static QJsonObject createdItem(const OutboxRow &row, const QJsonObject &answer);
};

} // namespace outpost
