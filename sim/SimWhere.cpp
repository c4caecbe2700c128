#include "SimWhere.h"

#include <QSqlQuery>

namespace outpost::sim {

void SimWhere::add(const QString &clause, const QVariantList &values)
{
    m_clauses.append(clause);
    m_values.append(values);
}

void SimWhere::prepend(const QString &clause, const QVariantList &values)
{
    m_clauses.prepend(clause);
    m_values = values + m_values;
}

void SimWhere::addContains(const QStringList &columns, const QString &text)
{
    QStringList parts;
    const QString pattern = QLatin1Char('%') + escapeLike(text) + QLatin1Char('%');
    for (const QString &column : columns) {
        parts.append(column + QStringLiteral(" LIKE ? ESCAPE '\\'"));
        m_values.append(pattern);
    }
    m_clauses.append(QLatin1Char('(') + parts.join(QStringLiteral(" OR ")) + QLatin1Char(')'));
}

QString SimWhere::sql() const
{
    if (m_clauses.isEmpty())
        return QString();
    return QStringLiteral(" WHERE ") + m_clauses.join(QStringLiteral(" AND "));
}

QString SimWhere::cacheKey() const
{
    QString key = sql();
    for (const QVariant &v : m_values)
        key += QLatin1Char('\x1f') + v.toString();
    return key;
}

void SimWhere::bind(QSqlQuery &query) const
{
    for (const QVariant &v : m_values)
        query.addBindValue(v);
}

QString SimWhere::escapeLike(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

} // namespace outpost::sim
