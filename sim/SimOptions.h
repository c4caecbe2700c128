#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace outpost::sim {

// Everything outpost-sim can be told on its command line. The run-time part
// (rate, plan, faults, legacy) can also change later through POST /__sim/config.
struct SimOptions
{
    enum class Plan {
        Basic,
        Premium,
    };

    // Listening
    quint16 port = 0;
    QString listenAddress = QStringLiteral("127.0.0.1");
    bool printPort = false;

    // Data
    QString databasePath; // empty: a temporary file removed at exit
    qint64 leads = 1000;
    quint64 seed = 1;
    int agents = 6; // 3..10 agents the leads are assigned to
    QString clientId = QStringLiteral("demo");
    QString initialKey; // an API key accepted from the start (demo, tests)
    QString keyOutPath; // write a generated key there (mode 0600)
    bool printKey = false;
    bool dumpLedger = false;

    // Contract behaviour, changeable at run time
    Plan plan = Plan::Premium;
    int rateLimit = 100;     // requests per window and key; 0 turns the limit off
    int rateWindowSecs = 60; // length of the fixed window
    bool legacy = false;
    double faultRate = 0.0;
    QStringList faultKinds; // empty: every kind
    double activityPerMinute = 0.0;
    QString signatureHeader = QStringLiteral("X-Signature");
    double timeScale = 1.0; // multiplies every waiting time of the simulated world

    static QString planName(Plan plan);
    static std::optional<Plan> planFromName(const QString &name);
    static const QStringList &allFaultKinds();

    // Parses argv. On a bad value returns nullopt and sets `error`; on --help or
    // --version the parser's own handling exits as Qt tools do.
    static std::optional<SimOptions> fromArguments(const QStringList &arguments, QString *error);
};

} // namespace outpost::sim
