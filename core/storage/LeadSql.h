#pragma once

#include "storage/LeadQuery.h"

#include <QString>
#include <QVariantList>

namespace outpost {

struct Lead;

// Builds the SQL for lead windows and counts: the filter becomes WHERE clauses
// with bound parameters (never text pasted into SQL), search goes through the
// FTS indexes, and the sort becomes an ORDER BY its index can stream.
class LeadSql
{
public:
    struct Statement
    {
        QString sql;
        QVariantList values;
    };

    // A window of a list: the rows of `parts` run in order, one after the
    // other, `skip` of them passed over, then at most `limit` kept (all when
    // negative). Readers stop stepping once the window is full, and run no
    // part after that.
    struct Window
    {
        QList<Statement> parts;
        qint64 skip = 0;
        qint64 limit = -1;

        // Counts the rows of the parts as a reader steps through them.
        struct Count
        {
            explicit Count(const Window &window)
                : toSkip(window.skip)
                , toKeep(window.limit)
            {}
            bool full() const { return toKeep == 0; }
            // For the row just read: whether it is in the window, or passed over.
            bool keep()
            {
                if (toSkip > 0) {
                    --toSkip;
                    return false;
                }
                if (toKeep > 0)
                    --toKeep;
                return true;
            }

            qint64 toSkip;
            qint64 toKeep; // negative: no limit
        };
    };
    static Window window(const LeadQuery &query);
    // The list from its top as one statement (query.after unset), for others
    // to wrap in a subquery.
    static Statement select(const LeadQuery &query);
    // The id and sort value of those of `ids` that match the filter now, for
    // placing changed leads in a sorted list without reading it again.
    static Statement sortValues(const LeadQuery &query, const QList<qint64> &ids);
    // Counts the matches, stopping at `cap` when cap >= 0.
    static Statement count(const LeadFilter &filter, qint64 cap);

    static QString columns();
    // The sort value of a lead as the cursor of its window expects it.
    static QVariant sortValue(const Lead &lead, LeadSort::Key key);

private:
    struct Parts
    {
        QString from;
        QStringList where;
        QVariantList values;
        QString driverRowid; // set when an FTS table drives the scan
        QString driverOnly;  // the FROM of the FTS table alone, when nothing else needs the lead row
    };
    static Parts build(const LeadFilter &filter);
    static Window afterTiedKey(const LeadQuery &query, const Parts &p, const QString &key, bool descending);
    static QString sortExpression(LeadSort::Key key);
};

} // namespace outpost
