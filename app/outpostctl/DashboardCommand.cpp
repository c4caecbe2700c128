#include "DashboardCommand.h"

#include "AdminSession.h"
#include "CommandContext.h"
#include "LeadPrinter.h"
#include "analytics/DashboardFigures.h"
#include "analytics/DashboardLoader.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace outpost::ctl {

namespace {

enum class Format {
    Text,
    Json,
    Csv
};

QString sourceLine(const DashboardFigures::Part &part)
{
    const QString when = part.asOf.isValid() ? part.asOf.toString(Qt::ISODate) : DashboardCommand::tr("never synced");
    QString line = part.source == DashboardFigures::Source::Server
                       ? DashboardCommand::tr("from the service, %1").arg(when)
                       : DashboardCommand::tr("computed from cached data as of %1").arg(when);
    if (!part.note.isEmpty())
        line += QStringLiteral("; ") + LeadPrinter::printable(part.note);
    return line;
}

QString number(const QJsonValue &v, int decimals = 1)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("-");
    const double d = v.toDouble();
    return d == std::floor(d) && decimals <= 1 ? QString::number(qint64(d)) : QString::number(d, 'f', decimals);
}

void printOut(CommandContext &context, const DashboardFigures &figures, Format format)
{
    QTextStream &out = context.out();
    if (format == Format::Json)
        out << QString::fromUtf8(QJsonDocument(figures.toJson()).toJson());
    else if (format == Format::Csv)
        out << figures.toCsv();
    else
        DashboardCommand::print(out, figures);
    out << Qt::flush;
}

} // namespace

QString DashboardCommand::summary() const
{
    return tr("KPIs, the funnel and the SLA over 7, 30 or 90 days (the service's figures, or the cache's)");
}

void DashboardCommand::print(QTextStream &out, const DashboardFigures &f)
{
    const QJsonObject o = f.overview.body;
    out << tr("Overview (%1)").arg(sourceLine(f.overview)) << '\n';
    out << "  " << tr("Total leads").leftJustified(22) << number(o.value(QStringLiteral("total_leads"))) << '\n';
    out << "  " << tr("Conversion rate").leftJustified(22) << number(o.value(QStringLiteral("conversion_rate")))
        << " %\n";
    out << "  " << tr("Escalation rate").leftJustified(22) << number(o.value(QStringLiteral("escalation_rate")))
        << " %\n";
    out << "  " << tr("Bot resolution").leftJustified(22) << number(o.value(QStringLiteral("bot_resolution_pct")))
        << " %\n";
    out << "  " << tr("Average rating").leftJustified(22) << number(o.value(QStringLiteral("avg_rating")), 2) << '\n';

    out << '\n' << tr("Funnel (%1)").arg(sourceLine(f.funnel)) << '\n';
    for (const QJsonValue &stage : f.funnel.body.value(QStringLiteral("funnel")).toArray())
        out << "  " << LeadPrinter::fit(stage[QStringLiteral("status")].toString(), 12) << ' '
            << number(stage[QStringLiteral("count")]) << '\n';

    const QJsonObject sla = f.sla.body;
    out << '\n' << tr("SLA, leads created in the last %1 days (%2)").arg(f.days).arg(sourceLine(f.sla)) << '\n';
    for (const auto &[key, label] :
         {std::pair{"first_response", tr("First response")}, std::pair{"resolution", tr("Resolution")}}) {
        const QJsonObject t = sla.value(QLatin1StringView(key)).toObject();
        out << "  " << label.leftJustified(16)
            << tr("average %1 s against a target of %2 s, %3 % within target (%4 leads)")
                   .arg(number(t.value(QStringLiteral("avg_seconds"))),
                        number(t.value(QStringLiteral("target_seconds"))),
                        number(t.value(QStringLiteral("compliance_pct"))), number(t.value(QStringLiteral("count"))))
            << '\n';
    }
    const QJsonObject queue = sla.value(QStringLiteral("queue")).toObject();
    out << "  " << tr("Queue").leftJustified(16)
        << tr("%1 open, %2 waiting for a human, %3 escalated and open")
               .arg(number(queue.value(QStringLiteral("open_leads"))),
                    number(queue.value(QStringLiteral("waiting_human"))),
                    number(queue.value(QStringLiteral("escalated_open"))))
        << '\n';
    out << '\n'
        << "  " << tr("AGENT").leftJustified(24) << ' ' << tr("TOTAL").rightJustified(7) << ' '
        << tr("RESOLVED").rightJustified(9) << ' ' << tr("RATE").rightJustified(7) << '\n';
    for (const QJsonValue &a : sla.value(QStringLiteral("agents")).toArray())
        out << "  " << LeadPrinter::fit(a[QStringLiteral("agent")].toString(), 24) << ' '
            << number(a[QStringLiteral("total")]).rightJustified(7) << ' '
            << number(a[QStringLiteral("resolved")]).rightJustified(9) << ' '
            << QString(number(a[QStringLiteral("resolution_rate")]) + QStringLiteral(" %")).rightJustified(7) << '\n';
}

int DashboardCommand::run(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption days(QStringLiteral("days"), tr("The SLA period: 7, 30 or 90 days (default 30)."),
                                  QStringLiteral("N"), QStringLiteral("30"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption csv(QStringLiteral("csv"), tr("Print CSV, one figure a line."));
    const QCommandLineOption local(QStringLiteral("local"), tr("Do not ask the service: figures from the cache."));
    parser.addOptions({days, json, csv, local});
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(tr("dashboard takes no arguments"));
    bool ok = false;
    const int period = parser.value(days).toInt(&ok);
    if (!ok || period < 1 || period > 365)
        return context.usageError(tr("--days: expected a number of days from 1 to 365"));
    if (parser.isSet(json) && parser.isSet(csv))
        return context.usageError(tr("--json and --csv exclude each other"));
    const Format format = parser.isSet(json) ? Format::Json : parser.isSet(csv) ? Format::Csv : Format::Text;

    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error().message);
    auto db = context.openCache(*workspace);
    if (!db)
        return context.fail(db.error().message);
    auto figures = DashboardFigures::computeLocal(*db, period, DashboardFigures::cacheAsOf(*db));
    if (!figures)
        return context.fail(figures.error().message);
    if (parser.isSet(local) || workspace->isOffline()) {
        printOut(context, *figures, format);
        return ExitOk;
    }
    int code = ExitOk;
    AdminSession *session = AdminSession::open(context, code);
    if (!session)
        return code;
    session->start([local = std::move(*figures), format](AdminSession &s) {
        auto *loader = new DashboardLoader(s.client(), &s);
        loader->load(local, [&s, format](const DashboardFigures &result) {
            printOut(s.context(), result, format);
            s.finish(ExitOk);
        });
    });
    return Pending;
}

} // namespace outpost::ctl
