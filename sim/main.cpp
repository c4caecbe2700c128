#include "SimLedger.h"
#include "SimOptions.h"
#include "SimServer.h"
#include "SimStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace outpost::sim;

namespace {

void printLine(const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

int dumpLedger(const SimOptions &options)
{
    if (options.databasePath.isEmpty() || !QFile::exists(options.databasePath)) {
        std::fputs("outpost-sim: --dump-ledger needs --db FILE of an earlier run\n", stderr);
        return 2;
    }
    SimStore store;
    QString error;
    if (!store.open(options.databasePath, &error)) {
        std::fprintf(stderr, "outpost-sim: %s\n", qPrintable(error));
        return 1;
    }
    for (const QJsonValue &entry : SimLedger(store.db()).entries(0))
        printLine(QString::fromUtf8(QJsonDocument(entry.toObject()).toJson(QJsonDocument::Compact)));
    return 0;
}

bool writeKeyFile(const QString &path, const QString &key)
{
    QFile file(path);
    // Owner-only from the first byte: the key never sits in a readable file.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::NewOnly,
                   QFile::ReadOwner | QFile::WriteOwner) &&
        !(file.remove() && file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner)))
        return false;
    return file.write(key.toUtf8() + '\n') > 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("outpost-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QString error;
    const auto options = SimOptions::fromArguments(QCoreApplication::arguments(), &error);
    if (!options) {
        std::fprintf(stderr, "outpost-sim: %s\n", qPrintable(error));
        return 2;
    }
    if (options->dumpLedger)
        return dumpLedger(*options);

    SimServer server(*options);
    if (!server.start(&error)) {
        std::fprintf(stderr, "outpost-sim: %s\n", qPrintable(error));
        return 1;
    }
    // The key file is complete before the URL appears: a script that waits for
    // the first line may read it at once.
    if (!options->keyOutPath.isEmpty() && !writeKeyFile(options->keyOutPath, server.initialKey())) {
        std::fprintf(stderr, "outpost-sim: cannot write the key to %s\n", qPrintable(options->keyOutPath));
        return 1;
    }
    printLine(server.baseUrl().toString());
    if (options->printPort)
        printLine(QString::number(server.port()));
    if (options->printKey)
        printLine(server.initialKey());
    std::fprintf(stderr, "outpost-sim: serving /crm/%s/ with %lld leads (plan %s)\n", qPrintable(options->clientId),
                 static_cast<long long>(options->leads), qPrintable(SimOptions::planName(options->plan)));
    return QCoreApplication::exec();
}
