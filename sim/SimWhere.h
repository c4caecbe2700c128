#pragma once

#include <QString>
#include <QStringList>
#include <QVariantList>

class QSqlQuery;

namespace outpost::sim {

// A WHERE clause built from optional filters, with its values bound in order:
// user input only ever reaches SQL as a bound parameter.
class SimWhere
{
public:
    void add(const QString &clause, const QVariantList &values = {});
    // Puts a clause before the others: SQLite takes the first usable range on
    // an index column as where its scan starts.
    void prepend(const QString &clause, const QVariantList &values = {});
    // Substring match on any of `columns`, LIKE wildcards in `text` taken literally.
    void addContains(const QStringList &columns, const QString &text);

    QString sql() const; // " WHERE a AND b", or empty
    void bind(QSqlQuery &query) const;
    bool isEmpty() const { return m_clauses.isEmpty(); }
    // The clause and its values as one string: equal keys, equal results.
    QString cacheKey() const;

    static QString escapeLike(const QString &text);

private:
    QStringList m_clauses;
    QVariantList m_values;
};

} // namespace outpost::sim
