// A workspace on the service's basic plan: Premium features stay in sight,
// greyed, with the reason, and the local fallbacks keep working.
#include "AppFixture.h"
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
#include "sync/SyncSession.h"
#include "workspace/WorkspaceRegistry.h"

#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace outpost;
using namespace outpost::test;

class TestPlanLimits : public QObject
{
    Q_OBJECT

private:
    AppFixture m_app;

private slots:
    void initTestCase()
    {
        sim::SimOptions options = SimFixture::defaultOptions(30);
        options.rateLimit = 0;
        options.activityPerMinute = 0;
        options.plan = sim::SimOptions::Plan::Basic;
        AppFixture::Options app;
        app.workspaceName = QStringLiteral("Basic");
        app.sync.snapshots = true;
        QVERIFY2(m_app.start(options, app), qPrintable(m_app.errorString()));
        // Before any answer from the service, nothing is known to be missing.
        QVERIFY(!m_app.window()->planLimits()->isLimited());
        QVERIFY(!m_app.window()->findChild<QLabel *>(QStringLiteral("planLimits"))->isVisibleTo(m_app.window()));
        QVERIFY2(m_app.syncOnce(60000), qPrintable(m_app.errorString()));
    }

    void theStatusBarSaysBasicPlanAndWhy()
    {
        QTRY_VERIFY(m_app.window()->planLimits()->isLimited());
        auto *plan = m_app.window()->findChild<QLabel *>(QStringLiteral("planLimits"));
        QVERIFY(plan->isVisibleTo(m_app.window()));
        QCOMPARE(plan->text(), QStringLiteral("Basic plan"));
        QVERIFY2(plan->toolTip().contains(m_app.window()->planLimits()->premiumReason()), qPrintable(plan->toolTip()));
        QVERIFY(plan->toolTip().contains(QStringLiteral("Premium plan")));
    }

    void bulkActionsAreGreyedWithTheReasonNotHidden()
    {
        BulkActionBar *bar = m_app.window()->leadList()->bulkBar();
        int greyed = 0;
        for (QPushButton *button : bar->findChildren<QPushButton *>()) {
            if (!button->isEnabled() && button->toolTip().contains(QStringLiteral("Premium plan")))
                ++greyed;
        }
        QVERIFY2(greyed >= 3, "change stage, tags and message are shown, greyed, with the reason");
    }

    void theLeadsAndTheDashboardStillWorkFromTheCache()
    {
        QCOMPARE(m_app.window()->leadList()->model()->rowCount(), 30);
        m_app.window()->showPage(Sidebar::Dashboard);
        DashboardPage *dashboard = m_app.window()->dashboard();
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
