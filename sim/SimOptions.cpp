#include "SimOptions.h"

#include <QCommandLineParser>

namespace outpost::sim {

namespace {

QCommandLineOption option(const QString &name, const QString &help, const QString &valueName = QString(),
                          const QString &defaultValue = QString())
{
    QCommandLineOption o(name, help, valueName, defaultValue);
    return o;
}

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QStringLiteral("outpost-sim: the reference server of Outpost's lead-management API contract.\n"
                       "It serves /crm/{client_id}/... on loopback from its own SQLite file, with seeded\n"
                       "leads, Bearer API keys, plans, a rate limit, idempotency keys, faults on purpose\n"
                       "and signed webhooks. Admin endpoints for tests live under /__sim/ (loopback only).\n"
                       "The first line on stdout is the base URL, e.g. http://127.0.0.1:41234"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        option(QStringLiteral("port"), QStringLiteral("TCP port; 0 picks a free one (default 0)."), QStringLiteral("N"),
               QStringLiteral("0")),
        option(QStringLiteral("listen"), QStringLiteral("Address to listen on (default 127.0.0.1)."),
               QStringLiteral("ADDR"), QStringLiteral("127.0.0.1")),
        option(QStringLiteral("print-port"), QStringLiteral("Also print the bound port alone on the second line.")),
        option(QStringLiteral("db"),
               QStringLiteral("SQLite file to keep the world in; reused when it exists "
                              "(default: a temporary file)."),
               QStringLiteral("FILE")),
        option(QStringLiteral("leads"), QStringLiteral("Leads to seed into an empty database (default 1000)."),
               QStringLiteral("N"), QStringLiteral("1000")),
        option(QStringLiteral("seed"), QStringLiteral("Seed of the data generator (default 1)."), QStringLiteral("S"),
               QStringLiteral("1")),
        option(QStringLiteral("agents"), QStringLiteral("Agents the seeded leads are assigned to, 3..10 (default 6)."),
               QStringLiteral("N"), QStringLiteral("6")),
        option(QStringLiteral("client-id"), QStringLiteral("The {client_id} of the paths (default demo)."),
               QStringLiteral("ID"), QStringLiteral("demo")),
        option(QStringLiteral("key"), QStringLiteral("An API key accepted from the start."), QStringLiteral("SECRET")),
        option(QStringLiteral("key-out"), QStringLiteral("Generate an API key and write it to FILE (mode 0600)."),
               QStringLiteral("FILE")),
        option(QStringLiteral("print-key"), QStringLiteral("Print the generated key on stdout (off by default).")),
        option(QStringLiteral("dump-ledger"),
               QStringLiteral("Print the ledger of the --db file as JSON lines and exit.")),
        option(QStringLiteral("plan"),
               QStringLiteral("basic or premium (default premium). Premium endpoints answer "
                              "403 on basic."),
               QStringLiteral("PLAN"), QStringLiteral("premium")),
        option(QStringLiteral("rate"), QStringLiteral("Requests per window and key; 0 = no limit (default 100)."),
               QStringLiteral("N"), QStringLiteral("100")),
        option(QStringLiteral("rate-window"), QStringLiteral("Rate-limit window in seconds (default 60)."),
               QStringLiteral("SECS"), QStringLiteral("60")),
        option(QStringLiteral("legacy"), QStringLiteral("Leave out every optional part of the contract: no cursor, no "
                                                        "updated_since/deleted, no rate-limit headers, no "
                                                        "idempotency, extra unknown fields.")),
        option(QStringLiteral("fault-rate"),
               QStringLiteral("Share of API requests that meet a fault, 0..1 (default 0)."), QStringLiteral("P"),
               QStringLiteral("0")),
        option(QStringLiteral("faults"),
               QStringLiteral("Comma-separated fault kinds (default all): ") +
                   SimOptions::allFaultKinds().join(QLatin1Char(',')),
               QStringLiteral("KINDS")),
        option(QStringLiteral("activity"),
               QStringLiteral("World events per minute: new leads, incoming messages, "
                              "status changes, escalations (default 0)."),
               QStringLiteral("R"), QStringLiteral("0")),
        option(QStringLiteral("signature-header"),
               QStringLiteral("Header carrying webhook signatures "
                              "(default X-Signature)."),
               QStringLiteral("NAME"), QStringLiteral("X-Signature")),
        option(QStringLiteral("time-scale"),
               QStringLiteral("Multiplies every wait of the world: webhook retries and "
                              "timeout, campaign progress (default 1; 0.01 = 100x "
                              "faster)."),
               QStringLiteral("F"), QStringLiteral("1")),
    });
}

