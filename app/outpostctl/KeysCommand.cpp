#include "KeysCommand.h"

#include "AdminSession.h"
#include "CommandContext.h"
#include "LeadPrinter.h"
#include "admin/KeyAdmin.h"
#include "admin/KeyRotation.h"
#include "secrets/SecretStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace outpost::ctl {

namespace {

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : LeadPrinter::printable(text);
}

void printKeys(QTextStream &out, const QList<ApiKeyInfo> &keys, const QString &currentId)
{
    out << QStringLiteral("  %1 %2 %3 %4 %5 %6\n")
               .arg(KeysCommand::tr("ID").leftJustified(8), KeysCommand::tr("NAME").leftJustified(30),
                    KeysCommand::tr("PREFIX").leftJustified(9), KeysCommand::tr("CREATED").leftJustified(24),
                    KeysCommand::tr("LAST USED").leftJustified(24), KeysCommand::tr("EXPIRES"));
    for (const ApiKeyInfo &key : keys) {
        out << (key.id == currentId ? QStringLiteral("* ") : QStringLiteral("  "))
            << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(LeadPrinter::fit(key.id, 8), LeadPrinter::fit(key.name, 30), LeadPrinter::fit(key.prefix, 9),
                        LeadPrinter::fit(orDash(key.createdAt), 24), LeadPrinter::fit(orDash(key.lastUsedAt), 24),
                        orDash(key.expiresAt));
    }
    if (!currentId.isEmpty())
        out << KeysCommand::tr("* this workspace's key") << Qt::endl;
}

std::optional<QDateTime> parseExpiry(const QString &text)
{
    QDateTime when = QDateTime::fromString(text, Qt::ISODate);
    if (!when.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return std::nullopt;
        when = date.startOfDay(Qt::UTC);
    }
    return when;
}

bool confirm(CommandContext &context, const QString &question)
{
    context.err() << question << QStringLiteral(" [y/N] ");
    context.err().flush();
    char answer[16] = {};
    if (!std::fgets(answer, sizeof answer, stdin))
        return false;
    return answer[0] == 'y' || answer[0] == 'Y';
}

int exitCodeFor(KeyRotation::Outcome outcome, const AdminError &error)
{
    switch (outcome) {
    case KeyRotation::Outcome::Rotated:
        return ExitOk;
    case KeyRotation::Outcome::NotStarted:
        return AdminSession::exitCodeFor(error) == ExitUsage ? ExitError : AdminSession::exitCodeFor(error);
    default:
        return ExitError;
    }
}

} // namespace

QString KeysCommand::summary() const
{
    return tr("list, create, revoke or rotate the service's API keys (secrets shown once, at create)");
}

int KeysCommand::run(CommandContext &context, const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    if (sub == QLatin1String("create"))
        return create(context, arguments.mid(1));
    if (sub == QLatin1String("revoke"))
        return revoke(context, arguments.mid(1));
    if (sub == QLatin1String("rotate"))
        return rotate(context, arguments.mid(1));
    if (sub == QLatin1String("list"))
        return list(context, arguments.mid(1));
    if (!sub.isEmpty() && !sub.startsWith(u'-'))
        return context.usageError(tr("unknown keys subcommand \"%1\": use list, create, revoke or rotate")
                                      .arg(LeadPrinter::printable(sub.left(100))));
    return list(context, arguments);
}

