#include "WebhooksCommand.h"

#include "AdminSession.h"
#include "CommandContext.h"
#include "LeadPrinter.h"
#include "admin/KeyAdmin.h"
#include "admin/WebhookAdmin.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

namespace outpost::ctl {

namespace {

QString text(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    return value.isNull() || value.isUndefined() ? QStringLiteral("-") : LeadPrinter::printable(value.toString());
}

void printJson(QTextStream &out, const QJsonObject &object)
{
    out << QString::fromUtf8(QJsonDocument(object).toJson()) << Qt::flush;
}

// The admin lives as long as the session that runs it.
std::shared_ptr<WebhookAdmin> adminFor(AdminSession &s)
{
    return std::make_shared<WebhookAdmin>(s.client(), s.context().secrets(), s.context().registry(), s.workspace().id);
}

} // namespace

QString WebhooksCommand::summary() const
{
    return tr("list, create, delete or test the service's webhooks; see their deliveries");
}

int WebhooksCommand::run(CommandContext &context, const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    if (sub == QLatin1String("create"))
        return create(context, arguments.mid(1));
    if (sub == QLatin1String("delete"))
        return remove(context, arguments.mid(1));
    if (sub == QLatin1String("test"))
        return sendTest(context, arguments.mid(1));
    if (sub == QLatin1String("deliveries"))
        return deliveries(context, arguments.mid(1));
    if (sub == QLatin1String("list"))
        return list(context, arguments.mid(1));
    if (!sub.isEmpty() && !sub.startsWith(u'-'))
        return context.usageError(tr("unknown webhooks subcommand \"%1\": use list, create, delete, test or deliveries")
                                      .arg(LeadPrinter::printable(sub.left(100))));
    return list(context, arguments);
}

int WebhooksCommand::parseId(QCommandLineParser &parser, CommandContext &context, const QStringList &arguments,
                             const QString &what, QString &id) const
{
    parser.addPositionalArgument(QStringLiteral("ID"), tr("The webhook's id (see `outpostctl webhooks`)."));
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return context.usageError(tr("webhooks %1 takes one ID").arg(what));
    id = parser.positionalArguments().first();
    if (auto valid = KeyAdmin::validateId(id); !valid)
        return context.usageError(tr("\"%1\" is not a webhook id").arg(LeadPrinter::printable(id.left(100))));
    return -1;
}

int WebhooksCommand::list(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("webhooks [list] [--json]: the service's webhooks, never their secrets."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    parser.addOption(json);
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(tr("webhooks list takes no arguments"));
    int code = ExitOk;
    AdminSession *session = AdminSession::open(context, code);
    if (!session)
        return code;
    const bool asJson = parser.isSet(json);
    session->start([asJson](AdminSession &s) {
        auto admin = adminFor(s);
        admin->list(&s, [&s, admin, asJson](Result<QList<WebhookInfo>, AdminError> hooks) {
            if (!hooks)
                return s.fail(hooks.error());
            QTextStream &out = s.context().out();
            if (asJson) {
                QJsonArray array;
                for (const WebhookInfo &hook : hooks.value()) {
                    QJsonObject o = hook.toJson();
                    o.insert(QStringLiteral("secret_stored"), s.workspace().webhookSecretIds.contains(hook.id));
                    array.append(o);
                }
                printJson(out, {{QStringLiteral("webhooks"), array}});
            } else {
                out << QStringLiteral("%1 %2 %3 %4 %5\n")
                           .arg(WebhooksCommand::tr("ID").leftJustified(8),
                                WebhooksCommand::tr("NAME").leftJustified(24),
                                WebhooksCommand::tr("ACTIVE").leftJustified(7),
                                WebhooksCommand::tr("URL").leftJustified(40), WebhooksCommand::tr("EVENTS"));
                for (const WebhookInfo &hook : hooks.value())
                    out << QStringLiteral("%1 %2 %3 %4 %5\n")
                               .arg(LeadPrinter::fit(hook.id, 8), LeadPrinter::fit(hook.name, 24),
                                    (hook.active ? WebhooksCommand::tr("yes") : WebhooksCommand::tr("no"))
                                        .leftJustified(7),
                                    LeadPrinter::fit(hook.url, 40),
                                    LeadPrinter::printable(hook.events.join(QStringLiteral(","))));
            }
            s.finish(ExitOk);
        });
    });
    return Pending;
}

int WebhooksCommand::create(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("webhooks create NAME URL --event E [--event E ...]: a new webhook. Its "
                                        "secret is printed this once and kept in the system keychain."));
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("What the webhook is for."));
    parser.addPositionalArgument(QStringLiteral("URL"), tr("Where deliveries go: HTTPS (HTTP only to loopback)."));
    const QCommandLineOption event(QStringList{QStringLiteral("event"), QStringLiteral("events")},
                                   tr("An event to deliver (repeat, or separate with commas): %1.")
                                       .arg(WebhookAdmin::knownEvents().join(QStringLiteral(", "))),
                                   QStringLiteral("E"));
    parser.addOption(event);
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 2)
        return context.usageError(tr("webhooks create takes NAME and URL"));
    const QString name = parser.positionalArguments().at(0);
    const QString url = parser.positionalArguments().at(1);
    QStringList events;
    for (const QString &value : parser.values(event))
        events += value.split(u',', Qt::SkipEmptyParts);
    events.removeDuplicates();
    for (const auto &valid :
         {WebhookAdmin::validateName(name), WebhookAdmin::validateUrl(url), WebhookAdmin::validateEvents(events)}) {
        if (!valid)
            return context.usageError(valid.error().message);
    }
    int code = ExitOk;
    AdminSession *session = AdminSession::open(context, code);
    if (!session)
        return code;
    session->start([name, url, events](AdminSession &s) {
        auto admin = adminFor(s);
        admin->create(name, url, events, &s, [&s, admin](Result<CreatedWebhook, AdminError> hook) {
            if (!hook)
                return s.fail(hook.error());
            s.context().out() << WebhooksCommand::tr("Created webhook %1 \"%2\" for %3.")
                                     .arg(hook->info.id, LeadPrinter::printable(hook->info.name),
                                          LeadPrinter::printable(hook->info.url))
                              << Qt::endl
                              << WebhooksCommand::tr("Signing secret (shown once; also stored in the system "
                                                     "keychain for `outpostctl listen`): %1")
                                     .arg(hook->secret)
                              << Qt::endl;
            hook->secret.fill(u'\0');
            s.finish(ExitOk);
        });
    });
    return Pending;
}

