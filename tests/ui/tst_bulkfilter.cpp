// Bulk actions over a whole filter: Ctrl+A over more leads than one selection
// can carry (BulkActionBar::kMaxLeads) applies the action to every lead the
// list's filter matches. The ids are read in SQL off the GUI thread (and the
// read can be cancelled), the count is confirmed, ONE bulk row is queued off
// the GUI thread, and undo works while it is queued. The leads come from
// outpost-sim through the real sync thread into a real cache file.
#include "AppFixture.h"
#include "BulkActionBar.h"
#include "LeadListPage.h"
#include "LeadTableModel.h"
#include "MainWindow.h"
#include "Screenshot.h"
#include "SessionSyncStatus.h"
#include "SimFixture.h"
#include "WorkspaceCache.h"
#include "outbox/OutboxStore.h"
#include "storage/Database.h"
#include "storage/LeadStore.h"
#include "sync/SyncSession.h"
#include "workspace/WorkspaceRegistry.h"

#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace outpost;
using namespace outpost::test;

namespace {

constexpr int kLeads = 6000; // more than one selection carries (BulkActionBar::kMaxLeads)
const QString kTag = QStringLiteral("whole-list-followup");

} // namespace

class TestBulkFilter : public QObject
{
    Q_OBJECT

private:
    AppFixture m_app;

    QList<OutboxRow> outboxRows()
    {
        auto db = Database::open(m_app.cachePath());
        auto rows = OutboxStore(db.value()).rows();
        return rows ? *rows : QList<OutboxRow>();
    }

    qint64 cachedWithTag()
    {
        auto db = Database::open(m_app.cachePath());
        LeadFilter tagged;
        tagged.tag = kTag;
        return LeadStore(db.value()).count(tagged).value();
    }

    BulkActionBar *bar() const { return m_app.window()->leadList()->bulkBar(); }
    QLabel *selectedLabel() const
    {
        for (QLabel *label : bar()->findChildren<QLabel *>()) {
            if (label->text().contains(QStringLiteral("selected")))
                return label;
        }
        return nullptr;
    }

    // Ctrl+A, "Add tag…", the tag, the first confirmation (which reads the ids).
    void startTaggingEverything()
    {
        QTableView *table = m_app.window()->leadList()->table();
        table->setFocus();
        QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
        QTRY_VERIFY(bar()->isVisible());
        QVERIFY(selectedLabel());
        QCOMPARE(selectedLabel()->text(),
                 QStringLiteral("All %1 matching leads selected").arg(QLocale().toString(kLeads)));
        // A message reaches at most kMaxBulkLeads leads (the contract's limit): greyed, with the reason.
        QVERIFY(!bar()->actionButton(BulkActionBar::SendMessage)->isEnabled());
        QVERIFY(bar()->actionButton(BulkActionBar::SendMessage)->toolTip().contains(QStringLiteral("campaign")));
        QPushButton *add = bar()->actionButton(BulkActionBar::AddTag);
        QVERIFY2(add->isEnabled(), qPrintable(add->toolTip()));
        QTest::mouseClick(add, Qt::LeftButton);
        QTest::keyClicks(bar()->valueEdit(), kTag);
        QCOMPARE(bar()->confirmButton()->text(),
                 QStringLiteral("Tag all %1 matching leads").arg(QLocale().toString(kLeads)));
        QTest::mouseClick(bar()->confirmButton(), Qt::LeftButton);
    }

private slots:
    void initTestCase()
    {
        sim::SimOptions options = SimFixture::defaultOptions(kLeads);
        options.rateLimit = 0;
        options.activityPerMinute = 0;
        AppFixture::Options app;
        app.workspaceName = QStringLiteral("Bulk");
        app.plan = QStringLiteral("premium");
        app.windowSize = QSize(1280, 800);
        QVERIFY2(m_app.start(options, app), qPrintable(m_app.errorString()));
        QVERIFY2(m_app.syncOnce(240000), qPrintable(m_app.errorString()));
        QCOMPARE(m_app.lastOutcome(), SyncEngine::Outcome::Completed);
        QTRY_COMPARE_WITH_TIMEOUT(m_app.window()->leadList()->model()->rowCount(), kLeads, 30000);
        // Queued rows stay queued until the last test goes online.
        m_app.status()->setWorkingOffline(true);
    }

