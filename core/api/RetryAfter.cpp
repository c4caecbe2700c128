#include "api/RetryAfter.h"

#include <QLocale>

#include <algorithm>

namespace outpost {

namespace {

// Longer than any sane server asks; a larger value is treated as this, so a
// typo on the server cannot park a workspace for days.
constexpr qint64 kMaxWaitMs = 24LL * 3600 * 1000;

} // namespace

std::optional<qint64> RetryAfter::parse(const QByteArray &header, const QDateTime &now)
{
    const QByteArray text = header.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qlonglong seconds = text.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt : std::optional<qint64>(std::min(seconds * 1000, kMaxWaitMs));
    // Fractions are not in the grammar, but some servers send them.
    const double fractional = text.toDouble(&isNumber);
    if (isNumber)
        return fractional < 0 ? std::nullopt : std::optional<qint64>(std::min(qint64(fractional * 1000), kMaxWaitMs));
    const std::optional<QDateTime> date = parseHttpDate(QString::fromLatin1(text));
    if (!date)
        return std::nullopt;
    return std::clamp(now.msecsTo(*date), qint64(0), kMaxWaitMs);
}

std::optional<QDateTime> RetryAfter::parseHttpDate(const QString &text)
{
    // IMF-fixdate first, then the two obsolete forms HTTP still allows. The
    // weekday is dropped: Qt checks it against a two-digit year's 19xx date.
    static const char *const formats[] = {
        "dd MMM yyyy HH:mm:ss 'GMT'",
        "dd-MMM-yy HH:mm:ss 'GMT'",
        "MMM d HH:mm:ss yyyy",
    };
    const QLocale c = QLocale::c();
    QString simplified = text.simplified();
    const qsizetype comma = simplified.indexOf(QLatin1Char(','));
    if (comma >= 0)
        simplified = simplified.mid(comma + 1).trimmed();
    else if (simplified.size() > 4 && simplified.at(3) == QLatin1Char(' '))
        simplified = simplified.mid(4); // asctime: "Fri May  1 12:00:11 2026"
    for (const char *format : formats) {
        QDateTime date = c.toDateTime(simplified, QLatin1String(format));
        if (date.isValid()) {
            date.setTimeSpec(Qt::UTC);
            // Two-digit years of the RFC 850 form are in this century.
            if (date.date().year() < 1970)
                date = date.addYears(100);
            return date;
        }
    }
    return std::nullopt;
}

} // namespace outpost
