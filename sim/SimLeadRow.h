#pragma once

#include "domain/Lead.h"
#include "domain/Message.h"

#include <QList>
#include <QVariant>

class QSqlQuery;

namespace outpost::sim {

// How a lead lives in the sim's `leads` table: the contract's fields plus the
// columns the analytics read (first/last message each way, human replies,
// when it was resolved), kept up to date with every message and status change.
struct SimLeadRow
{
    Lead lead;
    qint64 firstInAt = 0; // 0 = none
    qint64 firstOutAt = 0;
    qint64 lastInAt = 0;
    qint64 lastOutAt = 0;
    int humanReplies = 0;
    qint64 resolvedAt = 0;

    // The SELECT list that fromQuery() reads, in order.
    static QString columns();
    static SimLeadRow fromQuery(const QSqlQuery &query);

    // Folds one more message into the activity columns and last_message_at.
    void addMessage(const Message &message);
    // Sets the status and keeps resolved_at in step (closed and lost are resolved).
    void setStatus(const LeadStatus &status, qint64 nowMs);
    static bool isResolved(const LeadStatus &status);

    // Tags are kept as ",a,b," so that one LIKE finds a whole tag.
    static QString encodeTags(const QStringList &tags);
    static QStringList decodeTags(const QString &text);
    static QVariant msOrNull(const QDateTime &time);
    static QVariant msOrNull(qint64 ms) { return ms ? QVariant(ms) : QVariant(QMetaType(QMetaType::LongLong)); }
    static QDateTime timeFromMs(const QVariant &value);
    static QString textOrNull(const QVariant &value);
};

} // namespace outpost::sim
