#include "MainWindow.h"
#include "workspace/WorkspaceRegistry.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
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
    parser.addOption(profileOption);
    parser.addOption(screenshotOption);
    parser.process(app);

    const QString profileDir =
        parser.isSet(profileOption) ? parser.value(profileOption) : outpost::Profile::defaultDirectory();
    outpost::WorkspaceRegistry registry{outpost::Profile(profileDir)};

    outpost::MainWindow window(registry);
    window.show();
    if (parser.isSet(screenshotOption))
        scheduleScreenshot(window, parser.value(screenshotOption));
    return QApplication::exec();
}
