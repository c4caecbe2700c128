#include "TestLeads.h"
#include "TimelineModel.h"
#include "WorkspaceCache.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost;

class TestTimelineModel : public QObject
{
    Q_OBJECT

private slots:
    void mergesMessagesNotesAndAppointmentsInTimeOrder()
    {
        // Through a real cache: what the detail pane shows is what LeadStore read back.
        QTemporaryDir dir;
        WorkspaceCache cache;
        QVERIFY(cache.open(dir.filePath(QStringLiteral("timeline.sqlite"))).ok());
        const QDateTime t(QDate(2026, 5, 2), QTime(9, 0), Qt::UTC);
        LeadDetail d;
        d.lead = test::makeLead(3);
        d.messages = {Message{QStringLiteral("m2"), Message::Direction::Out, QStringLiteral("Maria"),
                              QStringLiteral("We have a slot on Friday"), QStringLiteral("sms"), t.addSecs(3600)},
                      Message{QStringLiteral("m1"), Message::Direction::In, QString(), QStringLiteral("Hi, price?"),
                              QStringLiteral("sms"), t}};
        d.notes = {
            Note{QStringLiteral("n1"), QStringLiteral("Maria"), QStringLiteral("Prefers mornings"), t.addSecs(1800)}};
        d.appointments = {
            Appointment{QStringLiteral("a1"), QStringLiteral("2026-05-08 10:00"), QStringLiteral("Consultation"),
                        QStringLiteral("scheduled")},
            Appointment{QStringLiteral("a2"), QStringLiteral("someday"), QStringLiteral("Follow-up"), QString()}};
        QVERIFY(cache.store().saveDetail(d).ok());

        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDetail(cache.store().detail(3).value().value());
        QCOMPARE(model.rowCount(), 5);
        const QStringList ids = {QStringLiteral("m1"), QStringLiteral("n1"), QStringLiteral("m2"), QStringLiteral("a1"),
                                 QStringLiteral("a2")};
        for (int row = 0; row < ids.size(); ++row)
            QCOMPARE(model.index(row).data(TimelineModel::IdRole).toString(), ids.at(row));
        QCOMPARE(model.index(0).data(TimelineModel::KindRole).value<TimelineModel::Kind>(),
                 TimelineModel::Kind::IncomingMessage);
        QCOMPARE(model.index(2).data(TimelineModel::KindRole).value<TimelineModel::Kind>(),
                 TimelineModel::Kind::OutgoingMessage);
        QCOMPARE(model.index(1).data(TimelineModel::KindRole).value<TimelineModel::Kind>(), TimelineModel::Kind::Note);
        QCOMPARE(model.index(3).data(TimelineModel::TextRole).toString(), QStringLiteral("Consultation"));
        QCOMPARE(model.index(3).data(TimelineModel::DetailRole).toString(), QStringLiteral("scheduled"));
        QVERIFY(!model.index(4).data(TimelineModel::TimeRole).toDateTime().isValid());

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void parsesTheContractsAppointmentTime_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("contract form") << QStringLiteral("2026-05-15 14:00")
                                       << QDateTime(QDate(2026, 5, 15), QTime(14, 0), Qt::UTC);
        QTest::newRow("spaces around") << QStringLiteral(" 2026-05-15 14:00 ")
                                       << QDateTime(QDate(2026, 5, 15), QTime(14, 0), Qt::UTC);
        QTest::newRow("no time") << QStringLiteral("2026-05-15") << QDateTime();
        QTest::newRow("bad month") << QStringLiteral("2026-13-15 14:00") << QDateTime();
        QTest::newRow("iso T") << QStringLiteral("2026-05-15T14:00") << QDateTime();
        QTest::newRow("sql") << QStringLiteral("'); DROP TABLE x;--") << QDateTime();
    }

    void parsesTheContractsAppointmentTime()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QCOMPARE(TimelineModel::parseAppointmentTime(text), expected);
    }
};

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
