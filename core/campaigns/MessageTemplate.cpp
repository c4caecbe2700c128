#include "campaigns/MessageTemplate.h"

#include "domain/Lead.h"

namespace outpost {

MessageTemplate::MessageTemplate(QString text)
    : m_text(std::move(text))
{}

const QStringList &MessageTemplate::knownPlaceholders()
{
    static const QStringList list = {QStringLiteral("{name}"), QStringLiteral("{first_name}"),
                                     QStringLiteral("{phone}"), QStringLiteral("{agent}")};
    return list;
}

QList<MessageTemplate::Token> MessageTemplate::tokens() const
{
    // The service's scan: from each "{" to the next "}", whatever lies between.
    QList<Token> list;
    qsizetype i = 0;
    while (i < m_text.size()) {
        const qsizetype close = m_text.at(i) == QLatin1Char('{') ? m_text.indexOf(QLatin1Char('}'), i) : -1;
        if (close < 0) {
            ++i;
            continue;
        }
        list.append(Token{i, close - i + 1, m_text.mid(i + 1, close - i - 1)});
        i = close + 1;
    }
    return list;
}

QString MessageTemplate::valueOf(const QString &key, const Lead &lead, bool *known)
{
    *known = true;
    if (key == QLatin1StringView("name"))
        return lead.name;
    if (key == QLatin1StringView("first_name"))
        return lead.firstName();
    if (key == QLatin1StringView("phone"))
        return lead.phone;
    if (key == QLatin1StringView("agent"))
        return lead.assignedAgent;
    *known = false;
    return {};
}

QString MessageTemplate::render(const Lead &lead) const
{
    QString out;
    out.reserve(m_text.size());
    qsizetype copied = 0;
    for (const Token &t : tokens()) {
        out += QStringView(m_text).mid(copied, t.start - copied);
        bool known = false;
        const QString value = valueOf(t.key, lead, &known);
        out += known ? value : m_text.mid(t.start, t.length);
        copied = t.start + t.length;
    }
    out += QStringView(m_text).mid(copied);
    return out;
}

QStringList MessageTemplate::unknownPlaceholders() const
{
    QStringList unknown;
    const Lead none;
    for (const Token &t : tokens()) {
        bool known = false;
        valueOf(t.key, none, &known);
        const QString written = m_text.mid(t.start, t.length);
        if (!known && !unknown.contains(written))
            unknown << written;
    }
    return unknown;
}

QStringList MessageTemplate::missingFor(const Lead &lead) const
{
    QStringList missing;
    for (const Token &t : tokens()) {
        bool known = false;
        const QString value = valueOf(t.key, lead, &known);
        const QString written = m_text.mid(t.start, t.length);
        if (known && value.trimmed().isEmpty() && !missing.contains(written))
            missing << written;
    }
    return missing;
}

} // namespace outpost