bool readNumber(const QCommandLineParser &parser, const QString &name, double min, double max, double *out,
                QString *error)
{
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || value < min || value > max) {
        *error = QStringLiteral("--%1 must be a number from %2 to %3, got \"%4\"")
                     .arg(name, QString::number(min), QString::number(max), parser.value(name));
        return false;
    }
    *out = value;
    return true;
}

} // namespace

QString SimOptions::planName(Plan plan)
{
    return plan == Plan::Basic ? QStringLiteral("basic") : QStringLiteral("premium");
}

std::optional<SimOptions::Plan> SimOptions::planFromName(const QString &name)
{
    if (name == QLatin1StringView("basic"))
        return Plan::Basic;
    if (name == QLatin1StringView("premium"))
        return Plan::Premium;
    return std::nullopt;
}

const QStringList &SimOptions::allFaultKinds()
{
    static const QStringList kinds = {QStringLiteral("429"),
                                      QStringLiteral("500"),
                                      QStringLiteral("502-html"),
                                      QStringLiteral("drop"),
                                      QStringLiteral("drop-after-apply"),
                                      QStringLiteral("malformed-json"),
                                      QStringLiteral("slow"),
                                      QStringLiteral("duplicate-rows")};
    return kinds;
}

std::optional<SimOptions> SimOptions::fromArguments(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    addOptions(parser);
    parser.process(arguments); // --help, --version and unknown options exit here, as every Qt tool does

    SimOptions o;
    double port = 0, leads = 0, seed = 0, rate = 0, window = 0, agents = 0;
    if (!readNumber(parser, QStringLiteral("port"), 0, 65535, &port, error) ||
        !readNumber(parser, QStringLiteral("leads"), 0, 100000000, &leads, error) ||
        !readNumber(parser, QStringLiteral("seed"), 0, 9e15, &seed, error) ||
        !readNumber(parser, QStringLiteral("agents"), 3, 10, &agents, error) ||
        !readNumber(parser, QStringLiteral("rate"), 0, 1e9, &rate, error) ||
        !readNumber(parser, QStringLiteral("rate-window"), 1, 86400, &window, error) ||
        !readNumber(parser, QStringLiteral("fault-rate"), 0, 1, &o.faultRate, error) ||
        !readNumber(parser, QStringLiteral("activity"), 0, 600000, &o.activityPerMinute, error) ||
        !readNumber(parser, QStringLiteral("time-scale"), 0.0001, 1000, &o.timeScale, error))
        return std::nullopt;
    o.port = static_cast<quint16>(port);
    o.leads = static_cast<qint64>(leads);
    o.seed = static_cast<quint64>(seed);
    o.agents = static_cast<int>(agents);
    o.rateLimit = static_cast<int>(rate);
    o.rateWindowSecs = static_cast<int>(window);

    const auto plan = planFromName(parser.value(QStringLiteral("plan")));
    if (!plan) {
        *error = QStringLiteral("--plan must be basic or premium");
        return std::nullopt;
    }
    o.plan = *plan;
    if (parser.isSet(QStringLiteral("faults"))) {
        o.faultKinds = parser.value(QStringLiteral("faults")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &kind : std::as_const(o.faultKinds)) {
            if (!allFaultKinds().contains(kind)) {
                *error = QStringLiteral("unknown fault kind \"%1\"; known: %2")
                             .arg(kind, allFaultKinds().join(QLatin1Char(',')));
                return std::nullopt;
            }
        }
    }
    o.listenAddress = parser.value(QStringLiteral("listen"));
    o.printPort = parser.isSet(QStringLiteral("print-port"));
    o.databasePath = parser.value(QStringLiteral("db"));
    o.clientId = parser.value(QStringLiteral("client-id"));
    o.initialKey = parser.value(QStringLiteral("key"));
    o.keyOutPath = parser.value(QStringLiteral("key-out"));
    o.printKey = parser.isSet(QStringLiteral("print-key"));
    o.dumpLedger = parser.isSet(QStringLiteral("dump-ledger"));
    o.legacy = parser.isSet(QStringLiteral("legacy"));
    o.signatureHeader = parser.value(QStringLiteral("signature-header"));
    if (o.clientId.isEmpty() || o.clientId.contains(QLatin1Char('/'))) {
        *error = QStringLiteral("--client-id must be a non-empty string without '/'");
        return std::nullopt;
    }
    return o;
}

} // namespace outpost::sim
