#include "CtlApp.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("outpost"));
    QCoreApplication::setOrganizationName(QStringLiteral("Outpost"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OUTPOST_VERSION));
    return outpost::ctl::CtlApp().run(QCoreApplication::arguments());
}
