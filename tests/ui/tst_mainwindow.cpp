#include "BulkActionBar.h"
#include "CommandPalette.h"
#include "DashboardPage.h"
#include "ElidedLabel.h"
#include "FilterChipBar.h"
#include "LeadDetailPane.h"
#include "LeadListPage.h"
#include "LeadTableModel.h"
#include "MainWindow.h"
#include "PipelineBoard.h"
#include "Screenshot.h"
#include "Sidebar.h"
#include "TestLeads.h"
#include "TimelineModel.h"
#include "WidgetTexts.h"
#include "storage/Database.h"
#include "storage/LeadStore.h"
#include "workspace/WorkspaceRegistry.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStyleFactory>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace outpost;
using outpost::test::labelTexts;
using outpost::test::saveScreenshot;

namespace {

// The names in the rows the table shows on screen now, top to bottom.
QStringList visibleNames(QTableView *table)
{
    QStringList names;
    const int first = table->rowAt(0);
    if (first < 0)
        return names;
    int last = table->rowAt(table->viewport()->height() - 1);
    if (last < 0)
        last = table->model()->rowCount() - 1;
    for (int row = first; row <= last; ++row)
        names << table->model()->index(row, LeadTableModel::NameColumn).data().toString();
    return names;
}

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
    p.setColor(QPalette::ToolTipBase, QColor(45, 45, 48));
    p.setColor(QPalette::ToolTipText, QColor(230, 230, 230));
    p.setColor(QPalette::PlaceholderText, QColor(140, 140, 140));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(130, 130, 130));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(130, 130, 130));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(130, 130, 130));
    return p;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    // A profile with one workspace ("Acme") whose cache holds `count` leads, a
    // few with known names and one with a conversation.
    QString seededProfile(int count = 500)
    {
        const QString dir = m_dir.filePath(QStringLiteral("profile-%1").arg(++m_counter));
        WorkspaceRegistry registry{Profile(dir)};
        const Workspace acme = registry.add(Workspace{QUuid(), QStringLiteral("Acme"), QUrl(), QString()}).value();
        registry.setDefault(acme.id);
        auto db = Database::open(registry.profile().cachePath(acme.id));
        LeadStore store(db.value());
        QList<Lead> leads = test::makeLeads(1, count);
        const QStringList names = {QStringLiteral("Ada Lovelace"), QStringLiteral("Adam Smith"),
                                   QStringLiteral("Grace Hopper"), QStringLiteral("Zoë Ångström"),
                                   QStringLiteral("Robert'); DROP TABLE leads;--")};
        for (int i = 0; i < names.size(); ++i)
            leads[10 + i * 7].name = names.at(i);
        store.upsert(leads);

        LeadDetail d;
        d.lead = leads.at(24); // Grace Hopper
        const QDateTime t = QDateTime::currentDateTimeUtc().addDays(-1);
        d.messages = {Message{QStringLiteral("m1"), Message::Direction::In, QString(),
                              QStringLiteral("Hi! Do you have a slot for a consultation next week?"),
                              QStringLiteral("whatsapp"), t},
                      Message{QStringLiteral("m2"), Message::Direction::Out, QStringLiteral("Maria"),
                              QStringLiteral("Hello Grace, yes: Tuesday 10:00 or Thursday 14:00. Which suits you?"),
                              QStringLiteral("whatsapp"), t.addSecs(600)},
                      Message{QStringLiteral("m3"), Message::Direction::In, QString(),
                              QStringLiteral("Thursday please."), QStringLiteral("whatsapp"), t.addSecs(1800)}};
        d.notes = {Note{QStringLiteral("n1"), QStringLiteral("Maria"),
                        QStringLiteral("Prefers afternoons; ask about the spring promo."), t.addSecs(2400)}};
        d.appointments = {Appointment{QStringLiteral("a1"), t.addDays(3).toString(QStringLiteral("yyyy-MM-dd 14:00")),
                                      QStringLiteral("Consultation"), QStringLiteral("scheduled")}};
        store.saveDetail(d);
        return dir;
    }

    static void typeSearch(LeadListPage *page, const QString &text) { QTest::keyClicks(page->searchBox(), text); }

