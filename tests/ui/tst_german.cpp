// The app under its German translation and a German locale: texts fit, chips
// read as whole German labels, numbers use German separators.
#include "DashboardPage.h"
#include "FilterChipBar.h"
#include "LeadListPage.h"
#include "LeadTableModel.h"
#include "LeadText.h"
#include "MainWindow.h"
#include "Screenshot.h"
#include "SettingsPage.h"
#include "Sidebar.h"
#include "TestLeads.h"
#include "WidgetTexts.h"
#include "domain/LeadStatus.h"
#include "storage/Database.h"
#include "storage/LeadStore.h"
#include "workspace/WorkspaceRegistry.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QTreeWidget>
#include <QXmlStreamReader>

using namespace outpost;
using outpost::test::labelTexts;
using outpost::test::saveScreenshot;

namespace {

// What a chart draws as text: its title, axis labels and bar labels.
QStringList chartTexts(QChartView *view)
{
    QStringList texts;
    for (QGraphicsItem *item : view->scene()->items()) {
        if (auto *text = qgraphicsitem_cast<QGraphicsTextItem *>(item); text && text->isVisible())
            texts << text->toPlainText();
    }
    return texts;
}

} // namespace

class TestGerman : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QTranslator m_translator;
    int m_counter = 0;

    QString seededProfile(int count)
    {
        const QString dir = m_dir.filePath(QStringLiteral("profile-%1").arg(++m_counter));
        WorkspaceRegistry registry{Profile(dir)};
        const Workspace acme = registry.add(Workspace{QUuid(), QStringLiteral("Acme"), QUrl(), QString()}).value();
        registry.setDefault(acme.id);
        auto db = Database::open(registry.profile().cachePath(acme.id));
        LeadStore store(db.value());
        store.upsert(test::makeLeads(1, count));
        return dir;
    }

