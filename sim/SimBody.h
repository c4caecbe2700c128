#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace outpost::sim {

// Reads the fields of a JSON request body; the first problem becomes error(),
// a sentence that names the field, which the handler answers with a 400.
class SimBody
{
public:
    explicit SimBody(const QJsonObject &object)
        : m_object(object)
    {}

    QString requiredString(const QString &name, int maxLength = 10000);
    QString optionalString(const QString &name, int maxLength = 10000);
    QList<qint64> leadIds(const QString &name = QStringLiteral("lead_ids"), int max = 10000);
    QJsonObject optionalObject(const QString &name);
    // null or missing: 0; an ISO 8601 time: its milliseconds.
    qint64 optionalTimeMs(const QString &name);

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    void fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
    }

    static std::optional<qint64> parseTimeMs(const QString &text);

private:
    QJsonObject m_object;
    QString m_error;
};

} // namespace outpost::sim
