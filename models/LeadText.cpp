#include "LeadText.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QTimeZone>

namespace outpost {

namespace {

// The system's time zone, looked up again at most once a minute. Converting
// through it spares the list a glibc tzset() per row painted (which checks
// /etc/localtime on the disk each time: a twentieth of a paint).
const QTimeZone &systemZone()
{
    constexpr qint64 kLookUpAgainMs = 60 * 1000;
    thread_local QTimeZone zone;
    thread_local QElapsedTimer since;
    if (!since.isValid() || since.hasExpired(kLookUpAgainMs)) {
        zone = QTimeZone::systemTimeZone();
        since.start();
    }
    return zone;
}

} // namespace

QString LeadText::status(const LeadStatus &status)
{
    switch (status.stage()) {
    case LeadStatus::New:
        return tr("New");
    case LeadStatus::Contacted:
        return tr("Contacted");
    case LeadStatus::Qualified:
        return tr("Qualified");
    case LeadStatus::Booked:
        return tr("Booked");
    case LeadStatus::Lost:
        return tr("Lost");
    case LeadStatus::Closed:
        return tr("Closed");
    case LeadStatus::Unknown:
        break;
    }
    return status.toString();
}

QString LeadText::channel(const QString &channel)
{
    if (channel == QLatin1StringView("whatsapp"))
        return tr("WhatsApp");
    if (channel == QLatin1StringView("sms"))
        return tr("SMS");
    if (channel == QLatin1StringView("telegram"))
        return tr("Telegram");
    if (channel == QLatin1StringView("email"))
        return tr("Email");
    if (channel == QLatin1StringView("web"))
        return tr("Web");
    if (channel == QLatin1StringView("call"))
        return tr("Call");
    return channel;
}

QString LeadText::age(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid())
        return QString();
    const qint64 secs = std::max<qint64>(0, then.secsTo(now));
    if (secs < 60)
        return tr("now");
    if (secs < 3600)
        return tr("%1 min").arg(secs / 60);
    if (secs < 86400)
        return tr("%1 h").arg(secs / 3600);
    if (secs < 7 * 86400)
        return tr("%1 d").arg(secs / 86400);
    return QLocale().toString(then.toTimeZone(systemZone()).date(), QLocale::ShortFormat);
}

QString LeadText::count(qint64 n, bool exact)
{
    return exact ? QLocale().toString(n) : tr("%1+").arg(QLocale().toString(n));
}

} // namespace outpost
