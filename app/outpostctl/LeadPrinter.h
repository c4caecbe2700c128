#pragma once

#include "domain/LeadDetail.h"

#include <QCoreApplication>
#include <QList>

class QTextStream;

namespace outpost::ctl {

// Human-readable output of leads. Control characters in the data (line breaks,
// tabs, terminal escapes) are shown escaped, so a hostile name cannot break the
// layout or drive the terminal.
class LeadPrinter
{
    Q_DECLARE_TR_FUNCTIONS(LeadPrinter)

public:
    static void printTable(QTextStream &out, const QList<Lead> &leads);
    static void printDetail(QTextStream &out, const LeadDetail &detail);
    static QString printable(const QString &text);
    static QString fit(const QString &text, int width);
};

} // namespace outpost::ctl
