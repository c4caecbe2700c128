#include "secrets/ApiKeyFormat.h"

#include <QCoreApplication>

namespace outpost {

namespace {

bool isLowerHex(QStringView text)
{
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

} // namespace

ApiKeyFormat::Verdict ApiKeyFormat::check(const QString &raw, const QString &expectedPrefix)
{
    Verdict verdict;
    verdict.key = raw.trimmed();
    if (verdict.key.isEmpty()) {
        verdict.error = tr("the API key is empty");
        return verdict;
    }
    if (verdict.key.size() > maxLength) {
        verdict.error = tr("the API key is longer than %1 characters: that is not a key").arg(maxLength);
        return verdict;
    }
    bool whitespace = false;
    for (const QChar c : std::as_const(verdict.key)) {
        // A control character cannot travel in an Authorization header.
        if (c.category() == QChar::Other_Control && c != u'\t') {
            verdict.error = tr("the API key contains a control character");
            return verdict;
        }
        whitespace = whitespace || c.isSpace();
    }
    if (whitespace)
        verdict.warnings << tr("the API key contains whitespace: check that it was pasted whole and only once");
    if (verdict.key.startsWith(knownPrefix()) &&
        (verdict.key.size() != knownLength || !isLowerHex(QStringView(verdict.key).sliced(knownPrefix().size()))))
        verdict.warnings << tr("keys starting with \"%1\" are usually \"%1\" and 32 lowercase hex digits; this one is "
                               "not: check that it was copied completely")
                                .arg(knownPrefix());
    if (!expectedPrefix.isEmpty() && !verdict.key.startsWith(expectedPrefix))
        verdict.warnings << tr("this workspace's keys start with \"%1\"; this one does not").arg(expectedPrefix);
    return verdict;
}

} // namespace outpost