private slots:
    void initTestCase()
    {
        // The translation the build compiles into the app, and a German locale for numbers.
        const QString qmDir = qEnvironmentVariable("OUTPOST_QM_DIR");
        QVERIFY2(m_translator.load(QStringLiteral("outpost_de"), qmDir), qPrintable(qmDir));
        QVERIFY(QCoreApplication::installTranslator(&m_translator));
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(m_dir.isValid());
        QCOMPARE(LeadText::status(LeadStatus(LeadStatus::Qualified)), QStringLiteral("Qualifiziert"));
    }

    void init() { QApplication::setPalette(QApplication::style()->standardPalette()); }

    // lrelease leaves unfinished entries out: each one is English in the German app.
    void theTranslationHasNoUnfinishedEntry()
    {
        QFile ts(qEnvironmentVariable("OUTPOST_TS_FILE"));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        QXmlStreamReader xml(&ts);
        QString source;
        QStringList unfinished;
        int messages = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1StringView("message")) {
                ++messages;
            } else if (xml.name() == QLatin1StringView("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1StringView("translation")) {
                if (xml.attributes().value(QLatin1StringView("type")) == QLatin1StringView("unfinished"))
                    unfinished << source;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 100);
        QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(QStringLiteral(" | "))));
    }

    void theStatusColumnFitsTheLongestTranslatedStatus()
    {
        WorkspaceRegistry registry{Profile(seededProfile(300))};
        MainWindow window(registry);
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        saveScreenshot(window, QStringLiteral("german-leads.png"));
        window.showPage(Sidebar::Pipeline);
        saveScreenshot(window, QStringLiteral("german-pipeline.png"));
        window.showPage(Sidebar::Campaigns);
        saveScreenshot(window, QStringLiteral("german-campaigns.png"));
        QTableView *table = window.leadList()->table();
        const QFontMetrics metrics(table->font());
        int longest = 0;
        for (const LeadStatus &s : LeadStatus::pipeline())
            longest = std::max(longest, metrics.horizontalAdvance(LeadText::status(s)));
        // The delegate's margins on either side come on top of the text.
        const int margin = table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1;
        QVERIFY2(table->horizontalHeader()->sectionSize(LeadTableModel::StatusColumn) >= longest + 2 * margin,
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(table->horizontalHeader()->sectionSize(LeadTableModel::StatusColumn))
                                .arg(longest + 2 * margin)));
    }

    void filterChipsOfferWholeTranslatedLabels()
    {
        WorkspaceRegistry registry{Profile(seededProfile(50))};
        MainWindow window(registry);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *chips = window.findChild<FilterChipBar *>();
        QVERIFY(chips);
        const std::pair<FilterChipBar::Chip, QString> expected[] = {
            {FilterChipBar::Chip::Status, QStringLiteral("Alle Status")},
            {FilterChipBar::Chip::Channel, QStringLiteral("Alle Kanäle")},
            {FilterChipBar::Chip::Tag, QStringLiteral("Alle Tags")},
            {FilterChipBar::Chip::Agent, QStringLiteral("Alle Agenten")},
        };
        for (const auto &[chip, label] : expected) {
            QMenu *menu = chips->button(chip)->menu();
            QVERIFY(menu);
            QVERIFY(!menu->actions().isEmpty());
            QCOMPARE(menu->actions().first()->text(), label);
        }
        QCOMPARE(chips->button(FilterChipBar::Chip::Channel)->accessibleName(), QStringLiteral("Nach Kanal filtern"));
        QMenu *statusMenu = chips->button(FilterChipBar::Chip::Status)->menu();
        statusMenu->popup(chips->mapToGlobal(QPoint(0, chips->height())));
        QVERIFY(QTest::qWaitForWindowExposed(statusMenu));
        saveScreenshot(*statusMenu, QStringLiteral("german-status-chip-menu.png"));
        statusMenu->hide();
    }

    void dashboardNumbersUseTheLocalesSeparators()
    {
        WorkspaceRegistry registry{Profile(seededProfile(1234))};
        MainWindow window(registry);
        window.resize(1200, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(Sidebar::Dashboard);
        QTRY_VERIFY2_WITH_TIMEOUT(labelTexts(window).contains(QStringLiteral("1.234")),
                                  qPrintable(labelTexts(window).join(u'|')), 20000);
        saveScreenshot(window, QStringLiteral("german-dashboard.png"));
        // Rates read "12,3 %", never "12.3 %".
        bool rateSeen = false;
        for (const QString &text : labelTexts(window)) {
            if (text.endsWith(QStringLiteral(" %")) && text.size() < 10) {
                rateSeen = true;
                QVERIFY2(text.contains(u',') && !text.contains(u'.'), qPrintable(text));
            }
        }
        QVERIFY(rateSeen);
        const QList<QChartView *> views = window.dashboard()->findChildren<QChartView *>();
        QVERIFY(!views.isEmpty());
        for (QChartView *view : views) {
            QVERIFY(view->chart()->localizeNumbers());
            QCOMPARE(view->chart()->locale().decimalPoint(), QStringLiteral(","));
        }
        // The axes keep their labels once numbers are localized (a localized "%d" draws none).
        QStringList texts;
        for (QChartView *view : views)
            texts << chartTexts(view);
        QVERIFY2(texts.contains(QStringLiteral("0")), qPrintable(texts.join(u'|')));
        QVERIFY2(texts.contains(QStringLiteral("50 %")), qPrintable(texts.join(u'|')));
    }

    void settingsShowTheRateLimitWithGroupSeparators()
    {
        const QString dir = seededProfile(10);
        {
            WorkspaceRegistry registry{Profile(dir)};
            Workspace w = registry.workspaces().value(0);
            w.service.rateLimit = 1200;
            w.service.rateWindowSeconds = 3600;
            QVERIFY(registry.update(w).ok());
        }
        WorkspaceRegistry registry{Profile(dir)};
        MainWindow window(registry);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(Sidebar::Settings);
        auto *list = window.settingsPage()->findChild<QTreeWidget *>();
        QVERIFY(list);
        QStringList cells;
        for (int c = 0; c < list->columnCount(); ++c)
            cells << list->topLevelItem(0)->text(c);
        QVERIFY2(cells.contains(QStringLiteral("1.200 / Stunde")), qPrintable(cells.join(u'|')));
        saveScreenshot(window, QStringLiteral("german-settings.png"));
    }
};

QTEST_MAIN(TestGerman)
#include "tst_german.moc"
