// Every page of the app over outpost-sim's made-up data (the demo's), in the
// light and the dark palette, written to build/screenshots/ (`make screenshots`)
// to be looked at: the welcome page, Leads searched and filtered, the lead
// detail with a conversation and a queued reply, Pipeline, Dashboard (the
// service's figures, and the ones computed from the cache), the campaign
// builder with its audience preview and the campaign list, Settings with the
// key rotation and webhook dialogs, the command palette, and the conflicts
// dialog over a real conflict (the lead changed on the service while a change
// to it waited).
#include "ApiKeysDialog.h"
#include "AppFixture.h"
#include "CampaignBuilderPage.h"
#include "CampaignsPage.h"
#include "CommandPalette.h"
#include "ConflictsDialog.h"
#include "DashboardPage.h"
#include "FilterChipBar.h"
#include "LeadDetailPane.h"
#include "LeadListPage.h"
#include "LeadTableModel.h"
#include "MainWindow.h"
#include "SessionSyncStatus.h"
#include "SettingsPage.h"
#include "Sidebar.h"
#include "SimFixture.h"
#include "SyncStatusBar.h"
#include "TimelineModel.h"
#include "WebhooksDialog.h"
#include "WorkspaceCache.h"
#include "secrets/KeychainSecretStore.h"
#include "sync/SyncSession.h"
#include "workspace/WorkspaceRegistry.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

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
    AppFixture m_app;
    KeychainSecretStore m_keychain;
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
        m_out = qEnvironmentVariable("OUTPOST_SCREENSHOT_DIR", m_app.tempPath(QStringLiteral("screenshots")));
        QVERIFY(QDir().mkpath(m_out));
        qInfo("Screenshots go to %s", qPrintable(QDir(m_out).absolutePath()));
        m_light = QApplication::palette();
        sim::SimOptions options = SimFixture::defaultOptions(400);
        options.rateLimit = 0;
        options.activityPerMinute = 0;
        AppFixture::Options app;
        app.workspaceName = QStringLiteral("Demo");
        app.sync.snapshots = true;
        app.windowSize = QSize(1280, 800);
        // The key rotation and webhook dialogs read the workspace's key from the keychain, as in the app.
        app.keyInKeychain = true;
        QVERIFY2(m_app.start(options, app), qPrintable(m_app.errorString()));
        QVERIFY2(m_app.syncOnce(120000), qPrintable(m_app.errorString()));
        QTRY_COMPARE(m_app.window()->leadList()->model()->rowCount(), 400);
        QTRY_VERIFY_WITH_TIMEOUT(!m_app.status()->isSyncing(), 60000);
    }

    void cleanupTestCase() { QApplication::setPalette(m_light); }

    void aConflictFromTheService()
    {
        // Queued while offline; meanwhile another agent changes the same lead's status.
        const qint64 id = m_app.window()->leadList()->model()->idAt(5);
        const QString before = m_app.window()->leadList()->model()->leadAt(5)->status.toString();
        m_app.status()->setWorkingOffline(true);
        const QString mine =
            before == QLatin1StringView("qualified") ? QStringLiteral("booked") : QStringLiteral("qualified");
        const QString theirs = before == QLatin1StringView("lost") ? QStringLiteral("closed") : QStringLiteral("lost");
        QVERIFY(m_app.status()->edits()->setStatus(id, LeadStatus::fromString(mine)).ok());
        QVERIFY(m_app.sim()
                    .admin("PATCH", QStringLiteral("leads/%1").arg(id), {{QStringLiteral("status"), theirs}})
                    .isObject());
        m_app.status()->setWorkingOffline(false);
        QTRY_VERIFY_WITH_TIMEOUT(m_app.status()->conflictCount() == 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_app.status()->isSyncing(), 60000);
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
        // Each step stops the run at its first failure (a failed check returns from the step only).
        for (void (TestScreenshots::*step)(bool) :
             {&TestScreenshots::welcomePage, &TestScreenshots::leadsSearchedAndFiltered,
              &TestScreenshots::leadDetailWithPendingReply, &TestScreenshots::pipeline, &TestScreenshots::dashboard,
              &TestScreenshots::campaigns, &TestScreenshots::settings, &TestScreenshots::commandPalette,
              &TestScreenshots::conflictsDialog}) {
            (this->*step)(dark);
            if (QTest::currentTestFailed())
                return;
        }
        m_app.window()->showPage(Sidebar::Leads);
    }

