#include "DemoWorkspace.h"
#include "MainWindow.h"
#include "SettingsPage.h"
#include "WorkspaceSync.h"
#include "secrets/SecretStore.h"
#include "sync/SyncSession.h"
#include "workspace/WorkspaceRegistry.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QStatusBar>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace {

void installTranslators(QApplication &app)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("outpost"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(own);
}

// For headless runs (the demo without a display, screenshots in tests): grab the
// window once it has painted, save it, and leave.
void scheduleScreenshot(QWidget &window, const QString &path)
{
    QTimer::singleShot(800, &window, [&window, path] {
        QDir().mkpath(QFileInfo(path).absolutePath());
        const bool saved = window.grab().save(path);
        std::fprintf(saved ? stdout : stderr, "%s %s\n", saved ? "screenshot:" : "cannot save screenshot:",
                     qPrintable(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
        QApplication::exit(saved ? 0 : 1);
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("outpost"));
    QApplication::setOrganizationName(QStringLiteral("Outpost"));
    QApplication::setApplicationDisplayName(QStringLiteral("Outpost"));
    QApplication::setApplicationVersion(QStringLiteral(OUTPOST_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("outpost"));
    installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Outpost, the offline-first CRM client."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QApplication::translate("main", "Keep settings and caches in DIR."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"), QApplication::translate("main", "Save the window to FILE once shown, then quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QApplication::translate("main", "Run the built-in demo service on loopback and show its \"Demo\" workspace."));
    const QCommandLineOption demoLeadsOption(
        QStringLiteral("demo-leads"), QApplication::translate("main", "Leads in a new demo world (default 5000)."),
        QStringLiteral("N"), QStringLiteral("5000"));
    parser.addOption(profileOption);
    parser.addOption(screenshotOption);
    parser.addOption(demoOption);
    parser.addOption(demoLeadsOption);
    parser.process(app);

    const QString profileDir =
        parser.isSet(profileOption) ? parser.value(profileOption) : outpost::Profile::defaultDirectory();
    outpost::WorkspaceRegistry registry{outpost::Profile(profileDir)};

    // The demo's service outlives the window (declared first, destroyed last).
    outpost::DemoWorkspace demo;

    outpost::MainWindow window(registry);
    const QString screenshotPath = parser.isSet(screenshotOption) ? parser.value(screenshotOption) : QString();
    // Whichever workspace the window shows syncs, with its key from the keychain
    // (destroyed before the window).
    outpost::WorkspaceSync sync(window, registry, window.settingsPage()->secrets());
    auto giveUp = [&](const QString &message) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        window.statusBar()->showMessage(message);
        if (!screenshotPath.isEmpty())
            scheduleScreenshot(window, screenshotPath);
    };
    auto openDemo = [&]() -> bool {
        if (demo.isRunning())
            return true;
        auto started = demo.start(registry, parser.value(demoLeadsOption).toLongLong());
        if (!started) {
            giveUp(started.error().message);
            return false;
        }
        const outpost::Workspace workspace = *started;
        if (!screenshotPath.isEmpty()) {
            // The demo's picture is worth taking once its first sync has filled the cache.
            QObject::connect(
                &sync, &outpost::WorkspaceSync::started, &window,
                [&window, &sync, screenshotPath] {
                    QObject::connect(
                        sync.session(), &outpost::SyncSession::finished, &window,
                        [&window, screenshotPath] { scheduleScreenshot(window, screenshotPath); },
                        Qt::SingleShotConnection);
                },
                Qt::SingleShotConnection);
        }
        // The demo workspace is like any other: its key goes to the keychain
        // first, and its sync reads it from there once the window shows it.
        const QString entry = outpost::SecretStore::apiKeyName(workspace.id);
        window.settingsPage()->secrets().write(entry, demo.serverKey(), &window, [&, workspace](auto written) {
            if (!written) {
                giveUp(QApplication::translate("main", "The demo could not store its key in the keychain: %1")
                           .arg(written.error().message));
                return;
            }
            const bool shown = sync.workspaceId() == workspace.id;
            window.showWorkspace(workspace.id);
            if (shown) // it was syncing with the previous run's key
                sync.restart(workspace.id);
        });
        return true;
    };
    QObject::connect(&window, &outpost::MainWindow::demoRequested, &window, [&] { openDemo(); });
    QObject::connect(&window, &outpost::MainWindow::addWorkspaceRequested, window.settingsPage(),
                     &outpost::SettingsPage::addWorkspace);
    if (parser.isSet(demoOption)) {
        if (!openDemo())
            return 1;
    } else {
        sync.follow(window.currentWorkspace());
        if (!screenshotPath.isEmpty())
            scheduleScreenshot(window, screenshotPath);
    }
    window.show();
    return QApplication::exec();
}
