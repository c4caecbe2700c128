#include "MainWindow.h"
#include "TestLeads.h"
#include "storage/Database.h"
#include "storage/LeadStore.h"
#include "workspace/WorkspaceRegistry.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost;

namespace {

void saveScreenshot(QWidget &w, const QString &name)
{
    const QString dir = qEnvironmentVariable("OUTPOST_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(w.grab().save(dir + QLatin1Char('/') + name));
}

QStringList labelTexts(QWidget &w)
{
    QStringList texts;
    for (QLabel *l : w.findChildren<QLabel *>()) {
        if (l->isVisibleTo(&w))
            texts << l->text();
    }
    return texts;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void anEmptyProfileShowsTheWelcomePage()
    {
        QTemporaryDir dir;
        WorkspaceRegistry registry{Profile(dir.path())};
        MainWindow window(registry);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(labelTexts(window).contains(QStringLiteral("Welcome to Outpost")));
        saveScreenshot(window, QStringLiteral("foundation-welcome.png"));
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
        QVERIFY2(labelTexts(window).contains(QLocale().toString(1234)), qPrintable(labelTexts(window).join(u'|')));
        QVERIFY(labelTexts(window).contains(QStringLiteral("Acme")));
        QVERIFY(window.windowTitle().contains(QStringLiteral("Acme")));
        saveScreenshot(window, QStringLiteral("foundation-workspace.png"));

        auto *switcher = window.findChild<QComboBox *>();
        QVERIFY(switcher);
        QCOMPARE(switcher->count(), 2);
        switcher->setCurrentIndex(switcher->findText(beta.name));
        QVERIFY(labelTexts(window).contains(QStringLiteral("Beta")));
        QVERIFY(labelTexts(window).contains(QStringLiteral("0")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
