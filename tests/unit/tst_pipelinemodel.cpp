#include "LeadTableModel.h"
#include "PipelineModel.h"
#include "TestLeads.h"
#include "WorkspaceCache.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost;

class TestPipelineModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    void openFresh(WorkspaceCache &cache, const QList<Lead> &leads)
    {
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("pipeline-%1.sqlite").arg(++m_counter))).ok());
        QVERIFY(cache.store().upsert(leads).ok());
    }

private slots:
    void sixColumnsInPipelineOrderWithTheirCounts()
    {
        WorkspaceCache cache;
        QList<Lead> leads = test::makeLeads(1, 600); // id % 6 picks the status
        leads[0].status = LeadStatus::fromString(QStringLiteral("archived"));
        openFresh(cache, leads);
        PipelineModel model(&cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The six stages, then the one lead with a status this version does not know.
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.unknownColumn(), 6);
        QCOMPARE(model.index(6).data(PipelineModel::CountRole).toLongLong(), 1);
        QCOMPARE(model.columnModel(6)->idAt(0), leads.at(0).id);
        const QStringList wire = {QStringLiteral("new"),    QStringLiteral("contacted"), QStringLiteral("qualified"),
                                  QStringLiteral("booked"), QStringLiteral("lost"),      QStringLiteral("closed")};
        for (int column = 0; column < 6; ++column) {
            const QModelIndex i = model.index(column);
            QCOMPARE(i.data(PipelineModel::StatusRole).toString(), wire.at(column));
            qint64 expected = 0;
            for (const Lead &l : leads)
                expected += l.status.toString() == wire.at(column) ? 1 : 0;
            QCOMPARE(i.data(PipelineModel::CountRole).toLongLong(), expected);
            QVERIFY(i.data(PipelineModel::CountExactRole).toBool());
            QCOMPARE(model.columnModel(column)->rowCount(), expected);
        }
    }

    void eachColumnHoldsItsStatusNewestActivityFirst()
    {
        WorkspaceCache cache;
        QList<Lead> leads = test::makeLeads(1, 120);
        for (Lead &l : leads)
            l.updatedAt = l.updatedAt.addSecs((l.id * 7919) % 1000);
        openFresh(cache, leads);
        PipelineModel model(&cache);
        LeadTableModel *booked = model.columnModel(3);
        QAbstractItemModelTester tester(booked, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QDateTime previous;
        for (int row = 0; row < booked->rowCount(); ++row) {
            const Lead l = booked->leadAt(row).value();
            QCOMPARE(l.status.stage(), LeadStatus::Booked);
            if (previous.isValid())
                QVERIFY(l.updatedAt <= previous);
            previous = l.updatedAt;
        }
    }

    void aSharedFilterNarrowsEveryColumn()
    {
        WorkspaceCache cache;
        openFresh(cache, test::makeLeads(1, 600));
        PipelineModel model(&cache);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        LeadFilter f;
        f.channel = QStringLiteral("sms"); // id % 3 == 1
        model.setFilter(f);
        QVERIFY(changed.size() >= 6);
        qint64 total = 0;
        for (int column = 0; column < 6; ++column) {
            LeadTableModel *m = model.columnModel(column);
            total += model.index(column).data(PipelineModel::CountRole).toLongLong();
            for (int row = 0; row < m->rowCount(); ++row)
                QCOMPARE(m->leadAt(row)->channel, QStringLiteral("sms"));
        }
        QCOMPARE(total, 200);
    }

    void unknownStatusesGetAnExtraColumnOnlyWhileSuchLeadsExist()
    {
        WorkspaceCache cache;
        openFresh(cache, test::makeLeads(1, 60));
        PipelineModel model(&cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.unknownColumn(), -1);
        QVERIFY(!model.columnModel(6));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        // Sync brings a status the app does not know: a seventh column appears.
        Lead archived = cache.store().lead(7).value().value();
        archived.status = LeadStatus::fromString(QStringLiteral("archived"));
        QVERIFY(cache.store().upsert({archived}).ok());
        cache.notifyLeadsChanged({7});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 7);
        const QModelIndex other = model.index(6);
        QVERIFY(!model.acceptsMoves(6));
        QVERIFY(model.acceptsMoves(5));
        QVERIFY(other.data(PipelineModel::StatusRole).toString().isEmpty());
        QCOMPARE(other.data(PipelineModel::StatusesRole).toStringList(), QStringList{QStringLiteral("archived")});
        QVERIFY(other.data(Qt::ToolTipRole).toString().contains(QStringLiteral("archived")));
        QCOMPARE(other.data(PipelineModel::CountRole).toLongLong(), 1);
        QCOMPARE(model.columnModel(6)->idAt(0), 7);

        // A second unknown status (hostile text included) joins the same column.
        Lead odd = cache.store().lead(8).value().value();
        odd.status = LeadStatus::fromString(QStringLiteral("x'); DROP TABLE leads;--"));
        QVERIFY(cache.store().upsert({odd}).ok());
        cache.notifyLeadsChanged({8});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.index(6).data(PipelineModel::StatusesRole).toStringList().size(), 2);
        QCOMPARE(model.index(6).data(PipelineModel::CountRole).toLongLong(), 2);
        // The known columns lost them.
        qint64 known = 0;
        for (int column = 0; column < 6; ++column)
            known += model.index(column).data(PipelineModel::CountRole).toLongLong();
        QCOMPARE(known, 58);

        // Both go back to known stages: the column goes away.
        archived.status = LeadStatus(LeadStatus::Lost);
        odd.status = LeadStatus(LeadStatus::New);
        QVERIFY(cache.store().upsert({archived, odd}).ok());
        cache.notifyLeadsChanged({7, 8});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.unknownColumn(), -1);
    }

    void countsFollowSync()
    {
        WorkspaceCache cache;
        openFresh(cache, test::makeLeads(1, 60));
        PipelineModel model(&cache);
        QCOMPARE(model.index(0).data(PipelineModel::CountRole).toLongLong(), 10);
        Lead moved = cache.store().lead(6).value().value(); // "new"
        moved.status = LeadStatus(LeadStatus::Closed);
        moved.updatedAt = moved.updatedAt.addDays(1); // the newest activity of all
        QVERIFY(cache.store().upsert({moved}).ok());
        cache.notifyLeadsChanged({6});
        QCOMPARE(model.index(0).data(PipelineModel::CountRole).toLongLong(), 9);
        QCOMPARE(model.index(5).data(PipelineModel::CountRole).toLongLong(), 11);
        QCOMPARE(model.columnModel(5)->idAt(0), 6);
    }
};

QTEST_GUILESS_MAIN(TestPipelineModel)
#include "tst_pipelinemodel.moc"
