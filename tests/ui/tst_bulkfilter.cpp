// Bulk actions over a whole filter: Ctrl+A over more leads than one selection
// can carry (BulkActionBar::kMaxLeads) applies the action to every lead the
// list's filter matches. The ids are read in SQL off the GUI thread (and the
// read can be cancelled), the count is confirmed, ONE bulk row is queued off
// the GUI thread, and undo works while it is queued. The leads come from
// outpost-sim through the real sync thread into a real cache file.
#include "BulkActionBar.h"
#include "LeadListPage.h"
#include "LeadTableModel.h"
#include "MainWindow.h"
#include "Screenshot.h"
#include "SessionSyncStatus.h"
#include "SimFixture.h"
#include "WorkspaceCache.h"
#include "api/ApiConfig.h"
#include "api/RateBudget.h"
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
#include <QTemporaryDir>
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
    QTemporaryDir m_dir;
    SimFixture m_sim;
    std::unique_ptr<WorkspaceRegistry> m_registry;
    std::unique_ptr<SyncSession> m_session;
    std::unique_ptr<SessionSyncStatus> m_status;
    std::unique_ptr<MainWindow> m_window;
    QString m_cachePath;

    QList<OutboxRow> outboxRows()
    {
        auto db = Database::open(m_cachePath);
        auto rows = OutboxStore(db.value()).rows();
        return rows ? *rows : QList<OutboxRow>();
    }

    qint64 cachedWithTag()
    {
        auto db = Database::open(m_cachePath);
        LeadFilter tagged;
        tagged.tag = kTag;
        return LeadStore(db.value()).count(tagged).value();
    }

    BulkActionBar *bar() const { return m_window->leadList()->bulkBar(); }
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
        QTableView *table = m_window->leadList()->table();
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
        QVERIFY2(m_sim.start(options), qPrintable(m_sim.errorString()));
        m_registry = std::make_unique<WorkspaceRegistry>(Profile(m_dir.filePath(QStringLiteral("profile"))));
        QVERIFY(m_registry->profile().ensureExists());
        Workspace w{QUuid::createUuid(), QStringLiteral("Bulk"), m_sim.baseUrl(), m_sim.clientId()};
        w.service.rateLimit = 100000;
        w.plan = QStringLiteral("premium");
        auto added = m_registry->add(w);
        QVERIFY(added);
        QVERIFY(m_registry->setDefault(added->id).ok());
        const Profile &profile = m_registry->profile();
        m_cachePath = profile.cachePath(added->id);
        m_session = std::make_unique<SyncSession>(ApiConfig::forWorkspace(*added, m_sim.apiKey()),
                                                  RateBudget::forWorkspace(*added), m_cachePath,
                                                  profile.syncLockPath(added->id));
        SyncOptions sync;
        sync.details = SyncOptions::Details::None;
        sync.snapshots = false;
        m_status = std::make_unique<SessionSyncStatus>(m_session.get(), sync, QDateTime());
        m_window = std::make_unique<MainWindow>(*m_registry);
        connect(m_session.get(), &SyncSession::leadsChanged, m_window->cache(), &WorkspaceCache::notifyLeadsChanged);
        m_window->setSyncStatus(m_status.get());
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy finished(m_session.get(), &SyncSession::finished);
        m_status->syncNow();
        QVERIFY(finished.wait(240000));
        QCOMPARE(finished.first().at(0).value<SyncEngine::Outcome>(), SyncEngine::Outcome::Completed);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->leadList()->model()->rowCount(), kLeads, 30000);
        // Queued rows stay queued until the last test goes online.
        m_status->setWorkingOffline(true);
    }

    void cleanupTestCase()
    {
        if (m_window)
            m_window->setSyncStatus(nullptr);
        m_window.reset();
        m_status.reset();
        m_session.reset();
    }

    void tagEveryLeadOfTheListAsOneBulkRowThenUndo()
    {
        startTaggingEverything();
        // The ids are read off the GUI thread; then the button names their exact number.
        QTRY_COMPARE_WITH_TIMEOUT(bar()->resolvedLeads().size(), kLeads, 60000);
        QCOMPARE(bar()->confirmButton()->text(), QStringLiteral("Tag %1 leads").arg(QLocale().toString(kLeads)));
        QVERIFY(outboxRows().isEmpty());
        saveScreenshot(*m_window, QStringLiteral("leads-bulk-whole-list.png"));
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
        QTRY_COMPARE(m_status->pendingOutboxCount(), 1);
        QTRY_VERIFY(m_window->leadList()->model()->leadAt(0)->tags.contains(kTag));

        QTest::mouseClick(bar()->undoButton(), Qt::LeftButton);
        QVERIFY(bar()->notice()->text().startsWith(QStringLiteral("Undone")));
        QVERIFY(outboxRows().isEmpty());
        QCOMPARE(cachedWithTag(), 0);
    }

    void cancellingTheReadQueuesNothing()
    {
        m_window->leadList()->table()->clearSelection();
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
            auto db = Database::open(m_cachePath);
            expected = LeadStore(db.value()).count(qualified).value();
        }
        QVERIFY(expected > 0 && expected < kLeads);
        bar()->setWholeFilterSelection(expected, qualified, m_cachePath);
        bar()->begin(BulkActionBar::ChangeStage);
        bar()->confirm();
        QTRY_COMPARE_WITH_TIMEOUT(bar()->resolvedLeads().size(), int(expected), 60000);
        auto db = Database::open(m_cachePath);
        LeadStore store(db.value());
        for (qint64 id : bar()->resolvedLeads())
            QCOMPARE(store.lead(id)->value().status.toString(), QStringLiteral("qualified"));
        bar()->cancel();
        QVERIFY(outboxRows().isEmpty());
    }
};

QTEST_MAIN(TestBulkFilter)
#include "tst_bulkfilter.moc"
