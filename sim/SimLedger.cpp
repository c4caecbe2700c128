#include "SimLedger.h"

#include "SimLeadRow.h"
#include "domain/JsonReader.h"

#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace outpost::sim {

qint64 SimLedger::append(const Entry &e)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO ledger(at, method, path, query, status, key_id, idem_key, mutation, "
                             "replayed, fault) VALUES (?,?,?,coalesce(?, ''),?,?,?,?,?,?)"));
    q.addBindValue(e.atMs);
    q.addBindValue(QString::fromLatin1(e.method));
    q.addBindValue(e.path);
    // A request without a query has a null QString: the column wants text.
    q.addBindValue(e.query.isNull() ? QStringLiteral("") : e.query);
    q.addBindValue(e.status);
    q.addBindValue(SimLeadRow::msOrNull(e.keyId));
    q.addBindValue(e.idempotencyKey.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(e.idempotencyKey));
    q.addBindValue(e.mutation.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(e.mutation));
    q.addBindValue(e.replayed ? 1 : 0);
    q.addBindValue(e.fault.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(e.fault));
    if (!q.exec()) {
        qWarning("outpost-sim: ledger: %s", qPrintable(q.lastError().text()));
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

QJsonArray SimLedger::entries(qint64 since) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT seq, at, method, path, query, status, key_id, idem_key, mutation, replayed, fault "
                             "FROM ledger WHERE seq > ? ORDER BY seq"));
    q.addBindValue(since);
    QJsonArray list;
    if (!q.exec())
        return list;
    auto nullable = [](const QVariant &v) {
        return v.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(v.toString());
    };
    while (q.next()) {
        list.append(QJsonObject{
            {QStringLiteral("seq"), q.value(0).toLongLong()},
            {QStringLiteral("time"), JsonReader::formatTime(SimLeadRow::timeFromMs(q.value(1)))},
            {QStringLiteral("method"), q.value(2).toString()},
            {QStringLiteral("path"), q.value(3).toString()},
            {QStringLiteral("query"), q.value(4).toString()},
            {QStringLiteral("status"), q.value(5).toInt()},
            {QStringLiteral("key_id"), q.value(6).isNull() ? QJsonValue(QJsonValue::Null) : q.value(6).toLongLong()},
            {QStringLiteral("idempotency_key"), nullable(q.value(7))},
            {QStringLiteral("mutation"), nullable(q.value(8))},
            {QStringLiteral("replayed"), q.value(9).toInt() != 0},
            {QStringLiteral("fault"), nullable(q.value(10))},
        });
    }
    return list;
}

} // namespace outpost::sim
