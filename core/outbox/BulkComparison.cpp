#include "outbox/BulkComparison.h"

#include <QJsonArray>
#include <QSet>

namespace outpost {

namespace {

QStringList tagsFrom(const QJsonValue &value)
{
    QStringList tags;
    for (const QJsonValue &tag : value.toArray())
        tags << tag.toString();
    return tags;
}

QSet<QString> tagSet(const QStringList &tags)
{
    return QSet<QString>(tags.begin(), tags.end());
}

QJsonObject threeValues(const QJsonValue &base, const QJsonValue &theirs, const QJsonValue &mine)
{
    return {{QStringLiteral("base"), base}, {QStringLiteral("theirs"), theirs}, {QStringLiteral("mine"), mine}};
}

} // namespace

QString BulkComparison::fieldName(OutboxRow::Op op)
{
    return op == OutboxRow::Op::BulkStage ? QStringLiteral("status") : QStringLiteral("tags");
}

QString BulkComparison::fieldKey(OutboxRow::Op op, qint64 leadId)
{
    return QStringLiteral("%1 (lead %2)").arg(fieldName(op)).arg(leadId);
}

QList<qint64> BulkComparison::sendIds(const OutboxRow &row)
{
    const QJsonArray part = row.payload.value(QStringLiteral("send_ids")).toArray();
    if (part.isEmpty())
        return row.leadIds;
    QList<qint64> ids;
    for (const QJsonValue &id : part)
        ids << id.toInteger();
    return ids;
}

BulkComparison BulkComparison::of(const OutboxRow &row, const QHash<qint64, Lead> &theirs)
{
    BulkComparison out;
    const bool stage = row.op == OutboxRow::Op::BulkStage;
    const QString status = row.payload.value(QStringLiteral("status")).toString();
    const QString tag = row.payload.value(QStringLiteral("tag")).toString();
    const bool add = row.payload.value(QStringLiteral("action")).toString() == QLatin1StringView("add");
    QJsonArray conflicting;
    for (qint64 id : row.leadIds) {
        const auto copy = theirs.constFind(id);
        if (copy == theirs.constEnd()) {
            out.sendable << id;
            continue;
        }
        const QString key = QString::number(id);
        if (stage) {
            const QString base = row.base.value(QStringLiteral("statuses")).toObject().value(key).toString();
            const QString now = copy->status.toString();
            if (now == status) {
                out.arrived << id;
            } else if (now != base) {
                out.conflicting << id;
                out.conflict.insert(fieldKey(row.op, id), threeValues(base, now, status));
            } else {
                out.sendable << id;
            }
            continue;
        }
        const QStringList base = tagsFrom(row.base.value(QStringLiteral("tags")).toObject().value(key));
        if (copy->tags.contains(tag) == add) {
            out.arrived << id;
        } else if (tagSet(copy->tags) != tagSet(base)) {
            QStringList mine = copy->tags;
            mine.removeAll(tag);
            if (add)
                mine << tag;
            out.conflicting << id;
            out.conflict.insert(fieldKey(row.op, id),
                                threeValues(QJsonArray::fromStringList(base), QJsonArray::fromStringList(copy->tags),
                                            QJsonArray::fromStringList(mine)));
        } else {
            out.sendable << id;
        }
    }
    for (qint64 id : std::as_const(out.conflicting))
        conflicting.append(id);
    if (!out.conflicting.isEmpty())
        out.conflict.insert(QStringLiteral("lead_ids"), conflicting);
    return out;
}

} // namespace outpost
