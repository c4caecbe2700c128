#include "domain/JsonReader.h"

#include <QJsonArray>

#include <cmath>

namespace outpost {

namespace {

// Integers above 2^53 cannot travel through a JSON double without loss.
constexpr double kMaxExactInteger = 9007199254740992.0;

bool isIntegral(double v)
{
    return std::isfinite(v) && std::floor(v) == v && std::fabs(v) <= kMaxExactInteger;
}

} // namespace

JsonReader::JsonReader(const QJsonObject &object, QString path)
    : m_object(object)
    , m_path(std::move(path))
{}

QString JsonReader::fieldPath(QLatin1StringView key) const
{
    return m_path.isEmpty() ? QString(key) : m_path + QLatin1Char('.') + key;
}

QJsonValue JsonReader::present(QLatin1StringView key) const
{
    const QJsonValue v = m_object.value(key);
    return v.isNull() ? QJsonValue(QJsonValue::Undefined) : v;
}

void JsonReader::fail(QLatin1StringView key, const QString &problem)
{
    if (m_error.isNull())
        m_error = fieldPath(key) + QStringLiteral(": ") + problem;
}

void JsonReader::failType(QLatin1StringView key, const char *expected, const QJsonValue &got)
{
    fail(key, QStringLiteral("expected %1, got %2").arg(QLatin1StringView(expected), typeName(got)));
}

QString JsonReader::typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

qint64 JsonReader::requiredId(QLatin1StringView key)
{
    const QJsonValue v = present(key);
    if (v.isUndefined()) {
        fail(key, QStringLiteral("missing"));
        return 0;
    }
    if (!v.isDouble()) {
        failType(key, "an integer", v);
        return 0;
    }
    const double d = v.toDouble();
    if (!isIntegral(d) || d < 1) {
        fail(key, QStringLiteral("expected a positive integer, got %1").arg(d));
        return 0;
    }
    return static_cast<qint64>(d);
}

QString JsonReader::requiredString(QLatin1StringView key)
{
    const QJsonValue v = present(key);
    if (v.isUndefined()) {
        fail(key, QStringLiteral("missing"));
        return {};
    }
    if (!v.isString()) {
        failType(key, "a string", v);
        return {};
    }
    // An empty name is still a name: never null once present.
    const QString s = v.toString();
    return s.isNull() ? QStringLiteral("") : s;
}

QString JsonReader::optionalString(QLatin1StringView key)
{
    const QJsonValue v = present(key);
    if (v.isUndefined())
        return {};
    if (!v.isString()) {
        failType(key, "a string", v);
        return {};
    }
    const QString s = v.toString();
    return s.isNull() ? QStringLiteral("") : s;
}

QString JsonReader::requiredIdText(QLatin1StringView key)
{
    const QJsonValue v = present(key);
    if (v.isString() && !v.toString().isEmpty())
        return v.toString();
    if (v.isDouble() && isIntegral(v.toDouble()))
        return QString::number(static_cast<qint64>(v.toDouble()));
    if (v.isUndefined())
        fail(key, QStringLiteral("missing"));
    else
        failType(key, "an integer or a non-empty string", v);
    return {};
}

bool JsonReader::optionalBool(QLatin1StringView key, bool fallback)
{
    const QJsonValue v = present(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isBool()) {
        failType(key, "a boolean", v);
        return fallback;
    }
    return v.toBool();
}

std::optional<int> JsonReader::optionalInt(QLatin1StringView key)
{
    const QJsonValue v = present(key);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isDouble()) {
        failType(key, "an integer", v);
        return std::nullopt;
    }
    const double d = v.toDouble();
    if (!isIntegral(d) || std::fabs(d) > 2147483647.0) {
        fail(key, QStringLiteral("expected an integer, got %1").arg(d));
        return std::nullopt;
    }
    return static_cast<int>(d);
}

std::optional<double> JsonReader::optionalDouble(QLatin1StringView key)
{
    const QJsonValue v = present(key);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        failType(key, "a number", v);
        return std::nullopt;
    }
    return v.toDouble();
}

QDateTime JsonReader::requiredTime(QLatin1StringView key)
{
    if (present(key).isUndefined()) {
        fail(key, QStringLiteral("missing"));
        return {};
    }
    return optionalTime(key);
}

QDateTime JsonReader::optionalTime(QLatin1StringView key)
{
    const QJsonValue v = present(key);
    if (v.isUndefined())
        return {};
    if (!v.isString()) {
        failType(key, "an ISO 8601 time", v);
        return {};
    }
    const QDateTime t = parseTime(v.toString());
    if (!t.isValid())
        fail(key, QStringLiteral("not an ISO 8601 time: \"%1\"").arg(v.toString().left(64)));
    return t;
}

QStringList JsonReader::optionalStringList(QLatin1StringView key)
{
    const QJsonValue v = present(key);
    if (v.isUndefined())
        return {};
    if (!v.isArray()) {
        failType(key, "an array of strings", v);
        return {};
    }
    QStringList out;
    const QJsonArray array = v.toArray();
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue item = array.at(i);
        if (!item.isString()) {
            fail(QLatin1StringView(key),
                 QStringLiteral("item %1: expected a string, got %2").arg(i).arg(typeName(item)));
            return {};
        }
        out.append(item.toString());
    }
    return out;
}

QJsonArray JsonReader::optionalArray(QLatin1StringView key)
{
    const QJsonValue v = present(key);
    if (v.isUndefined())
        return {};
    if (!v.isArray()) {
        failType(key, "an array", v);
        return {};
    }
    return v.toArray();
}

QDateTime JsonReader::parseTime(const QString &text)
{
    // A bare date is not a time, and Qt would accept one.
    if (text.size() < 16 || (text.at(10) != QLatin1Char('T') && text.at(10) != QLatin1Char(' ')))
        return {};
    QString iso = text;
    iso[10] = QLatin1Char('T');
    QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!t.isValid())
        return {};
    if (t.timeSpec() == Qt::LocalTime)
        t = QDateTime(t.date(), t.time(), Qt::UTC);
    return t.toUTC();
}

QString JsonReader::formatTime(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    return utc.time().msec() != 0 ? utc.toString(Qt::ISODateWithMs) : utc.toString(Qt::ISODate);
}

} // namespace outpost