int KeysCommand::list(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("keys [list] [--json]: the service's API keys, never their secrets."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    parser.addOption(json);
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(tr("keys list takes no arguments"));
    int code = ExitOk;
    AdminSession *session = AdminSession::open(context, code);
    if (!session)
        return code;
    const bool asJson = parser.isSet(json);
    session->start([asJson](AdminSession &s) {
        KeyAdmin(s.client()).list(&s, [&s, asJson](Result<QList<ApiKeyInfo>, AdminError> keys) {
            if (!keys)
                return s.fail(keys.error());
            const std::optional<ApiKeyInfo> current = KeyAdmin::keyOf(s.currentKey(), keys.value());
            const QString currentId = current ? current->id : QString();
            if (asJson) {
                QJsonArray array;
                for (const ApiKeyInfo &key : keys.value()) {
                    QJsonObject o = key.toJson();
                    o.insert(QStringLiteral("current"), key.id == currentId);
                    array.append(o);
                }
                s.context().out() << QString::fromUtf8(
                                         QJsonDocument(QJsonObject{{QStringLiteral("keys"), array}}).toJson())
                                  << Qt::flush;
            } else {
                printKeys(s.context().out(), keys.value(), currentId);
            }
            s.finish(ExitOk);
        });
    });
    return Pending;
}

int KeysCommand::create(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("keys create NAME [--expires DATE] [--use]: a new API key. Its secret is "
                                        "printed this once."));
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("What the key is for."));
    const QCommandLineOption expires(QStringLiteral("expires"), tr("Expiry date (YYYY-MM-DD, UTC) or ISO date-time."),
                                     QStringLiteral("DATE"));
    const QCommandLineOption use(QStringLiteral("use"),
                                 tr("Make it this workspace's key (stored in the system keychain)."));
    parser.addOption(expires);
    parser.addOption(use);
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return context.usageError(tr("keys create takes one NAME"));
    const QString name = parser.positionalArguments().first();
    if (auto valid = KeyAdmin::validateName(name); !valid)
        return context.usageError(valid.error().message);
    QDateTime expiresAt;
    if (parser.isSet(expires)) {
        const std::optional<QDateTime> when = parseExpiry(parser.value(expires));
        if (!when)
            return context.usageError(tr("--expires needs a date such as 2027-01-31"));
        if (*when <= QDateTime::currentDateTimeUtc())
            return context.usageError(tr("--expires must be in the future"));
        expiresAt = *when;
    }
    int code = ExitOk;
    AdminSession *session = AdminSession::open(context, code);
    if (!session)
        return code;
    const bool makeCurrent = parser.isSet(use);
    session->start([name, expiresAt, makeCurrent](AdminSession &s) {
        KeyAdmin(s.client()).create(name, expiresAt, &s, [&s, makeCurrent](Result<CreatedApiKey, AdminError> key) {
            if (!key)
                return s.fail(key.error());
            QTextStream &out = s.context().out();
            out << KeysCommand::tr("Created key %1 \"%2\" (prefix %3).")
                       .arg(key->info.id, LeadPrinter::printable(key->info.name), key->info.prefix)
                << Qt::endl
                << KeysCommand::tr("Secret (shown once, store it now): %1").arg(key->secret) << Qt::endl;
            if (!makeCurrent) {
                key->secret.fill(u'\0');
                return s.finish(ExitOk);
            }
            s.context().secrets().write(
                SecretStore::apiKeyName(s.workspace().id), key->secret, &s, [&s](Result<void, SecretError> written) {
                    if (!written) {
                        s.context().fail(KeysCommand::tr("The new key could not be stored in the keychain (%1); "
                                                         "the workspace keeps its current key.")
                                             .arg(written.error().message));
                        return s.finish(ExitError);
                    }
                    s.context().out() << KeysCommand::tr("It is now the key of \"%1\", stored in the system keychain.")
                                             .arg(LeadPrinter::printable(s.workspace().name))
                                      << Qt::endl;
                    s.finish(ExitOk);
                });
            key->secret.fill(u'\0');
        });
    });
    return Pending;
}

