#include "ImportJsonCommand.h"

#include "CommandContext.h"
#include "domain/LeadCodec.h"
#include "storage/LeadStore.h"

#include <QCommandLineParser>
#include <QFile>

namespace outpost::ctl {

namespace {

// A real GET /leads answer is well below this; anything larger is not one.
constexpr qint64 kMaxImportBytes = 512LL * 1024 * 1024;

Result<QByteArray> readInput(const QString &path)
{
    QFile file;
    const bool isStdin = path == QLatin1StringView("-");
    const bool opened =
        isStdin ? file.open(stdin, QIODevice::ReadOnly) : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened)
        return makeError(Command::tr("cannot read %1: %2").arg(path, file.errorString()));
    QByteArray bytes = file.read(kMaxImportBytes + 1);
    if (bytes.size() > kMaxImportBytes)
        return makeError(Command::tr("%1 is larger than 512 MB: not a page of leads").arg(path));
    return bytes;
}

// Commands that only fill the cache may start on a fresh profile: they get an
// offline workspace to hold it.
Result<Workspace> workspaceForImport(CommandContext &context)
{
    if (!context.workspaceName().isEmpty() || !context.registry().workspaces().isEmpty())
        return context.workspace();
    Workspace local;
    local.name = QStringLiteral("local");
    auto added = context.registry().add(local);
    if (added)
        context.err() << Command::tr("Created the offline workspace \"local\" for this cache.") << Qt::endl;
    return added;
}

} // namespace

QString ImportJsonCommand::summary() const
{
    return tr("store leads from a GET /leads answer (FILE, or - for stdin) in the cache");
}

int ImportJsonCommand::run(CommandContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("A JSON file shaped like a GET /leads answer."));
    if (const int code = parse(parser, arguments, context); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return context.usageError(tr("import-json takes exactly one FILE"));
    const QString path = parser.positionalArguments().first();

    auto bytes = readInput(path);
    if (!bytes)
        return context.fail(bytes.error().message);
    // Decode everything before writing anything: one bad lead and nothing is stored.
    auto page = LeadCodec::pageFromBytes(*bytes);
    if (!page)
        return context.fail(tr("%1: %2 (nothing was imported)").arg(path, page.error().message));

    auto workspace = workspaceForImport(context);
    if (!workspace)
        return context.fail(workspace.error().message);
    auto db = context.openCache(*workspace);
    if (!db)
        return context.fail(db.error().message);
    LeadStore store(db.value());
    auto stored = store.upsert(page->leads);
    if (!stored)
        return context.fail(tr("%1 (nothing was imported)").arg(stored.error().message));
    auto removed = store.remove(page->deleted);
    if (!removed)
        return context.fail(removed.error().message);
    auto total = store.totalCount();
    context.out() << tr("Imported %1 leads into \"%2\"; the cache holds %3.")
                         .arg(page->leads.size())
                         .arg(workspace->name)
                         .arg(total ? *total : 0)
                  << Qt::endl;
    return ExitOk;
}

} // namespace outpost::ctl
