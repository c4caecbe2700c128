#include "outbox/MessageTemplate.h"

namespace outpost {

namespace {

std::optional<QString> valueOf(const QString &key, const Lead &lead)
{
    if (key == QLatin1StringView("name"))
        return lead.name;
    if (key == QLatin1StringView("first_name"))
        return lead.firstName();
    if (key == QLatin1StringView("phone"))
        return lead.phone;
    if (key == QLatin1StringView("agent"))
        return lead.assignedAgent;
    return std::nullopt;
}

} // namespace

QString MessageTemplate::render(const QString &text, const Lead &lead)
{
    // Left to right in one pass: a value that contains "{name}" stays as it is.
    QString out;
    out.reserve(text.size());
    qsizetype from = 0;
    while (from < text.size()) {
        const qsizetype open = text.indexOf(QLatin1Char('{'), from);
        const qsizetype close = open < 0 ? -1 : text.indexOf(QLatin1Char('}'), open);
        if (close < 0) {
            out += text.mid(from);
            break;
        }
        out += text.mid(from, open - from);
        const std::optional<QString> value = valueOf(text.mid(open + 1, close - open - 1), lead);
        out += value ? *value : text.mid(open, close - open + 1);
        from = close + 1;
    }
    return out;
}

} // namespace outpost
