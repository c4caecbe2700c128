#include "ConflictsCommand.h"

#include "CommandContext.h"
#include "outbox/OutboxStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace outpost::ctl {

namespace {

QString shown(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts << v.toString();
        return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    return value.isUndefined() || value.isNull() ? QStringLiteral("-") : value.toVariant().toString();
}

} // namespace

QString ConflictsCommand::summary() const
{
    return tr("list conflicts field by field: base, theirs, mine (--json)");
}

int ConflictsCommand::run(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    parser.addOption(json);
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(tr("conflicts takes no arguments"));
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error().message);
    auto db = context.openCache(*workspace);
    if (!db)
        return context.fail(db.error().message);
    OutboxStore store(db.value());
    auto rows = store.conflicts();
    if (!rows)
        return context.fail(rows.error().message);
    if (parser.isSet(json)) {
        QJsonArray list;
        for (const OutboxRow &row : std::as_const(*rows))
            list.append(row.toJson());
        context.out() << QString::fromUtf8(QJsonDocument(list).toJson());
        return ExitOk;
    }
    if (rows->isEmpty()) {
        context.out() << tr("No conflicts.") << Qt::endl;
        return ExitOk;
    }
    for (const OutboxRow &row : std::as_const(*rows)) {
        context.out() << tr("row %1, lead %2: %3").arg(row.id).arg(row.leadIds.value(0)).arg(row.describe())
                      << Qt::endl;
        for (auto it = row.conflict.begin(); it != row.conflict.end(); ++it) {
            const QJsonObject field = it.value().toObject();
            if (field.isEmpty())
                continue;
            context.out() << tr("  %1: base %2, theirs %3, mine %4")
                                 .arg(it.key(), shown(field.value(QStringLiteral("base"))),
                                      shown(field.value(QStringLiteral("theirs"))),
                                      shown(field.value(QStringLiteral("mine"))))
                          << Qt::endl;
        }
    }
    context.out() << tr("Resolve with: outpostctl resolve ROW mine|theirs") << Qt::endl;
    return ExitOk;
}

} // namespace outpost::ctl
