#pragma once

#include <QString>
#include <QStringList>

namespace outpost {

struct Lead;

// A campaign message with the contract's placeholders: {name}, {first_name},
// {phone}, {agent}. Renders exactly as the service does (one pass, so a value
// containing "{name}" is never expanded again; unknown placeholders stay as
// written), and says what the author may not have meant.
class MessageTemplate
{
public:
    explicit MessageTemplate(QString text);

    static const QStringList &knownPlaceholders(); // "{name}", ...

    const QString &text() const { return m_text; }
    bool isBlank() const { return m_text.trimmed().isEmpty(); }
    QString render(const Lead &lead) const;
    // Each distinct "{word}" that is not a known placeholder, in order of appearance.
    QStringList unknownPlaceholders() const;
    // The known placeholders used here that this lead has no value for ("{agent}").
    QStringList missingFor(const Lead &lead) const;

private:
    struct Token
    {
        qsizetype start = 0;
        qsizetype length = 0;
        QString key; // what is between the braces
    };
    QList<Token> tokens() const;
    static QString valueOf(const QString &key, const Lead &lead, bool *known);

    QString m_text;
};

} // namespace outpost
