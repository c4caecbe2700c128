#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace outpost {

// Reads typed fields out of one JSON object and remembers the first problem,
// named by its path ("leads[3].score: expected a number, got a string").
// Unknown fields are ignored; null counts as missing.
class JsonReader
{
public:
    JsonReader(const QJsonObject &object, QString path);

    qint64 requiredId(QLatin1StringView key);
    QString requiredString(QLatin1StringView key);
    QString optionalString(QLatin1StringView key);
    // Ids of sub-records: numbers or strings on the wire, text here.
    QString requiredIdText(QLatin1StringView key);
    bool optionalBool(QLatin1StringView key, bool fallback);
    std::optional<int> optionalInt(QLatin1StringView key);
    std::optional<double> optionalDouble(QLatin1StringView key);
    QDateTime requiredTime(QLatin1StringView key);
    QDateTime optionalTime(QLatin1StringView key);
    QStringList optionalStringList(QLatin1StringView key);
    QJsonArray optionalArray(QLatin1StringView key);

    bool ok() const { return m_error.isNull(); }
    Error error() const { return makeError(m_error); }
    QString fieldPath(QLatin1StringView key) const;

    // ISO 8601; a time without an offset is taken as UTC, as the contract says.
    static QDateTime parseTime(const QString &text);
    static QString formatTime(const QDateTime &time);
    static QString typeName(const QJsonValue &value);

private:
    QJsonValue present(QLatin1StringView key) const;
    void fail(QLatin1StringView key, const QString &problem);
    void failType(QLatin1StringView key, const char *expected, const QJsonValue &got);

    QJsonObject m_object;
    QString m_path;
    QString m_error;
};

} // namespace outpost