    void tagEveryLeadOfTheListAsOneBulkRowThenUndo()
    {
        startTaggingEverything();
        // The ids are read off the GUI thread; then the button names their exact number.
        QTRY_COMPARE_WITH_TIMEOUT(bar()->resolvedLeads().size(), kLeads, 60000);
        QCOMPARE(bar()->confirmButton()->text(), QStringLiteral("Tag %1 leads").arg(QLocale().toString(kLeads)));
        QVERIFY(outboxRows().isEmpty());
        saveScreenshot(*m_app.window(), QStringLiteral("leads-bulk-whole-list.png"));
        QTest::mouseClick(bar()->confirmButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(bar()->undoButton()->isVisible(), 60000);
        QVERIFY2(bar()->notice()->text().contains(QStringLiteral("%1 leads").arg(QLocale().toString(kLeads))),
                 qPrintable(bar()->notice()->text()));

        const QList<OutboxRow> rows = outboxRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().op, OutboxRow::Op::BulkTag);
        QCOMPARE(rows.first().leadIds.size(), kLeads);
        QCOMPARE(QSet<qint64>(rows.first().leadIds.cbegin(), rows.first().leadIds.cend()).size(), kLeads);
        QCOMPARE(rows.first().payload.value(QStringLiteral("tag")).toString(), kTag);
        QCOMPARE(cachedWithTag(), kLeads);
        QTRY_COMPARE(m_app.status()->pendingOutboxCount(), 1);
        QTRY_VERIFY(m_app.window()->leadList()->model()->leadAt(0)->tags.contains(kTag));

        QTest::mouseClick(bar()->undoButton(), Qt::LeftButton);
        QVERIFY(bar()->notice()->text().startsWith(QStringLiteral("Undone")));
        QVERIFY(outboxRows().isEmpty());
        QCOMPARE(cachedWithTag(), 0);
    }

    void cancellingTheReadQueuesNothing()
    {
        m_app.window()->leadList()->table()->clearSelection();
        QTRY_VERIFY(bar()->findChild<QPushButton *>(QStringLiteral("bulkDismiss")));
        QTest::mouseClick(bar()->findChild<QPushButton *>(QStringLiteral("bulkDismiss")), Qt::LeftButton);
        startTaggingEverything();
        QVERIFY(bar()->isBusy());
        QVERIFY(bar()->notice()->text().startsWith(QStringLiteral("Finding the")));
        QTest::mouseClick(bar()->findChild<QPushButton *>(QStringLiteral("bulkDismiss")), Qt::LeftButton);
        QVERIFY(!bar()->isBusy());
        QTest::qWait(500); // a late answer of the cancelled read changes nothing
        QVERIFY(bar()->resolvedLeads().isEmpty());
        QVERIFY(outboxRows().isEmpty());
    }

    void theFilterDecidesWhichLeads()
    {
        // The ids come from the filter in SQL, not from the rows the view happened to load.
        LeadFilter qualified;
        qualified.status = QStringLiteral("qualified");
        qint64 expected = 0;
        {
            auto db = Database::open(m_app.cachePath());
            expected = LeadStore(db.value()).count(qualified).value();
        }
        QVERIFY(expected > 0 && expected < kLeads);
        bar()->setWholeFilterSelection(expected, qualified, m_app.cachePath());
        bar()->begin(BulkActionBar::ChangeStage);
        bar()->confirm();
        QTRY_COMPARE_WITH_TIMEOUT(bar()->resolvedLeads().size(), int(expected), 60000);
        auto db = Database::open(m_app.cachePath());
        LeadStore store(db.value());
        for (qint64 id : bar()->resolvedLeads())
            QCOMPARE(store.lead(id)->value().status.toString(), QStringLiteral("qualified"));
        bar()->cancel();
        QVERIFY(outboxRows().isEmpty());
    }
};

QTEST_MAIN(TestBulkFilter)
#include "tst_bulkfilter.moc"
