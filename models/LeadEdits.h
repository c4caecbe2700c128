#pragma once

#include "common/Result.h"
#include "domain/LeadStatus.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>

#include <QString>
#include <functional>

namespace outpost {

// A change both sides made to the same lead: for each field, what it was when
// the edit was queued, what the service says now, and what the user wanted.
struct EditConflict
{
    struct Field
    {
        QString name;
        QString base;
        QString theirs;
        QString mine;
    };

    qint64 id = 0;
    qint64 leadId = 0;
    QString leadName;
    QList<Field> fields;
};

// A change that applies to many leads at once (one outbox row, one request).
struct BulkChange
{
    enum class Kind {
        Stage,
        AddTag,
        RemoveTag,
        Message,
    };

    Kind kind = Kind::Stage;
    QList<qint64> leadIds;
    // The status's wire form, the tag, or the message (with {name} placeholders).
    QString value;
};

// A note, reply or appointment the outbox still holds: it is in the cache
// (under its local id) but the service has not confirmed it yet.
struct QueuedItem
{
    enum class State {
        Waiting,     // queued, waits its turn or the network
        Sending,     // handed to the network, no answer yet
        NeedsReview, // the send may or may not have arrived: a person decides
        Failed,      // refused by the service (or not in its plan)
    };

    State state = State::Waiting;
    // Why it failed or needs review, as the service or the network said it.
    QString reason;

    friend bool operator==(const QueuedItem &, const QueuedItem &) = default;
};

// Where the user's changes to leads go: every call writes an outbox row (and
// the change to the cached lead) at once and returns that row's id; the
// network sees it later. The widgets talk to this, never to the outbox itself.
class LeadEdits : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    enum class Resolution {
        KeepMine,
        TakeTheirs,
    };

    virtual Result<qint64> setStatus(qint64 leadId, const LeadStatus &status) = 0;
    virtual Result<qint64> addTag(qint64 leadId, const QString &tag) = 0;
    virtual Result<qint64> removeTag(qint64 leadId, const QString &tag) = 0;
    virtual Result<qint64> reply(qint64 leadId, const QString &text) = 0;
    virtual Result<qint64> addNote(qint64 leadId, const QString &text) = 0;
    virtual Result<qint64> bookAppointment(qint64 leadId, const QDateTime &at, const QString &service) = 0;
    virtual Result<qint64> queueBulk(const BulkChange &change) = 0;
    // The same for a change too big to write on the GUI thread (every lead of
    // a filter): written on a connection of its own, `done` called on the
    // thread of `context` (never if it died first). By default, at once.
    virtual void queueBulkInBackground(const BulkChange &change, QObject *context,
                                       std::function<void(const Result<qint64> &)> done)
    {
        Q_UNUSED(context)
        done(queueBulk(change));
    }
    // Takes a row back while it is still queued; false once it has been sent.
    virtual Result<bool> undo(qint64 entryId) = 0;
    // Whether this lead has changes not yet confirmed by the service.
    virtual bool isPending(qint64 leadId) const = 0;
    // This lead's queued notes, replies and appointments, by their local id in the cache.
    virtual QHash<QString, QueuedItem> queuedItems(qint64 leadId) = 0;
    // Rows not yet confirmed (waiting or being sent) and rows in conflict.
    virtual int pendingCount() const = 0;
    virtual int conflictCount() const = 0;
    virtual Result<QList<EditConflict>> conflicts() = 0;
    virtual Result<void> resolve(qint64 conflictId, Resolution resolution) = 0;

signals:
    // These cached leads changed because of a queued, undone, confirmed or
    // resolved edit.
    void leadsChanged(const QList<qint64> &ids);
    void countsChanged();
};

} // namespace outpost
