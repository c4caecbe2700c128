// Every page of the app over outpost-sim's made-up data (the demo's), in the
// light and the dark palette, written to build/screenshots/ to be looked at:
// Leads, Pipeline, the lead detail with a conversation and a queued reply,
// Dashboard, Campaigns, Settings, and the conflicts dialog over a real
// conflict (the lead changed on the service while a change to it waited).
#include "CampaignsPage.h"
#include "ConflictsDialog.h"
#include "DashboardPage.h"
#include "LeadDetailPane.h"
#include "LeadListPage.h"
#include "LeadTableModel.h"
#include "MainWindow.h"
#include "SessionSyncStatus.h"
#include "Sidebar.h"
#include "SimFixture.h"
#include "SyncStatusBar.h"
#include "TimelineModel.h"
#include "WorkspaceCache.h"
#include "api/ApiConfig.h"
#include "api/RateBudget.h"
#include "sync/SyncSession.h"
#include "workspace/WorkspaceRegistry.h"

#include <QApplication>
#include <QDir>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace outpost;
using namespace outpost::test;

namespace {

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(37, 37, 38));
    p.setColor(QPalette::WindowText, QColor(230, 230, 230));
    p.setColor(QPalette::Base, QColor(30, 30, 30));
    p.setColor(QPalette::AlternateBase, QColor(45, 45, 48));
    p.setColor(QPalette::Text, QColor(230, 230, 230));
    p.setColor(QPalette::Button, QColor(45, 45, 48));
    p.setColor(QPalette::ButtonText, QColor(230, 230, 230));
    p.setColor(QPalette::Highlight, QColor(38, 110, 190));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(80, 80, 84));
    p.setColor(QPalette::Light, QColor(70, 70, 74));
    p.setColor(QPalette::Dark, QColor(20, 20, 20));
    p.setColor(QPalette::ToolTipBase, QColor(45, 45, 48));
    p.setColor(QPalette::ToolTipText, QColor(230, 230, 230));
    p.setColor(QPalette::PlaceholderText, QColor(140, 140, 140));
    p.setColor(QPalette::Link, QColor(110, 170, 240));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(130, 130, 130));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(130, 130, 130));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(130, 130, 130));
    return p;
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SimFixture m_sim;
    std::unique_ptr<WorkspaceRegistry> m_registry;
    std::unique_ptr<SyncSession> m_session;
    std::unique_ptr<SessionSyncStatus> m_status;
    std::unique_ptr<MainWindow> m_window;
    QString m_out;
    QPalette m_light;

    void save(QWidget &w, const QString &name, bool dark)
    {
        // Layouts and deferred paints settle in the event loop, as on screen.
        QTest::qWait(150);
        const QString path = m_out + QLatin1Char('/') + name +
                             (dark ? QStringLiteral("-dark") : QStringLiteral("-light")) + QStringLiteral(".png");
        QVERIFY2(w.grab().save(path), qPrintable(path));
    }

private slots:
    void initTestCase()
    {
        m_out = qEnvironmentVariable("OUTPOST_SCREENSHOT_DIR", m_dir.filePath(QStringLiteral("screenshots")));
        QVERIFY(QDir().mkpath(m_out));
        m_light = QApplication::palette();
        sim::SimOptions options = SimFixture::defaultOptions(400);
        options.rateLimit = 0;
        options.activityPerMinute = 0;
        QVERIFY2(m_sim.start(options), qPrintable(m_sim.errorString()));
        m_registry = std::make_unique<WorkspaceRegistry>(Profile(m_dir.filePath(QStringLiteral("profile"))));
        QVERIFY(m_registry->profile().ensureExists());
        Workspace w{QUuid::createUuid(), QStringLiteral("Demo"), m_sim.baseUrl(), m_sim.clientId()};
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
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy finished(m_session.get(), &SyncSession::finished);
        m_status->syncNow();
        QVERIFY(finished.wait(120000));
        QTRY_COMPARE(m_window->leadList()->model()->rowCount(), 400);
        QTRY_VERIFY_WITH_TIMEOUT(!m_status->isSyncing(), 60000);
    }

    void cleanupTestCase()
    {
        QApplication::setPalette(m_light);
        if (m_window)
            m_window->setSyncStatus(nullptr);
        m_window.reset();
        m_status.reset();
        m_session.reset();
    }

    void aConflictFromTheService()
    {
        // Queued while offline; meanwhile another agent changes the same lead's status.
        const qint64 id = m_window->leadList()->model()->idAt(5);
        const QString before = m_window->leadList()->model()->leadAt(5)->status.toString();
        m_status->setWorkingOffline(true);
        const QString mine =
            before == QLatin1StringView("qualified") ? QStringLiteral("booked") : QStringLiteral("qualified");
        const QString theirs = before == QLatin1StringView("lost") ? QStringLiteral("closed") : QStringLiteral("lost");
        QVERIFY(m_status->edits()->setStatus(id, LeadStatus::fromString(mine)).ok());
        QVERIFY(
            m_sim.admin("PATCH", QStringLiteral("leads/%1").arg(id), {{QStringLiteral("status"), theirs}}).isObject());
        m_status->setWorkingOffline(false);
        QTRY_VERIFY_WITH_TIMEOUT(m_status->conflictCount() == 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_status->isSyncing(), 60000);
    }

    void everyPage_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void everyPage()
    {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkPalette() : m_light);
        MainWindow &window = *m_window;
        LeadListPage *list = window.leadList();

        window.showPage(Sidebar::Leads);
        QTableView *table = list->table();
        table->setCurrentIndex(list->model()->index(0, 0));
        table->selectRow(0);
        save(window, QStringLiteral("leads"), dark);

        // A lead with its conversation loaded, and a reply waiting in the outbox.
        const qint64 id = list->model()->idAt(2);
        m_status->setWorkingOffline(false);
        window.openLead(id);
        QTRY_VERIFY_WITH_TIMEOUT(list->detailPane()->timeline()->rowCount() > 0, 30000);
        if (!dark) {
            m_status->setWorkingOffline(true);
            QVERIFY(
                m_status->edits()->reply(id, QStringLiteral("Thanks! I have booked you for Thursday at 10:00.")).ok());
        }
        save(window, QStringLiteral("lead-detail"), dark);
        save(*list->detailPane(), QStringLiteral("lead-detail-pane"), dark);

        window.showPage(Sidebar::Pipeline);
        save(window, QStringLiteral("pipeline"), dark);

        window.showPage(Sidebar::Dashboard);
        QSignalSpy refreshed(window.dashboard(), &DashboardPage::refreshed);
        window.dashboard()->refresh();
        QVERIFY(refreshed.wait(30000));
        save(window, QStringLiteral("dashboard"), dark);

        window.showPage(Sidebar::Campaigns);
        save(window, QStringLiteral("campaigns"), dark);
        window.showPage(Sidebar::Settings);
        save(window, QStringLiteral("settings"), dark);

        window.showConflicts();
        ConflictsDialog *dialog = window.conflictsDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->conflictList()->count(), 1);
        save(*dialog, QStringLiteral("conflicts-dialog"), dark);
        dialog->close();
        window.showPage(Sidebar::Leads);
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
