#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace outpost {

// One change to server state waiting in the outbox (a row of the `outbox`
// table). It is written in the same transaction as its optimistic change to
// the cache, and leaves the table only when the person discards or undoes it.
struct OutboxRow
{
    enum class Op {
        SetStatus,      // POST /lead/{id}/status      payload {status}
        Note,           // POST /lead/{id}/note        payload {text}
        Reply,          // POST /lead/{id}/reply       payload {text}
        Appointment,    // POST /lead/{id}/appointment payload {datetime, service}
        TagAdd,         // POST /bulk/tag (one lead)   payload {tag}
        TagRemove,      // POST /bulk/tag (one lead)   payload {tag}
        BulkStage,      // POST /bulk/stage            payload {status}
        BulkTag,        // POST /bulk/tag              payload {tag, action}
        BulkMessage,    // POST /bulk/message          payload {message}
        CampaignCreate, // POST /campaigns             payload {name, filters, message}
        CampaignSend,   // POST /campaigns/{id}/send   payload {campaign_id} or {create_row}
    };

    enum class State {
        Pending,     // waits its turn
        Sending,     // was handed to the network: may have arrived, check before sending again
        NeedsReview, // an ambiguous send the server's answer could not settle: the person decides
        Conflict,    // the server changed the same field: the person picks mine or theirs
        Failed,      // refused for good (400, 404): kept so nothing vanishes silently
        NotAllowed,  // 403: the plan does not include it
        Done,        // the server has it
    };

    qint64 id = 0;
    Op op = Op::SetStatus;
    // The leads it changes, in the order given (empty for campaigns).
    QList<qint64> leadIds;
    QJsonObject payload;
    // A UUID, sent as Idempotency-Key on every attempt.
    QString idempotencyKey;
    // What the change replaced, as the cache had it: undo restores it, and
    // the replayer compares it with the server's copy to find conflicts.
    QJsonObject base;
    State state = State::Pending;
    int attempts = 0;
    QString lastError;
    QDateTime createdAt;
    QDateTime updatedAt;
    // When the first attempt left; null when never sent.
    QDateTime firstSentAt;
    // Non-idempotent ops: how many matching items the server had before the
    // first send, so an ambiguous end can be settled by counting again.
    std::optional<int> probe;
    // Conflict rows: per field {base, theirs, mine}.
    QJsonObject conflict;
    // The server's answer once done (a created campaign's id, for a later send).
    QJsonObject result;
    // The id of the optimistic note/message/appointment row in the cache.
    QString localRef;

    // True for ops whose request acts again when repeated (a second note, a second message).
    bool repeatsAct() const;
    bool isCampaign() const { return op == Op::CampaignCreate || op == Op::CampaignSend; }
    // Still to be carried to the server (or waiting for a decision).
    bool isOpen() const { return state != State::Done; }

    static QString opName(Op op);
    static std::optional<Op> opFromName(const QString &name);
    static QString stateName(State state);
    static std::optional<State> stateFromName(const QString &name);
    // For people: "status → qualified", "note", "tag +vip", ...
    QString describe() const;
    QString describeState() const;
    // Every field, for `outpostctl outbox --json` and the like.
    QJsonObject toJson() const;

    Q_DECLARE_TR_FUNCTIONS(OutboxRow)
};

} // namespace outpost
