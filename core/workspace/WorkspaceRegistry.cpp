#include "workspace/WorkspaceRegistry.h"

#include <QDir>
#include <QSettings>

namespace outpost {

namespace {

const QString kGroup = QStringLiteral("workspaces");
// A top-level key: QSettings' INI format stores a group named "general" as
// "[%General]" and reads it back as "General", so "general/…" never survived
// a restart. Profiles written that way are still read (kLegacyDefault).
const QString kDefault = QStringLiteral("default_workspace");
const QString kLegacyDefault = QStringLiteral("General/default_workspace");

// Missing keys (a profile written before they existed) keep the defaults.
void readServiceProfile(const QSettings &s, Workspace &w)
{
    const ServiceProfile defaults;
    ServiceProfile &p = w.service;
    p.signatureHeader = s.value(QStringLiteral("signature_header"), defaults.signatureHeader).toString();
    p.rateLimit = s.value(QStringLiteral("rate_limit"), defaults.rateLimit).toInt();
    p.rateWindowSeconds = s.value(QStringLiteral("rate_window_seconds"), defaults.rateWindowSeconds).toInt();
    if (p.rateLimit <= 0 || p.rateWindowSeconds <= 0) {
        p.rateLimit = defaults.rateLimit;
        p.rateWindowSeconds = defaults.rateWindowSeconds;
    }
    p.keyPrefix = s.value(QStringLiteral("key_prefix")).toString();
    p.caFile = s.value(QStringLiteral("ca_file")).toString();
    w.plan = s.value(QStringLiteral("plan")).toString();
    w.webhookSecretIds = s.value(QStringLiteral("webhook_secret_ids")).toStringList();
}

void writeServiceProfile(QSettings &s, const Workspace &w)
{
    s.setValue(QStringLiteral("signature_header"), w.service.signatureHeader);
    s.setValue(QStringLiteral("rate_limit"), w.service.rateLimit);
    s.setValue(QStringLiteral("rate_window_seconds"), w.service.rateWindowSeconds);
    s.setValue(QStringLiteral("key_prefix"), w.service.keyPrefix);
    s.setValue(QStringLiteral("ca_file"), w.service.caFile);
    s.setValue(QStringLiteral("plan"), w.plan);
    if (w.webhookSecretIds.isEmpty())
        s.remove(QStringLiteral("webhook_secret_ids"));
    else
        s.setValue(QStringLiteral("webhook_secret_ids"), w.webhookSecretIds);
}

} // namespace

WorkspaceRegistry::WorkspaceRegistry(Profile profile)
    : m_profile(std::move(profile))
{}

QList<Workspace> WorkspaceRegistry::workspaces() const
{
    QSettings s(m_profile.settingsPath(), QSettings::IniFormat);
    QList<Workspace> list;
    const int n = s.beginReadArray(kGroup);
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        Workspace w;
        w.id = QUuid::fromString(s.value(QStringLiteral("id")).toString());
        w.name = s.value(QStringLiteral("name")).toString();
        w.baseUrl = QUrl(s.value(QStringLiteral("base_url")).toString());
        w.clientId = s.value(QStringLiteral("client_id")).toString();
        readServiceProfile(s, w);
        if (!w.id.isNull())
            list.append(w);
    }
    s.endArray();
    return list;
}

