#include "SimBody.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>

namespace outpost::sim {

QString SimBody::requiredString(const QString &name, int maxLength)
{
    const QJsonValue v = m_object.value(name);
    if (!v.isString() || v.toString().trimmed().isEmpty()) {
        fail(QStringLiteral("%1 is required and must be a non-empty string").arg(name));
        return QString();
    }
    if (v.toString().size() > maxLength) {
        fail(QStringLiteral("%1 is longer than %2 characters").arg(name).arg(maxLength));
        return QString();
    }
    return v.toString();
}

QString SimBody::optionalString(const QString &name, int maxLength)
{
    const QJsonValue v = m_object.value(name);
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString()) {
        fail(QStringLiteral("%1 must be a string").arg(name));
        return QString();
    }
    if (v.toString().size() > maxLength) {
        fail(QStringLiteral("%1 is longer than %2 characters").arg(name).arg(maxLength));
        return QString();
    }
    return v.toString();
}

QList<qint64> SimBody::leadIds(const QString &name, int max)
{
    const QJsonValue v = m_object.value(name);
    if (!v.isArray() || v.toArray().isEmpty()) {
        fail(QStringLiteral("%1 is required and must be a non-empty array of lead ids").arg(name));
        return {};
    }
    const QJsonArray array = v.toArray();
    if (array.size() > max) {
        fail(QStringLiteral("%1 holds more than %2 ids").arg(name).arg(max));
        return {};
    }
    QList<qint64> ids;
    QSet<qint64> seen;
    for (const QJsonValue &item : array) {
        const double d = item.toDouble(-1);
        if (!item.isDouble() || d < 1 || d != static_cast<double>(static_cast<qint64>(d))) {
            fail(QStringLiteral("%1 must hold positive integers only").arg(name));
            return {};
        }
        const auto id = static_cast<qint64>(d);
        if (!seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    }
    return ids;
}

QJsonObject SimBody::optionalObject(const QString &name)
{
    const QJsonValue v = m_object.value(name);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isObject()) {
        fail(QStringLiteral("%1 must be an object").arg(name));
        return {};
    }
    return v.toObject();
}

qint64 SimBody::optionalTimeMs(const QString &name)
{
    const QJsonValue v = m_object.value(name);
    if (v.isUndefined() || v.isNull())
        return 0;
    const auto ms = v.isString() ? parseTimeMs(v.toString()) : std::nullopt;
    if (!ms) {
        fail(QStringLiteral("%1 must be an ISO 8601 time such as 2026-05-01T10:00:00Z").arg(name));
        return 0;
    }
    return *ms;
}

std::optional<qint64> SimBody::parseTimeMs(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC); // no zone given: the contract's times are UTC
    return t.toMSecsSinceEpoch();
}

} // namespace outpost::sim
