#include "QueueCommand.h"

#include "CommandContext.h"
#include "OutboxReplayRun.h"
#include "outbox/OutboxStore.h"

#include <QCommandLineParser>

namespace outpost::ctl {

namespace {

std::optional<QList<qint64>> parseIds(const QString &text)
{
    QList<qint64> ids;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 id = part.trimmed().toLongLong(&ok);
        if (!ok || id <= 0)
            return std::nullopt;
        ids << id;
    }
    if (ids.isEmpty())
        return std::nullopt;
    return ids;
}

std::optional<OutboxStore::TagAction> parseTagAction(const QString &text)
{
    if (text == QLatin1StringView("add"))
        return OutboxStore::TagAction::Add;
    if (text == QLatin1StringView("remove"))
        return OutboxStore::TagAction::Remove;
    return std::nullopt;
}

} // namespace

QString QueueCommand::name() const
{
    switch (m_kind) {
    case Kind::SetStatus:
        return QStringLiteral("set-status");
    case Kind::Note:
        return QStringLiteral("note");
    case Kind::Reply:
        return QStringLiteral("reply");
    case Kind::Book:
        return QStringLiteral("book");
    case Kind::Tag:
        return QStringLiteral("tag");
    case Kind::BulkStage:
        return QStringLiteral("bulk-stage");
    case Kind::BulkTag:
        return QStringLiteral("bulk-tag");
    case Kind::BulkMessage:
        return QStringLiteral("bulk-message");
    }
    return {};
}

QString QueueCommand::summary() const
{
    switch (m_kind) {
    case Kind::SetStatus:
        return tr("queue a lead's new status (ID STATUS)");
    case Kind::Note:
        return tr("queue a note on a lead (ID TEXT)");
    case Kind::Reply:
        return tr("queue a reply to a lead (ID TEXT)");
    case Kind::Book:
        return tr("queue an appointment (ID \"YYYY-MM-DD HH:MM\" SERVICE)");
    case Kind::Tag:
        return tr("queue a tag change (ID add|remove TAG)");
    case Kind::BulkStage:
        return tr("queue a status for many leads (--ids 1,2,3 STATUS)");
    case Kind::BulkTag:
        return tr("queue a tag change for many leads (--ids 1,2,3 add|remove TAG)");
    case Kind::BulkMessage:
        return tr("queue a message to many leads (--ids 1,2,3 TEXT)");
    }
    return {};
}

QString QueueCommand::syntax() const
{
    switch (m_kind) {
    case Kind::SetStatus:
        return QStringLiteral("ID STATUS");
    case Kind::Note:
    case Kind::Reply:
        return QStringLiteral("ID TEXT");
    case Kind::Book:
        return QStringLiteral("ID \"YYYY-MM-DD HH:MM\" SERVICE");
    case Kind::Tag:
        return QStringLiteral("ID add|remove TAG");
    case Kind::BulkStage:
        return QStringLiteral("--ids 1,2,3 STATUS");
    case Kind::BulkTag:
        return QStringLiteral("--ids 1,2,3 add|remove TAG");
    case Kind::BulkMessage:
        return QStringLiteral("--ids 1,2,3 TEXT");
    }
    return {};
}

int QueueCommand::expectedArguments() const
{
    switch (m_kind) {
    case Kind::BulkStage:
    case Kind::BulkMessage:
        return 1;
    case Kind::SetStatus:
    case Kind::Note:
    case Kind::Reply:
    case Kind::BulkTag:
        return 2;
    case Kind::Book:
    case Kind::Tag:
        return 3;
    }
    return 0;
}

int QueueCommand::run(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ARGS"), syntax());
    const QCommandLineOption wait(QStringLiteral("wait"), tr("Send it now and wait for the service's answer."));
    const QCommandLineOption idsOption(QStringLiteral("ids"), tr("The leads, comma-separated."), QStringLiteral("IDS"));
    parser.addOption(wait);
    const bool bulk = m_kind == Kind::BulkStage || m_kind == Kind::BulkTag || m_kind == Kind::BulkMessage;
    if (bulk)
        parser.addOption(idsOption);
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    const QStringList args = parser.positionalArguments();
    if (args.size() != expectedArguments())
        return context.usageError(tr("usage: outpostctl %1 %2").arg(name(), syntax()));

    qint64 id = 0;
    QList<qint64> ids;
    if (bulk) {
        const auto parsed = parseIds(parser.value(idsOption));
        if (!parsed)
            return context.usageError(tr("--ids needs lead ids such as 1,2,3"));
        ids = *parsed;
    } else if (!parseLeadId(args.first(), id)) {
        return context.usageError(tr("\"%1\" is not a lead id").arg(args.first()));
    }
    std::optional<OutboxStore::TagAction> action;
    if (m_kind == Kind::Tag || m_kind == Kind::BulkTag) {
        action = parseTagAction(args.at(m_kind == Kind::Tag ? 1 : 0));
        if (!action)
            return context.usageError(tr("say add or remove before the tag"));
    }

    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error().message);
    auto db = context.openCache(*workspace);
    if (!db)
        return context.fail(db.error().message);
    OutboxStore store(db.value());
    Result<qint64> row = makeError(QString());
    switch (m_kind) {
    case Kind::SetStatus:
        row = store.setStatus(id, args.at(1));
        break;
    case Kind::Note:
        row = store.addNote(id, args.at(1));
        break;
    case Kind::Reply:
        row = store.reply(id, args.at(1));
        break;
    case Kind::Book:
        row = store.bookAppointment(id, args.at(1), args.at(2));
        break;
    case Kind::Tag:
        row = store.editTag(id, *action, args.at(2));
        break;
    case Kind::BulkStage:
        row = store.bulkStage(ids, args.at(0));
        break;
    case Kind::BulkTag:
        row = store.bulkTag(ids, *action, args.at(1));
        break;
    case Kind::BulkMessage:
        row = store.bulkMessage(ids, args.at(0));
        break;
    }
    if (!row)
        return context.fail(row.error().message);
    context.out() << tr("queued as outbox row %1").arg(*row) << Qt::endl;
    if (!parser.isSet(wait))
        return ExitOk;
    OutboxReplayRun::start(context, *workspace, *row);
    return Pending;
}

} // namespace outpost::ctl
