#include "LeadText.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTest>

#include <ctime>

using namespace outpost;

// The short texts of the lead list: ages, and for older leads their date in
// the system's time zone (where the day may not be UTC's).
class TestLeadText : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Far from UTC, with summer time: a UTC evening is the next local day.
        qputenv("TZ", "Pacific/Auckland");
        tzset();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void recentAgesAreShort()
    {
        const QDateTime now(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);
        QCOMPARE(LeadText::age(now.addSecs(-30), now), QStringLiteral("now"));
        QCOMPARE(LeadText::age(now.addSecs(-5 * 60), now), QStringLiteral("5 min"));
        QCOMPARE(LeadText::age(now.addSecs(-3 * 3600 - 59), now), QStringLiteral("3 h"));
        QCOMPARE(LeadText::age(now.addDays(-2), now), QStringLiteral("2 d"));
        // A clock that went back does not make an age negative.
        QCOMPARE(LeadText::age(now.addSecs(600), now), QStringLiteral("now"));
        QVERIFY(LeadText::age(QDateTime(), now).isEmpty());
    }

    void olderLeadsShowTheirLocalDate()
    {
        // 11:30 UTC on 10 January is 00:30 on the 11th in Auckland (UTC+13).
        const QDateTime then(QDate(2026, 1, 10), QTime(11, 30), Qt::UTC);
        QCOMPARE(LeadText::age(then, then.addDays(30)), QLocale().toString(QDate(2026, 1, 11), QLocale::ShortFormat));
    }

    // The same day the system's own local time gives, across summer-time changes.
    void localDateIsTheSystemsLocalDate()
    {
        QRandomGenerator rng(11);
        const qint64 from = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 span = qint64(3) * 365 * 24 * 3600 * 1000;
        for (int i = 0; i < 2000; ++i) {
            const QDateTime then = QDateTime::fromMSecsSinceEpoch(from + qint64(rng.bounded(double(span))), Qt::UTC);
            const QString expected = QLocale().toString(then.toLocalTime().date(), QLocale::ShortFormat);
            QCOMPARE(LeadText::age(then, then.addDays(8)), expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestLeadText)
#include "tst_leadtext.moc"