int KeysCommand::revoke(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("keys revoke ID [--yes] [--force]: requests with that key are refused at "
                                        "once."));
    parser.addPositionalArgument(QStringLiteral("ID"), tr("The key's id (see `outpostctl keys`)."));
    const QCommandLineOption yes(QStringLiteral("yes"), tr("Do not ask for confirmation."));
    const QCommandLineOption force(QStringLiteral("force"), tr("Also revoke this workspace's own current key."));
    parser.addOption(yes);
    parser.addOption(force);
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return context.usageError(tr("keys revoke takes one ID"));
    const QString id = parser.positionalArguments().first();
    if (auto valid = KeyAdmin::validateId(id); !valid)
        return context.usageError(valid.error().message);
    if (!parser.isSet(yes)) {
        if (!context.stdoutIsTerminal())
            return context.usageError(tr("revoking a key cannot be undone: confirm with --yes"));
        if (!confirm(context, tr("Revoke key %1? Requests with it will be refused at once.").arg(id)))
            return context.fail(tr("Nothing was revoked."), ExitStoppedEarly);
    }
    int code = ExitOk;
    AdminSession *session = AdminSession::open(context, code);
    if (!session)
        return code;
    const bool ownKeyAllowed = parser.isSet(force);
    session->start([id, ownKeyAllowed](AdminSession &s) {
        KeyAdmin(s.client()).list(&s, [&s, id, ownKeyAllowed](Result<QList<ApiKeyInfo>, AdminError> keys) {
            if (!keys)
                return s.fail(keys.error());
            const std::optional<ApiKeyInfo> current = KeyAdmin::keyOf(s.currentKey(), keys.value());
            const bool own = current && current->id == id;
            if (own && !ownKeyAllowed) {
                s.context().fail(KeysCommand::tr("Key %1 is this workspace's own key: revoking it would lock the "
                                                 "workspace out. Use `outpostctl keys rotate`, or --force.")
                                     .arg(id));
                return s.finish(ExitError);
            }
            KeyAdmin(s.client()).revoke(id, &s, [&s, id, own](Result<void, AdminError> revoked) {
                if (!revoked)
                    return s.fail(revoked.error());
                s.context().out() << KeysCommand::tr("Revoked key %1.").arg(id) << Qt::endl;
                if (own)
                    s.context().err() << KeysCommand::tr("This workspace's key no longer works: set a new one with "
                                                         "`outpostctl workspace set-key`.")
                                      << Qt::endl;
                s.finish(ExitOk);
            });
        });
    });
    return Pending;
}

int KeysCommand::rotate(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("keys rotate [--name NAME]: create a new key, store it in the keychain, "
                                        "verify it works, revoke the old one. A failed step leaves a working key."));
    const QCommandLineOption nameOption(QStringLiteral("name"), tr("The new key's name."), QStringLiteral("NAME"));
    parser.addOption(nameOption);
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(tr("keys rotate takes no arguments"));
    KeyRotation::Options options;
    options.newKeyName = parser.value(nameOption);
    if (!options.newKeyName.isEmpty()) {
        if (auto valid = KeyAdmin::validateName(options.newKeyName); !valid)
            return context.usageError(valid.error().message);
    }
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error().message);
    if (workspace->isOffline())
        return context.fail(tr("workspace \"%1\" has no service to manage").arg(workspace->name));

    auto *rotation = new KeyRotation(*workspace, context.secrets(), options, QCoreApplication::instance());
    QObject::connect(rotation, &KeyRotation::stepStarted, rotation, [&context](KeyRotation::Step step) {
        context.out() << QStringLiteral("%1 … ").arg(KeyRotation::stepName(step)) << Qt::flush;
    });
    QObject::connect(rotation, &KeyRotation::stepFinished, rotation,
                     [&context](KeyRotation::Step, bool ok, const QString &message) {
                         context.out() << (ok ? tr("ok") : tr("failed: %1").arg(message)) << Qt::endl;
                     });
    QObject::connect(rotation, &KeyRotation::finished, rotation,
                     [&context, rotation](KeyRotation::Outcome outcome, KeyRotation::Step, const QString &message,
                                          const AdminError &error) {
                         const int code = exitCodeFor(outcome, error);
                         if (code == ExitOk)
                             context.out() << message << Qt::endl;
                         else if (outcome == KeyRotation::Outcome::NotStarted)
                             context.fail(QStringLiteral("%1 %2").arg(error.message, message), code);
                         else
                             context.fail(message, code);
                         context.finish(code);
                         rotation->deleteLater();
                     });
    rotation->start();
    return Pending;
}

} // namespace outpost::ctl
