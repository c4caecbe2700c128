#include "SimMessageTemplate.h"

namespace outpost::sim {

QString SimMessageTemplate::render(const QString &text, const Lead &lead)
{
    // One pass, so a value that itself contains "{name}" is never expanded again.
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype close = text.at(i) == QLatin1Char('{') ? text.indexOf(QLatin1Char('}'), i) : -1;
        if (close < 0) {
            out += text.at(i++);
            continue;
        }
        const QString key = text.mid(i + 1, close - i - 1);
        if (key == QLatin1StringView("name"))
            out += lead.name;
        else if (key == QLatin1StringView("first_name"))
            out += lead.firstName();
        else if (key == QLatin1StringView("phone"))
            out += lead.phone;
        else if (key == QLatin1StringView("agent"))
            out += lead.assignedAgent;
        else
            out += text.mid(i, close - i + 1);
        i = close + 1;
    }
    return out;
}

} // namespace outpost::sim