int WebhooksCommand::remove(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("webhooks delete ID: the webhook and its secret in the keychain."));
    QString id;
    if (const int code = parseId(parser, context, arguments, QStringLiteral("delete"), id); code >= 0)
        return code;
    int code = ExitOk;
    AdminSession *session = AdminSession::open(context, code);
    if (!session)
        return code;
    session->start([id](AdminSession &s) {
        auto admin = adminFor(s);
        admin->remove(id, &s, [&s, admin, id](Result<void, AdminError> removed) {
            if (!removed)
                return s.fail(removed.error());
            s.context().out() << WebhooksCommand::tr("Deleted webhook %1 and its stored secret.").arg(id) << Qt::endl;
            s.finish(ExitOk);
        });
    });
    return Pending;
}

int WebhooksCommand::sendTest(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("webhooks test ID: the service sends the webhook a `test` event."));
    QString id;
    if (const int code = parseId(parser, context, arguments, QStringLiteral("test"), id); code >= 0)
        return code;
    int code = ExitOk;
    AdminSession *session = AdminSession::open(context, code);
    if (!session)
        return code;
    session->start([id](AdminSession &s) {
        auto admin = adminFor(s);
        admin->sendTest(id, &s, [&s, admin, id](Result<void, AdminError> sent) {
            if (!sent)
                return s.fail(sent.error());
            s.context().out() << WebhooksCommand::tr("A test event is on its way to webhook %1; see `outpostctl "
                                                     "webhooks deliveries %1`.")
                                     .arg(id)
                              << Qt::endl;
            s.finish(ExitOk);
        });
    });
    return Pending;
}

int WebhooksCommand::deliveries(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("webhooks deliveries ID [--json]: the webhook's delivery attempts."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    parser.addOption(json);
    QString id;
    if (const int code = parseId(parser, context, arguments, QStringLiteral("deliveries"), id); code >= 0)
        return code;
    int code = ExitOk;
    AdminSession *session = AdminSession::open(context, code);
    if (!session)
        return code;
    const bool asJson = parser.isSet(json);
    session->start([id, asJson](AdminSession &s) {
        auto admin = adminFor(s);
        admin->deliveries(id, &s, [&s, admin, asJson](Result<QJsonArray, AdminError> rows) {
            if (!rows)
                return s.fail(rows.error());
            QTextStream &out = s.context().out();
            if (asJson) {
                printJson(out, {{QStringLiteral("deliveries"), rows.value()}});
                return s.finish(ExitOk);
            }
            out << QStringLiteral("%1 %2 %3 %4 %5\n")
                       .arg(WebhooksCommand::tr("EVENT").leftJustified(22),
                            WebhooksCommand::tr("STATUS").leftJustified(7), WebhooksCommand::tr("MS").leftJustified(7),
                            WebhooksCommand::tr("TIME").leftJustified(25), WebhooksCommand::tr("OK"));
            for (const QJsonValue &v : rows.value()) {
                const QJsonObject row = v.toObject();
                out << QStringLiteral("%1 %2 %3 %4 %5\n")
                           .arg(LeadPrinter::fit(text(row.value(QStringLiteral("event"))), 22),
                                LeadPrinter::fit(text(row.value(QStringLiteral("status_code"))), 7),
                                LeadPrinter::fit(text(row.value(QStringLiteral("duration_ms"))), 7),
                                LeadPrinter::fit(text(row.value(QStringLiteral("attempted_at"))), 25),
                                text(row.value(QStringLiteral("ok"))));
            }
            s.finish(ExitOk);
        });
    });
    return Pending;
}

} // namespace outpost::ctl
