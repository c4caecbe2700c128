#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace outpost {

// What a pasted API key looks like, judged before it is stored. Keys are
// opaque: anything printable is accepted, trimmed; whitespace inside or a
// known prefix with the wrong length earns a warning, not a refusal. No
// message ever repeats the key.
class ApiKeyFormat
{
    Q_DECLARE_TR_FUNCTIONS(ApiKeyFormat)

public:
    struct Verdict
    {
        QString key;          // trimmed
        QStringList warnings; // for the person, may be empty
        QString error;        // non-empty: refuse the key
        bool ok() const { return error.isEmpty(); }
    };

    // The documented form of one service: "lp_" and 32 lowercase hex digits.
    static QString knownPrefix() { return QStringLiteral("lp_"); }
    static constexpr int knownLength = 35;
    // Far beyond any real key; a larger paste is something else.
    static constexpr int maxLength = 4096;

    // `expectedPrefix`: the workspace's own key prefix, when it has one.
    static Verdict check(const QString &raw, const QString &expectedPrefix = QString());
};

} // namespace outpost