private slots:
    void init() { QApplication::setPalette(QApplication::style()->standardPalette()); }

    void anEmptyProfileShowsTheWelcomePage()
    {
        QTemporaryDir dir;
        WorkspaceRegistry registry{Profile(dir.path())};
        MainWindow window(registry);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(labelTexts(window).contains(QStringLiteral("Welcome to Outpost")));
        saveScreenshot(window, QStringLiteral("welcome.png"));
    }

    void showsTheCachedLeadCountOfEachWorkspace()
    {
        QTemporaryDir dir;
        WorkspaceRegistry registry{Profile(dir.path())};
        const Workspace acme = registry.add(Workspace{QUuid(), QStringLiteral("Acme"), QUrl(), QString()}).value();
        const Workspace beta = registry.add(Workspace{QUuid(), QStringLiteral("Beta"), QUrl(), QString()}).value();
        QVERIFY(registry.setDefault(acme.id).ok());
        {
            auto db = Database::open(registry.profile().cachePath(acme.id));
            QVERIFY(LeadStore(db.value()).upsert(test::makeLeads(1, 1234)).ok());
        }

        MainWindow window(registry);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(Sidebar::Dashboard);
        // The dashboard computes its figures on a pool thread: they arrive some turns of
        // the event loop later, many of them on a loaded machine.
        QTRY_VERIFY2_WITH_TIMEOUT(labelTexts(window).contains(QLocale().toString(1234)),
                                  qPrintable(labelTexts(window).join(u'|')), 20000);
        QVERIFY(labelTexts(window).contains(QStringLiteral("Acme")));
        QVERIFY(window.windowTitle().contains(QStringLiteral("Acme")));
        QCOMPARE(window.leadList()->model()->rowCount(), 1234);

        auto *switcher = window.sidebar()->workspaceSwitcher();
        QCOMPARE(switcher->count(), 2);
        switcher->setCurrentIndex(switcher->findText(beta.name));
        QVERIFY(labelTexts(window).contains(QStringLiteral("Beta")));
        // Acme's figures stay until Beta's arrive from the pool.
        QTRY_COMPARE_WITH_TIMEOUT(
            window.dashboard()->figures().overview.body.value(QStringLiteral("total_leads")).toInteger(-1), 0, 20000);
        QVERIFY(!labelTexts(window).contains(QLocale().toString(1234)));
        QCOMPARE(window.leadList()->model()->rowCount(), 0);
        window.showPage(Sidebar::Leads);
        QVERIFY(labelTexts(window).contains(QStringLiteral("No leads cached yet")));
    }

    void typingInTheSearchBoxChangesTheVisibleRows()
    {
        WorkspaceRegistry registry{Profile(seededProfile())};
        MainWindow window(registry);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        LeadListPage *page = window.leadList();
        QTableView *table = page->table();
        QCOMPARE(visibleNames(table).first(), QStringLiteral("Lead 500"));

        page->searchBox()->setFocus();
        typeSearch(page, QStringLiteral("ada"));
        // Results while typing: no button, no Enter.
        QTRY_COMPARE(visibleNames(table), (QStringList{QStringLiteral("Adam Smith"), QStringLiteral("Ada Lovelace")}));
        QTRY_VERIFY(labelTexts(window).contains(QStringLiteral("2 leads")));
        typeSearch(page, QStringLiteral("m"));
        QTRY_COMPARE(visibleNames(table), QStringList{QStringLiteral("Adam Smith")});

        // Hostile input matches literally and finds its lead; nothing breaks.
        page->clearSearch();
        typeSearch(page, QStringLiteral("'); DROP"));
        QTRY_COMPARE(visibleNames(table), QStringList{QStringLiteral("Robert'); DROP TABLE leads;--")});
        page->clearSearch();
        typeSearch(page, QStringLiteral("zzzz-no-such-lead"));
        QTRY_VERIFY(labelTexts(window).contains(QStringLiteral("No leads match")));
        saveScreenshot(window, QStringLiteral("leads-no-match.png"));

        QTest::keyClick(page->searchBox(), Qt::Key_Escape);
        QCOMPARE(page->searchBox()->text(), QString());
        QTRY_COMPARE(page->model()->rowCount(), 500);
        QVERIFY(!labelTexts(window).contains(QStringLiteral("No leads match")));
    }

    void aFilterChipNarrowsTheRows()
    {
        WorkspaceRegistry registry{Profile(seededProfile())};
        MainWindow window(registry);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        LeadListPage *page = window.leadList();
        QToolButton *status = page->chips()->button(FilterChipBar::Chip::Status);
        QAction *qualified = nullptr;
        for (QAction *a : status->menu()->actions()) {
            if (a->text() == QStringLiteral("Qualified"))
                qualified = a;
        }
        QVERIFY(qualified);
        qualified->trigger();
        int qualifiedCount = 0;
        for (const Lead &l : test::makeLeads(1, 500))
            qualifiedCount += l.status.stage() == LeadStatus::Qualified ? 1 : 0;
        QCOMPARE(page->model()->rowCount(), qualifiedCount);
        for (const QString &s : visibleNames(page->table()))
            QVERIFY(!s.isEmpty());
        for (int row = 0; row < page->model()->rowCount(); ++row)
            QCOMPARE(page->model()->index(row, 0).data(LeadTableModel::StatusRole).toString(),
                     QStringLiteral("qualified"));
        QVERIFY(status->text().contains(QStringLiteral("Qualified")));

        page->chips()->escalatedButton()->click();
        for (int row = 0; row < page->model()->rowCount(); ++row)
            QVERIFY(page->model()->index(row, 0).data(LeadTableModel::EscalatedRole).toBool());
        QVERIFY(page->model()->rowCount() > 0 && page->model()->rowCount() < qualifiedCount);

        // The channel chip offers what the cache holds, loaded off the GUI thread.
        QToolButton *channel = page->chips()->button(FilterChipBar::Chip::Channel);
        QTRY_VERIFY(channel->menu()->actions().size() >= 5);
        saveScreenshot(window, QStringLiteral("leads-filtered.png"));
    }

    void sortableColumnsAndMultiSelect()
    {
        WorkspaceRegistry registry{Profile(seededProfile())};
        MainWindow window(registry);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        LeadListPage *page = window.leadList();
        QHeaderView *header = page->table()->horizontalHeader();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(LeadTableModel::NameColumn) + 10, 5));
        QCOMPARE(visibleNames(page->table()).first(), QStringLiteral("Ada Lovelace"));
        QCOMPARE(header->sortIndicatorSection(), int(LeadTableModel::NameColumn));
        // A column without an index does not sort, and says so by keeping the indicator.
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(LeadTableModel::PhoneColumn) + 10, 5));
        QCOMPARE(header->sortIndicatorSection(), int(LeadTableModel::NameColumn));

        page->table()->selectRow(0);
        QTest::mouseClick(page->table()->viewport(), Qt::LeftButton, Qt::ShiftModifier,
                          page->table()->visualRect(page->model()->index(2, 1)).center());
        QCOMPARE(page->table()->selectionModel()->selectedRows().size(), 3);
        BulkActionBar *bulk = page->bulkBar();
        QVERIFY(bulk->isVisible());
        QVERIFY(labelTexts(window).contains(QStringLiteral("3 selected")));
        for (int a = 0; a < BulkActionBar::ActionCount; ++a) {
            QPushButton *b = bulk->actionButton(BulkActionBar::Action(a));
            QVERIFY(b->isEnabled()); // edits wait in the outbox, online or not
            QVERIFY(b->toolTip().isEmpty());
        }
    }

    void enterOpensALeadWithItsConversation()
    {
        WorkspaceRegistry registry{Profile(seededProfile())};
        MainWindow window(registry);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        LeadListPage *page = window.leadList();
        page->searchBox()->setFocus();
        typeSearch(page, QStringLiteral("grace"));
        QTest::keyClick(page->searchBox(), Qt::Key_Return);
        LeadDetailPane *pane = page->detailPane();
        QCOMPARE(pane->leadId(), 25);
        QCOMPARE(pane->findChild<ElidedLabel *>(QStringLiteral("leadName"))->fullText(),
                 QStringLiteral("Grace Hopper"));
        QCOMPARE(pane->timeline()->rowCount(), 5);
        auto *reply = pane->findChild<QPlainTextEdit *>(QStringLiteral("replyBox"));
        QVERIFY(reply->isEnabled());
        saveScreenshot(window, QStringLiteral("leads-detail.png"));

        // A lead whose conversation was never downloaded says so.
        page->clearSearch();
        page->table()->setFocus();
        page->table()->setCurrentIndex(page->model()->index(0, 0));
        QTest::keyClick(page->table(), Qt::Key_Return);
        QCOMPARE(pane->leadId(), 500);
        QVERIFY(labelTexts(window).join(u'|').contains(QStringLiteral("not in the cache yet")));
    }

    void welcomeButtonsAskForAWorkspaceOrTheDemo()
    {
        QTemporaryDir dir;
        WorkspaceRegistry registry{Profile(dir.path())};
        MainWindow window(registry);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *add = window.findChild<QPushButton *>(QStringLiteral("addWorkspace"));
        auto *demo = window.findChild<QPushButton *>(QStringLiteral("openDemo"));
        QVERIFY(add && demo && add->isVisible() && demo->isVisible());
        // Nobody listening: the button says what to do instead of doing nothing.
        QTest::mouseClick(add, Qt::LeftButton);
        auto *hint = window.findChild<QLabel *>(QStringLiteral("welcomeHint"));
        QVERIFY(hint->isVisible());
        QVERIFY(hint->text().contains(QStringLiteral("outpostctl workspace add")));

        QSignalSpy demoAsked(&window, &MainWindow::demoRequested);
        QSignalSpy addAsked(&window, &MainWindow::addWorkspaceRequested);
        QTest::mouseClick(demo, Qt::LeftButton);
        QCOMPARE(demoAsked.size(), 1);
        QVERIFY(!hint->isVisible());
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(addAsked.size(), 1);
    }

    void commandPaletteJumpsToALeadOrRunsAnAction()
    {
        WorkspaceRegistry registry{Profile(seededProfile())};
        MainWindow window(registry);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(Sidebar::Dashboard);
        CommandPalette *palette = window.commandPalette();
        QVERIFY(!palette->isVisible());
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        QVERIFY(palette->isVisible());
        QTRY_VERIFY(palette->input()->hasFocus());
        QVERIFY(palette->results()->count() >= Sidebar::PageCount);

        QTest::keyClicks(palette->input(), QStringLiteral("grace"));
        // Leads arrive from a background read after the actions that match.
        QTRY_VERIFY(!palette->results()->findItems(QStringLiteral("Grace Hopper"), Qt::MatchStartsWith).isEmpty());
        QCOMPARE(palette->results()->currentItem()->text().left(12), QStringLiteral("Grace Hopper"));
        saveScreenshot(window, QStringLiteral("command-palette.png"));
        QTest::keyClick(palette->input(), Qt::Key_Return);
        QVERIFY(!palette->isVisible());
        QCOMPARE(window.currentPage(), int(Sidebar::Leads));
        QCOMPARE(window.leadList()->detailPane()->leadId(), 25);

        // Actions by name; hostile text is only ever a search.
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        QTest::keyClicks(palette->input(), QStringLiteral("'); DROP"));
        QTRY_VERIFY(!palette->results()->findItems(QStringLiteral("Robert'); DROP"), Qt::MatchStartsWith).isEmpty());
        palette->input()->clear();
        QTest::keyClicks(palette->input(), QStringLiteral("pipeline"));
        QCOMPARE(palette->results()->currentItem()->text().left(14), QStringLiteral("Go to Pipeline"));
        QTest::keyClick(palette->input(), Qt::Key_Return);
        QCOMPARE(window.currentPage(), int(Sidebar::Pipeline));

        // Escape closes it and nothing happens.
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        QTest::keyClick(palette->input(), Qt::Key_Escape);
        QVERIFY(!palette->isVisible());
        QCOMPARE(window.currentPage(), int(Sidebar::Pipeline));
    }

    void shortcutsSwitchPagesAndFocusSearch()
    {
        WorkspaceRegistry registry{Profile(seededProfile())};
        MainWindow window(registry);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::setActiveWindow(&window);
        QCOMPARE(window.currentPage(), int(Sidebar::Leads));
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), int(Sidebar::Pipeline));
        QVERIFY(labelTexts(window).contains(QStringLiteral("Qualified")));
        QVERIFY(labelTexts(window).contains(QLocale().toString(83)));
        QListView *booked = window.pipelineBoard()->columnView(3);
        QCOMPARE(booked->model()->rowCount(), 83);
        saveScreenshot(window, QStringLiteral("pipeline.png"));

        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), int(Sidebar::Dashboard));
        saveScreenshot(window, QStringLiteral("dashboard.png"));
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), int(Sidebar::Campaigns));
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), int(Sidebar::Settings));

        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), int(Sidebar::Leads));
        QTRY_VERIFY(window.leadList()->searchBox()->hasFocus());

        // A card opened on the board shows its lead in the list's detail pane.
        window.showPage(Sidebar::Pipeline);
        emit booked->activated(booked->model()->index(0, 0));
        QCOMPARE(window.currentPage(), int(Sidebar::Leads));
        QCOMPARE(window.leadList()->detailPane()->leadId(),
                 booked->model()->index(0, 0).data(LeadTableModel::LeadIdRole).toLongLong());
    }

    void savedViewsAppearInTheSidebarAndApply()
    {
        const QString profile = seededProfile();
        {
            WorkspaceRegistry registry{Profile(profile)};
            MainWindow window(registry);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            LeadListPage *page = window.leadList();
            typeSearch(page, QStringLiteral("ada"));
            QTRY_COMPARE(page->model()->rowCount(), 2);
            emit page->saveViewRequested();
            auto *dialog = window.findChild<QInputDialog *>(QStringLiteral("saveViewDialog"));
            QVERIFY(dialog);
            dialog->setTextValue(QStringLiteral("The Adas"));
            dialog->accept();
            QCOMPARE(window.sidebar()->savedViews()->model()->rowCount(), 1);
            window.close();
        }
        WorkspaceRegistry registry{Profile(profile)};
        MainWindow window(registry);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QListView *views = window.sidebar()->savedViews();
        QCOMPARE(views->model()->rowCount(), 1);
        QCOMPARE(window.leadList()->model()->rowCount(), 500);
        window.showPage(Sidebar::Dashboard);
        QTest::mouseClick(views->viewport(), Qt::LeftButton, {},
                          views->visualRect(views->model()->index(0, 0)).center());
        QCOMPARE(window.currentPage(), int(Sidebar::Leads));
        QCOMPARE(window.leadList()->searchBox()->text(), QStringLiteral("ada"));
        QCOMPARE(window.leadList()->model()->rowCount(), 2);
        saveScreenshot(window, QStringLiteral("leads-saved-view.png"));
    }

    void selectAllOverABigListIsCountedNotReadRowByRow()
    {
        WorkspaceRegistry registry{Profile(seededProfile(20000))};
        MainWindow window(registry);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        LeadListPage *page = window.leadList();
        QTRY_COMPARE(page->model()->rowCount(), 20000);
        const int blocksBefore = page->model()->loadedBlockCount();
        page->table()->setFocus();
        QTest::keySequence(page->table(), QKeySequence::SelectAll);
        QCOMPARE(page->table()->selectionModel()->selection().size(), 1);
        // Reading every selected row would have filled the block cache (kMaxBlocks).
        QVERIFY2(page->model()->loadedBlockCount() <= blocksBefore + 2,
                 qPrintable(QString::number(page->model()->loadedBlockCount())));
        BulkActionBar *bar = page->bulkBar();
        QVERIFY(bar->isWanted());
        bool counted = false;
        for (const QLabel *label : bar->findChildren<QLabel *>())
            counted = counted ||
                      label->text() == QStringLiteral("All %1 matching leads selected").arg(QLocale().toString(20000));
        QVERIFY(counted);
        // Every row selected: the actions apply to the whole filter (see tst_bulkfilter), except a
        // message, which reaches at most OutboxStore::kMaxBulkLeads leads.
        QPushButton *stage = bar->actionButton(BulkActionBar::ChangeStage);
        QVERIFY(stage->isEnabled());
        QPushButton *message = bar->actionButton(BulkActionBar::SendMessage);
        QVERIFY(!message->isEnabled());
        QVERIFY2(message->toolTip().contains(QStringLiteral("500")), qPrintable(message->toolTip()));

        // A big selection that is not the whole list is only counted, and the actions say to narrow it.
        page->table()->selectionModel()->select(
            QItemSelection(page->model()->index(0, 0), page->model()->index(5999, LeadTableModel::ColumnCount - 1)),
            QItemSelectionModel::ClearAndSelect);
        QVERIFY(!stage->isEnabled());
        QVERIFY2(stage->toolTip().contains(QLocale().toString(BulkActionBar::kMaxLeads)), qPrintable(stage->toolTip()));

        // Three rows are read and can be acted on as before.
        page->table()->selectionModel()->select(
            QItemSelection(page->model()->index(0, 0), page->model()->index(2, LeadTableModel::ColumnCount - 1)),
            QItemSelectionModel::ClearAndSelect);
        QVERIFY(stage->isEnabled());
    }

    void screenshotsOfEveryPageInLightAndDark_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void screenshotsOfEveryPageInLightAndDark()
    {
        QFETCH(bool, dark);
        if (dark)
            QApplication::setPalette(darkPalette());
        WorkspaceRegistry registry{Profile(seededProfile(3000))};
        MainWindow window(registry);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString suffix = dark ? QStringLiteral("-dark.png") : QStringLiteral("-light.png");
        LeadListPage *page = window.leadList();
        page->table()->setCurrentIndex(page->model()->index(2975, 0));
        QCOMPARE(page->detailPane()->leadId(), 25);
        page->table()->scrollTo(page->model()->index(2975, 0));
        saveScreenshot(window, QStringLiteral("window-leads") + suffix);
        const QStringList names = {QStringLiteral("pipeline"), QStringLiteral("dashboard"), QStringLiteral("campaigns"),
                                   QStringLiteral("settings")};
        for (int p = Sidebar::Pipeline; p < Sidebar::PageCount; ++p) {
            window.showPage(p);
            QCOMPARE(window.currentPage(), p);
            if (p == Sidebar::Dashboard) // figures come from a pool thread: picture them, not the zeros before
                QTRY_COMPARE_WITH_TIMEOUT(
                    window.dashboard()->figures().overview.body.value(QStringLiteral("total_leads")).toInteger(), 3000,
                    20000);
            saveScreenshot(window, QStringLiteral("window-") + names.at(p - 1) + suffix);
        }
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
