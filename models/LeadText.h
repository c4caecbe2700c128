#pragma once

#include "domain/LeadStatus.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace outpost {

// How lead values read on screen: translated names of the known statuses and
// channels (unknown ones as the service sent them), and short ages.
class LeadText
{
    Q_DECLARE_TR_FUNCTIONS(LeadText)

public:
    static QString status(const LeadStatus &status);
    static QString channel(const QString &channel);
    // "5 min", "3 h", "2 d", or a date for anything older than a week.
    static QString age(const QDateTime &then, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // "12,345", or "1,000+" when the figure is a lower bound.
    static QString count(qint64 n, bool exact);
};

} // namespace outpost