void WorkspaceRegistry::save(const QList<Workspace> &list) const
{
    QSettings s(m_profile.settingsPath(), QSettings::IniFormat);
    s.remove(kGroup);
    s.beginWriteArray(kGroup, static_cast<int>(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        const Workspace &w = list.at(i);
        s.setArrayIndex(i);
        s.setValue(QStringLiteral("id"), w.idText());
        s.setValue(QStringLiteral("name"), w.name);
        s.setValue(QStringLiteral("base_url"), w.baseUrl.toString());
        s.setValue(QStringLiteral("client_id"), w.clientId);
        writeServiceProfile(s, w);
    }
    s.endArray();
    s.sync();
}

std::optional<Workspace> WorkspaceRegistry::find(const QString &name) const
{
    for (const Workspace &w : workspaces()) {
        if (w.name.compare(name, Qt::CaseInsensitive) == 0)
            return w;
    }
    return std::nullopt;
}

std::optional<Workspace> WorkspaceRegistry::find(const QUuid &id) const
{
    for (const Workspace &w : workspaces()) {
        if (w.id == id)
            return w;
    }
    return std::nullopt;
}

std::optional<Workspace> WorkspaceRegistry::defaultWorkspace() const
{
    QSettings s(m_profile.settingsPath(), QSettings::IniFormat);
    const QUuid id = QUuid::fromString(s.value(kDefault, s.value(kLegacyDefault)).toString());
    if (auto w = find(id))
        return w;
    const QList<Workspace> all = workspaces();
    if (all.size() == 1)
        return all.first();
    return std::nullopt;
}

Result<Workspace> WorkspaceRegistry::resolve(const QString &name) const
{
    if (!name.isEmpty()) {
        if (auto w = find(name))
            return *w;
        return makeError(QStringLiteral("no workspace named \"%1\"").arg(name));
    }
    if (auto w = defaultWorkspace())
        return *w;
    if (workspaces().isEmpty())
        return makeError(QStringLiteral("no workspace yet: add one first"));
    return makeError(QStringLiteral("several workspaces and no default: name one, or choose a default"));
}

Result<void> WorkspaceRegistry::validateName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return makeError(QStringLiteral("a workspace needs a name"));
    if (trimmed != name)
        return makeError(QStringLiteral("a workspace name cannot start or end with spaces"));
    if (name.size() > 100)
        return makeError(QStringLiteral("a workspace name has at most 100 characters"));
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return makeError(QStringLiteral("a workspace name cannot contain control characters"));
    }
    return {};
}

Result<void> WorkspaceRegistry::validateBaseUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return makeError(
            QStringLiteral("\"%1\" is not a URL with a host, e.g. https://api.example.com").arg(url.toString()));
    const QString scheme = url.scheme().toLower();
    const QString host = url.host().toLower();
    const bool loopback =
        host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1") || host == QLatin1String("::1");
    if (scheme == QLatin1String("https") || (scheme == QLatin1String("http") && loopback))
        return {};
    if (scheme == QLatin1String("http"))
        return makeError(QStringLiteral("the service must be reached over HTTPS (plain HTTP only on this computer)"));
    return makeError(QStringLiteral("\"%1\" is not an https:// URL").arg(url.toString()));
}

Result<void> WorkspaceRegistry::validateClientId(const QString &clientId)
{
    if (clientId.isEmpty())
        return makeError(QStringLiteral("a workspace needs the service's client id"));
    if (clientId.size() > 200)
        return makeError(QStringLiteral("a client id has at most 200 characters"));
    for (const QChar c : clientId) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c == u'/' || c == u'\\' || c == u'?' || c == u'#' ||
            c == u'%')
            return makeError(QStringLiteral("a client id cannot contain spaces, control characters or / \\ ? # %"));
    }
    return {};
}

Result<Workspace> WorkspaceRegistry::add(Workspace workspace)
{
    auto valid = validateName(workspace.name);
    if (!valid)
        return valid.error();
    if (find(workspace.name))
        return makeError(QStringLiteral("a workspace named \"%1\" exists already").arg(workspace.name));
    auto exists = m_profile.ensureExists();
    if (!exists)
        return exists.error();
    if (workspace.id.isNull())
        workspace.id = QUuid::createUuid();
    if (!QDir().mkpath(m_profile.workspaceDirectory(workspace.id)))
        return makeError(QStringLiteral("cannot create %1").arg(m_profile.workspaceDirectory(workspace.id)));
    QList<Workspace> list = workspaces();
    list.append(workspace);
    save(list);
    return workspace;
}

Result<void> WorkspaceRegistry::update(const Workspace &workspace)
{
    auto valid = validateName(workspace.name);
    if (!valid)
        return valid;
    QList<Workspace> list = workspaces();
    for (Workspace &w : list) {
        if (w.id == workspace.id) {
            w = workspace;
            save(list);
            return {};
        }
    }
    return makeError(QStringLiteral("no such workspace"));
}

Result<void> WorkspaceRegistry::remove(const QUuid &id)
{
    QList<Workspace> list = workspaces();
    const auto removed = list.removeIf([&](const Workspace &w) { return w.id == id; });
    if (removed == 0)
        return makeError(QStringLiteral("no such workspace"));
    save(list);
    return {};
}

Result<void> WorkspaceRegistry::setDefault(const QUuid &id)
{
    if (!find(id))
        return makeError(QStringLiteral("no such workspace"));
    QSettings s(m_profile.settingsPath(), QSettings::IniFormat);
    s.remove(kLegacyDefault);
    s.setValue(kDefault, id.toString(QUuid::WithoutBraces));
    s.sync();
    return {};
}

} // namespace outpost