private:
    void welcomePage(bool dark)
    {
        // A profile without any workspace: what a first start shows.
        QTemporaryDir empty;
        WorkspaceRegistry registry{Profile(empty.filePath(QStringLiteral("profile")))};
        QVERIFY(registry.profile().ensureExists());
        MainWindow welcome(registry);
        welcome.resize(1280, 800);
        welcome.show();
        QVERIFY(QTest::qWaitForWindowExposed(&welcome));
        QVERIFY(welcome.currentWorkspace().id.isNull());
        save(welcome, QStringLiteral("welcome"), dark);
    }

    void leadsSearchedAndFiltered(bool dark)
    {
        MainWindow &window = *m_app.window();
        LeadListPage *list = window.leadList();
        window.showPage(Sidebar::Leads);
        QToolButton *status = list->chips()->button(FilterChipBar::Chip::Status);
        QAction *contacted = nullptr;
        for (QAction *a : status->menu()->actions()) {
            if (a->text() == QStringLiteral("Contacted"))
                contacted = a;
        }
        QVERIFY(contacted);
        contacted->trigger();
        QTRY_VERIFY(list->model()->rowCount() < 400);
        // A tag some of these leads carry: the search narrows the chip's rows without emptying them.
        QString tag;
        for (int row = 0; row < list->model()->rowCount() && tag.isEmpty(); ++row) {
            const auto lead = list->model()->leadAt(row);
            if (lead && !lead->tags.isEmpty())
                tag = lead->tags.first();
        }
        QVERIFY(!tag.isEmpty());
        const int filtered = list->model()->rowCount();
        QTest::keyClicks(list->searchBox(), tag);
        QTRY_VERIFY2(
            list->model()->rowCount() < filtered && list->model()->rowCount() > 0,
            qPrintable(QStringLiteral("“%1”: %2 of %3 rows").arg(tag).arg(list->model()->rowCount()).arg(filtered)));
        list->table()->selectRow(0);
        save(window, QStringLiteral("leads"), dark);
        list->clearSearch();
        list->chips()->clear();
        QTRY_COMPARE(list->model()->rowCount(), 400);
    }

    void leadDetailWithPendingReply(bool dark)
    {
        // A lead with its conversation loaded, and a reply waiting in the outbox.
        MainWindow &window = *m_app.window();
        LeadListPage *list = window.leadList();
        const qint64 id = list->model()->idAt(2);
        m_app.status()->setWorkingOffline(false);
        QTRY_VERIFY_WITH_TIMEOUT(!m_app.status()->isSyncing(), 60000);
        window.openLead(id);
        QTRY_VERIFY_WITH_TIMEOUT(list->detailPane()->timeline()->rowCount() > 0, 30000);
        m_app.status()->setWorkingOffline(true);
        QVERIFY(m_app.status()
                    ->edits()
                    ->reply(id, QStringLiteral("Thanks! I have booked you for Thursday at 10:00."))
                    .ok());
        save(window, QStringLiteral("lead-detail"), dark);
        save(*list->detailPane(), QStringLiteral("lead-detail-pane"), dark);
    }

    void pipeline(bool dark)
    {
        m_app.window()->showPage(Sidebar::Pipeline);
        save(*m_app.window(), QStringLiteral("pipeline"), dark);
    }

    void dashboard(bool dark)
    {
        MainWindow &window = *m_app.window();
        window.showPage(Sidebar::Dashboard);
        QSignalSpy refreshed(window.dashboard(), &DashboardPage::refreshed);
        window.dashboard()->setDays(30);
        window.dashboard()->refresh();
        QVERIFY(refreshed.wait(30000));
        save(window, QStringLiteral("dashboard"), dark);
        // Sync keeps the service's SLA of 30 days: another period is computed from the cache, and says so.
        refreshed.clear();
        window.dashboard()->setDays(7);
        window.dashboard()->refresh();
        QVERIFY(refreshed.wait(30000));
        save(window, QStringLiteral("dashboard-7-days"), dark);
        window.dashboard()->setDays(30);
    }

    void campaigns(bool dark)
    {
        MainWindow &window = *m_app.window();
        window.showPage(Sidebar::Campaigns);
        CampaignBuilderPage *builder = window.campaigns()->builder();
        window.campaigns()->findChild<QTabWidget *>()->setCurrentWidget(builder);
        QSignalSpy updated(builder, &CampaignBuilderPage::audienceUpdated);
        builder->setCampaignName(dark ? QStringLiteral("Spring offer (WhatsApp)") : QStringLiteral("Spring offer"));
        builder->setMessage(QStringLiteral("Hi {first_name}, {agent} here: our spring slots are open. Reply YES to "
                                           "book yours."));
        builder->setFilterText(QStringLiteral("status"), QStringLiteral("qualified"));
        builder->setFilterText(QStringLiteral("channel"), dark ? QStringLiteral("whatsapp") : QString());
        QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty() && builder->audience().count > 0, 30000);
        QTest::qWait(300);
        save(window, QStringLiteral("campaign-builder"), dark);
        builder->saveDraft();
        window.campaigns()->showList();
        save(window, QStringLiteral("campaigns"), dark);
    }

    void settings(bool dark)
    {
        MainWindow &window = *m_app.window();
        window.showPage(Sidebar::Settings);
        window.settingsPage()->selectWorkspace(m_app.workspace().id);
        save(window, QStringLiteral("settings"), dark);

        ApiKeysDialog keys(m_app.workspace(), m_keychain, &window);
        QSignalSpy keysLoaded(&keys, &ApiKeysDialog::keysLoaded);
        keys.show();
        QTRY_VERIFY_WITH_TIMEOUT(keysLoaded.size() >= 1, 30000);
        QVERIFY(keys.keyCount() >= 1);
        save(keys, QStringLiteral("settings-api-keys"), dark);

        WebhooksDialog hooks(m_app.workspace(), m_keychain, m_app.registry(), &window);
        QSignalSpy hooksLoaded(&hooks, &WebhooksDialog::webhooksLoaded);
        hooks.show();
        QTRY_VERIFY_WITH_TIMEOUT(hooksLoaded.size() >= 1, 30000);
        if (hooks.webhookCount() == 0) {
            QSignalSpy created(&hooks, &WebhooksDialog::created);
            hooks.findChild<QLineEdit *>(QStringLiteral("webhookName"))->setText(QStringLiteral("This computer"));
            hooks.findChild<QLineEdit *>(QStringLiteral("webhookUrl"))
                ->setText(QStringLiteral("http://127.0.0.1:9/hooks"));
            hooks.create();
            QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 30000);
            QTRY_COMPARE_WITH_TIMEOUT(hooks.webhookCount(), 1, 30000);
        }
        save(hooks, QStringLiteral("settings-webhooks"), dark);
    }

    void commandPalette(bool dark)
    {
        MainWindow &window = *m_app.window();
        window.showPage(Sidebar::Leads);
        const QString name = window.leadList()->model()->leadAt(0)->name;
        CommandPalette *palette = window.commandPalette();
        palette->popup();
        QTRY_VERIFY(palette->isVisible());
        palette->input()->setText(name.section(QLatin1Char(' '), 0, 0));
        QTRY_VERIFY_WITH_TIMEOUT(palette->results()->count() > 0, 10000);
        save(window, QStringLiteral("command-palette"), dark);
        palette->hide();
    }

    void conflictsDialog(bool dark)
    {
        MainWindow &window = *m_app.window();
        window.showConflicts();
        ConflictsDialog *dialog = window.conflictsDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->conflictList()->count(), 1);
        save(*dialog, QStringLiteral("conflicts-dialog"), dark);
        dialog->close();
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
