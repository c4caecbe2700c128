#pragma once

#include <QJsonArray>
#include <QSqlDatabase>

namespace outpost::sim {

// Every API request the sim answered (or dropped), in order: what tests read to
// see what a client really did. Admin requests under /__sim/ are not in it.
class SimLedger
{
public:
    struct Entry
    {
        qint64 atMs = 0;
        QByteArray method;
        QString path;
        QString query;
        int status = 0; // 0: the connection was dropped without an answer
        qint64 keyId = 0;
        QString idempotencyKey;
        QString mutation;      // what was applied, empty for reads and refusals
        bool replayed = false; // answered from the idempotency store
        QString fault;
    };

    explicit SimLedger(QSqlDatabase db)
        : m_db(std::move(db))
    {}

    qint64 append(const Entry &entry);
    // Entries with a sequence number above `since`, oldest first.
    QJsonArray entries(qint64 since = 0) const;

private:
    QSqlDatabase m_db;
};

} // namespace outpost::sim
