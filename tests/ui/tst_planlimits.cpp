// A workspace on the service's basic plan: Premium features stay in sight,
// greyed, with the reason, and the local fallbacks keep working.
#include "BulkActionBar.h"
#include "DashboardPage.h"
#include "LeadListPage.h"
#include "LeadTableModel.h"
#include "MainWindow.h"
#include "PlanLimits.h"
#include "SessionSyncStatus.h"
#include "Sidebar.h"
#include "SimFixture.h"
#include "WorkspaceCache.h"
#include "api/ApiConfig.h"
#include "api/RateBudget.h"
#include "sync/SyncSession.h"
#include "workspace/WorkspaceRegistry.h"

#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace outpost;
using namespace outpost::test;

class TestPlanLimits : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SimFixture m_sim;
    std::unique_ptr<WorkspaceRegistry> m_registry;
    std::unique_ptr<SyncSession> m_session;
    std::unique_ptr<SessionSyncStatus> m_status;
    std::unique_ptr<MainWindow> m_window;

private slots:
    void initTestCase()
    {
        sim::SimOptions options = SimFixture::defaultOptions(30);
        options.rateLimit = 0;
        options.activityPerMinute = 0;
        options.plan = sim::SimOptions::Plan::Basic;
        QVERIFY2(m_sim.start(options), qPrintable(m_sim.errorString()));
        m_registry = std::make_unique<WorkspaceRegistry>(Profile(m_dir.filePath(QStringLiteral("profile"))));
        QVERIFY(m_registry->profile().ensureExists());
        Workspace w{QUuid::createUuid(), QStringLiteral("Basic"), m_sim.baseUrl(), m_sim.clientId()};
        w.service.rateLimit = 100000;
        auto added = m_registry->add(w);
        QVERIFY(added);
        QVERIFY(m_registry->setDefault(added->id).ok());
        const Profile &profile = m_registry->profile();
        m_session = std::make_unique<SyncSession>(ApiConfig::forWorkspace(*added, m_sim.apiKey()),
                                                  RateBudget::forWorkspace(*added), profile.cachePath(added->id),
                                                  profile.syncLockPath(added->id));
        SyncOptions sync;
        sync.details = SyncOptions::Details::None;
        m_status = std::make_unique<SessionSyncStatus>(m_session.get(), sync, QDateTime());
        m_window = std::make_unique<MainWindow>(*m_registry);
        connect(m_session.get(), &SyncSession::leadsChanged, m_window->cache(), &WorkspaceCache::notifyLeadsChanged);
        m_window->setSyncStatus(m_status.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        // Before any answer from the service, nothing is known to be missing.
        QVERIFY(!m_window->planLimits()->isLimited());
        QVERIFY(!m_window->findChild<QLabel *>(QStringLiteral("planLimits"))->isVisibleTo(m_window.get()));

        QSignalSpy finished(m_session.get(), &SyncSession::finished);
        m_status->syncNow();
        QVERIFY(finished.wait(60000));
    }

    void cleanupTestCase()
    {
        if (m_window)
            m_window->setSyncStatus(nullptr);
        m_window.reset();
        m_status.reset();
        m_session.reset();
    }

    void theStatusBarSaysBasicPlanAndWhy()
    {
        QTRY_VERIFY(m_window->planLimits()->isLimited());
        auto *plan = m_window->findChild<QLabel *>(QStringLiteral("planLimits"));
        QVERIFY(plan->isVisibleTo(m_window.get()));
        QCOMPARE(plan->text(), QStringLiteral("Basic plan"));
        QVERIFY2(plan->toolTip().contains(m_window->planLimits()->premiumReason()), qPrintable(plan->toolTip()));
        QVERIFY(plan->toolTip().contains(QStringLiteral("Premium plan")));
    }

    void bulkActionsAreGreyedWithTheReasonNotHidden()
    {
        BulkActionBar *bar = m_window->leadList()->bulkBar();
        int greyed = 0;
        for (QPushButton *button : bar->findChildren<QPushButton *>()) {
            if (!button->isEnabled() && button->toolTip().contains(QStringLiteral("Premium plan")))
                ++greyed;
        }
        QVERIFY2(greyed >= 3, "change stage, tags and message are shown, greyed, with the reason");
    }

    void theLeadsAndTheDashboardStillWorkFromTheCache()
    {
        QCOMPARE(m_window->leadList()->model()->rowCount(), 30);
        m_window->showPage(Sidebar::Dashboard);
        DashboardPage *dashboard = m_window->dashboard();
        QSignalSpy refreshed(dashboard, &DashboardPage::refreshed);
        dashboard->refresh();
        QVERIFY(refreshed.wait(30000));
        const DashboardFigures &f = dashboard->figures();
        QCOMPARE(f.sla.source, DashboardFigures::Source::Local);
        QVERIFY(!f.sla.note.isEmpty());
        QCOMPARE(f.overview.body.value(QStringLiteral("total_leads")).toInteger(), 30);
        QVERIFY(!f.sla.body.isEmpty());
    }
};

QTEST_MAIN(TestPlanLimits)
#include "tst_planlimits.moc"
