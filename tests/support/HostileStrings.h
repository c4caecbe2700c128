#pragma once

#include <QList>
#include <QString>

namespace outpost::test {

struct HostileString
{
    const char *label;
    QString text;
};

// The strings every test table includes: SQL, spreadsheet formulas, scripts,
// format specifiers, other scripts and directions, emoji, control characters.
QList<HostileString> hostileStrings();

} // namespace outpost::test
