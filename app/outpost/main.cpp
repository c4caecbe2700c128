#include "DemoWorkspace.h"
#include "MainWindow.h"
#include "SessionSyncStatus.h"
#include "SettingsPage.h"
#include "WorkspaceCache.h"
#include "secrets/KeychainSecretStore.h"
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
#include <memory>
#include <optional>

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

    // The demo's service and its sync outlive the window (declared first, destroyed last).
    outpost::DemoWorkspace demo;
    std::unique_ptr<outpost::SyncSession> session;
    std::unique_ptr<outpost::SessionSyncStatus> syncStatus;
    QUuid syncedWorkspace;

    outpost::MainWindow window(registry);
    const QString screenshotPath = parser.isSet(screenshotOption) ? parser.value(screenshotOption) : QString();
    auto startSync = [&](const outpost::Workspace &workspace, const QString &key) {
        const outpost::Profile &profile = registry.profile();
        syncedWorkspace = workspace.id;
        session = std::make_unique<outpost::SyncSession>(
            outpost::ApiConfig::forWorkspace(workspace, key), outpost::RateBudget::forWorkspace(workspace),
            profile.cachePath(workspace.id), profile.syncLockPath(workspace.id));
        syncStatus = std::make_unique<outpost::SessionSyncStatus>(session.get(), outpost::SyncOptions(), QDateTime());
        QObject::connect(session.get(), &outpost::SyncSession::leadsChanged, window.cache(),
                         &outpost::WorkspaceCache::notifyLeadsChanged);
        window.setSyncStatus(syncStatus.get());
        if (!screenshotPath.isEmpty()) {
            // The demo's picture is worth taking once its first sync has filled the cache.
            QObject::connect(
                session.get(), &outpost::SyncSession::finished, &window,
                [&window, screenshotPath] { scheduleScreenshot(window, screenshotPath); }, Qt::SingleShotConnection);
        }
        // A refused key: ask for a new one (the outbox is kept), then sync again with it.
        QObject::connect(
            session.get(), &outpost::SyncSession::unauthorized, &window,
            [&window, id = workspace.id](const QString &message) { window.settingsPage()->askForNewKey(id, message); });
        syncStatus->syncNow();
    };
    QObject::connect(window.settingsPage(), &outpost::SettingsPage::workspaceKeyChanged, &window, [&](const QUuid &id) {
        const auto workspace = registry.find(id);
        if (!session || !workspace || syncedWorkspace != id)
            return;
        window.settingsPage()->secrets().read(outpost::SecretStore::apiKeyName(id), &window,
                                              [&, w = *workspace](auto key) {
                                                  if (!key)
                                                      return;
                                                  window.setSyncStatus(nullptr);
                                                  syncStatus.reset();
                                                  session.reset();
                                                  startSync(w, *key);
                                              });
    });
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
        window.showWorkspace(workspace.id);
        // The demo workspace is like any other: its key goes to the keychain, and
        // sync reads it from there.
        auto *keychain = new outpost::KeychainSecretStore(&app);
        const QString entry = outpost::SecretStore::apiKeyName(workspace.id);
        keychain->write(entry, demo.serverKey(), &window, [&, keychain, entry, workspace](auto written) {
            if (!written) {
                giveUp(QApplication::translate("main", "The demo could not store its key in the keychain: %1")
                           .arg(written.error().message));
                return;
            }
            keychain->read(entry, &window, [&, workspace](auto key) {
                if (!key)
                    giveUp(key.error().message);
                else
                    startSync(workspace, *key);
            });
        });
        return true;
    };
    QObject::connect(&window, &outpost::MainWindow::demoRequested, &window, [&] { openDemo(); });
    QObject::connect(&window, &outpost::MainWindow::addWorkspaceRequested, window.settingsPage(),
                     &outpost::SettingsPage::addWorkspace);
    if (parser.isSet(demoOption)) {
        if (!openDemo())
            return 1;
    } else if (!screenshotPath.isEmpty()) {
        scheduleScreenshot(window, screenshotPath);
    }
    window.show();
    const int code = QApplication::exec();
    window.setSyncStatus(nullptr);
    return code;
}
