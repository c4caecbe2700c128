#include "HostileStrings.h"

namespace outpost::test {

QList<HostileString> hostileStrings()
{
    return {
        {"sql injection", QStringLiteral("Robert'); DROP TABLE leads;--")},
        {"spreadsheet formula", QStringLiteral("=HYPERLINK(\"http://x\",\"y\")")},
        {"plus formula", QStringLiteral("+SUM(1+1)")},
        {"latin diacritics", QStringLiteral("Zoë Ångström")},
        {"arabic", QStringLiteral("محمد العلي")},
        {"chinese", QStringLiteral("李小龙")},
        {"emoji", QStringLiteral("🚀🔥")},
        {"line break", QStringLiteral("first\nsecond")},
        {"tab", QStringLiteral("first\tsecond")},
        {"format specifiers", QStringLiteral("%s%n")},
        {"script tag", QStringLiteral("<script>alert(1)</script>")},
        {"empty", QStringLiteral("")},
        {"combining marks", QStringLiteral("Ame\u0301lie Zalgo\u0336\u0335")},
    };
}

} // namespace outpost::test
