#include "admin/KeyRotation.h"

#include "admin/KeyAdmin.h"
#include "api/ApiClient.h"
#include "secrets/SecretStore.h"

#include <QCoreApplication>

namespace outpost {

namespace {

QString keyLabel(const ApiKeyInfo &key)
{
    return QStringLiteral("%1 (%2…)").arg(key.id, key.prefix);
}

} // namespace

KeyRotation::KeyRotation(Workspace workspace, SecretStore &secrets, Options options, QObject *parent)
    : QObject(parent)
    , m_workspace(std::move(workspace))
    , m_secrets(&secrets)
    , m_options(std::move(options))
{
    if (m_options.newKeyName.trimmed().isEmpty())
        m_options.newKeyName = QStringLiteral("Outpost %1")
                                   .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

KeyRotation::~KeyRotation()
{
    forgetSecrets();
}

QString KeyRotation::stepName(Step step)
{
    switch (step) {
    case Step::ReadCurrentKey:
        return tr("Read the current key from the keychain");
    case Step::FindCurrentKey:
        return tr("Find the current key on the service");
    case Step::CreateKey:
        return tr("Create the new key");
    case Step::StoreKey:
        return tr("Store the new key in the keychain");
    case Step::VerifyKey:
        return tr("Verify a call succeeds with the new key");
    case Step::RevokeOldKey:
        return tr("Revoke the old key");
    case Step::RollBack:
        return tr("Roll back to the old key");
    }
    return {};
}

void KeyRotation::start()
{
    if (m_running)
        return;
    m_running = true;
    readCurrentKey();
}

bool KeyRotation::begin(Step step)
{
    emit stepStarted(step);
    if (m_secrets)
        return true;
    end(Outcome::NotStarted, step, tr("The keychain went away."), AdminError::keychain(tr("no keychain")));
    return false;
}

void KeyRotation::succeed(Step step)
{
    emit stepFinished(step, true, QString());
}

void KeyRotation::fail(Step step, const AdminError &error)
{
    emit stepFinished(step, false, error.message);
}

ApiClient *KeyRotation::clientFor(const QString &key)
{
    ApiConfig config = ApiConfig::forWorkspace(m_workspace, key);
    config.maxAttempts = m_options.maxAttempts;
    config.backoffBaseMs = m_options.backoffBaseMs;
    config.backoffCapMs = m_options.backoffBaseMs * 4;
    config.transferTimeoutMs = m_options.transferTimeoutMs;
    return new ApiClient(config, RateBudget::forWorkspace(m_workspace), this);
}

void KeyRotation::readCurrentKey()
{
    if (!begin(Step::ReadCurrentKey))
        return;
    m_secrets->read(SecretStore::apiKeyName(m_workspace.id), this, [this](Result<QString, SecretError> key) {
        if (!key) {
            const AdminError error = AdminError::keychain(key.error().message);
            fail(Step::ReadCurrentKey, error);
            return end(Outcome::NotStarted, Step::ReadCurrentKey,
                       tr("The current key could not be read from the keychain; nothing was changed."), error);
        }
        m_oldSecret = key.value();
        m_oldClient = clientFor(m_oldSecret);
        succeed(Step::ReadCurrentKey);
        findCurrentKey();
    });
}

void KeyRotation::findCurrentKey()
{
    if (!begin(Step::FindCurrentKey))
        return;
    KeyAdmin(*m_oldClient).list(this, [this](Result<QList<ApiKeyInfo>, AdminError> keys) {
        if (!keys) {
            fail(Step::FindCurrentKey, keys.error());
            return end(Outcome::NotStarted, Step::FindCurrentKey,
                       tr("The service's keys could not be listed; nothing was changed."), keys.error());
        }
        const std::optional<ApiKeyInfo> current = KeyAdmin::keyOf(m_oldSecret, keys.value());
        if (!current) {
            const AdminError error = AdminError::invalid(
                tr("None of the service's keys matches this workspace's key, so it could not be revoked afterwards"));
            fail(Step::FindCurrentKey, error);
            return end(Outcome::NotStarted, Step::FindCurrentKey, tr("Nothing was changed."), error);
        }
        m_oldKey = *current;
        succeed(Step::FindCurrentKey);
        createKey();
    });
}

void KeyRotation::createKey()
{
    if (!begin(Step::CreateKey))
        return;
    KeyAdmin(*m_oldClient).create(m_options.newKeyName, {}, this, [this](Result<CreatedApiKey, AdminError> created) {
        if (!created) {
            fail(Step::CreateKey, created.error());
            return end(Outcome::NotStarted, Step::CreateKey,
                       tr("No new key was made; the workspace keeps its current key."), created.error());
        }
        m_newKey = created->info;
        m_newSecret = created->secret;
        created->secret.fill(u'\0');
        succeed(Step::CreateKey);
        storeKey();
    });
}

void KeyRotation::storeKey()
{
    if (!begin(Step::StoreKey))
        return;
    m_secrets->write(SecretStore::apiKeyName(m_workspace.id), m_newSecret, this,
                     [this](Result<void, SecretError> written) {
                         if (!written)
                             return rollBack(Step::StoreKey, AdminError::keychain(written.error().message), false);
                         succeed(Step::StoreKey);
                         verifyKey();
                     });
}

void KeyRotation::verifyKey()
{
    if (!begin(Step::VerifyKey))
        return;
    m_newClient = clientFor(m_newSecret);
    m_newClient->send(ApiRequest::get(QStringLiteral("/overview"), {}, RequestPriority::User), this,
                      [this](const ApiResult &result) {
                          if (!result)
                              return rollBack(Step::VerifyKey, AdminError::fromApi(result.error()), true);
                          succeed(Step::VerifyKey);
                          revokeOldKey();
                      });
}

void KeyRotation::revokeOldKey()
{
    if (!begin(Step::RevokeOldKey))
        return;
    // With the new key: the old one may already be refused by then.
    KeyAdmin(*m_newClient).revoke(m_oldKey.id, this, [this](Result<void, AdminError> revoked) {
        if (!revoked && revoked.error().api.kind != ApiError::Kind::NotFound) {
            fail(Step::RevokeOldKey, revoked.error());
            return end(Outcome::OldKeyStillValid, Step::RevokeOldKey,
                       tr("The workspace now uses the new key %1, but the old key %2 could not be revoked and "
                          "still works: revoke it by hand (outpostctl keys revoke %3).")
                           .arg(keyLabel(m_newKey), keyLabel(m_oldKey), m_oldKey.id),
                       revoked.error());
        }
        succeed(Step::RevokeOldKey);
        end(Outcome::Rotated, Step::RevokeOldKey,
            tr("The workspace now uses the new key %1; the old key %2 is revoked.")
                .arg(keyLabel(m_newKey), keyLabel(m_oldKey)));
    });
}

void KeyRotation::rollBack(Step failedStep, const AdminError &error, bool restoreOldKey)
{
    fail(failedStep, error);
    if (!begin(Step::RollBack))
        return;
    if (!restoreOldKey)
        return revokeNewKey(failedStep, error);
    m_secrets->write(SecretStore::apiKeyName(m_workspace.id), m_oldSecret, this,
                     [this, failedStep, error](Result<void, SecretError> restored) {
                         if (restored)
                             return revokeNewKey(failedStep, error);
                         // Revoking the new key now would leave the keychain with a dead key.
                         fail(Step::RollBack, AdminError::keychain(restored.error().message));
                         end(Outcome::NewKeyKept, failedStep,
                             tr("\"%1\" failed and the old key could not be put back into the keychain (%2): the "
                                "keychain keeps the new key %3 and no key was revoked.")
                                 .arg(stepName(failedStep), restored.error().message, keyLabel(m_newKey)),
                             error);
                     });
}

void KeyRotation::revokeNewKey(Step failedStep, const AdminError &error)
{
    KeyAdmin(*m_oldClient).revoke(m_newKey.id, this, [this, failedStep, error](Result<void, AdminError> revoked) {
        if (!revoked && revoked.error().api.kind != ApiError::Kind::NotFound) {
            fail(Step::RollBack, revoked.error());
            return end(Outcome::RolledBackNewKeyLeft, failedStep,
                       tr("\"%1\" failed (%2). The workspace keeps its old key, but the new key %3 could not be "
                          "revoked: revoke it by hand (outpostctl keys revoke %4).")
                           .arg(stepName(failedStep), error.message, keyLabel(m_newKey), m_newKey.id),
                       error);
        }
        succeed(Step::RollBack);
        end(Outcome::RolledBack, failedStep,
            tr("\"%1\" failed (%2). The workspace keeps its old key; the new key %3 is revoked.")
                .arg(stepName(failedStep), error.message, keyLabel(m_newKey)),
            error);
    });
}

void KeyRotation::end(Outcome outcome, Step step, const QString &message, const AdminError &error)
{
    forgetSecrets();
    m_running = false;
    emit finished(outcome, step, message, error);
}

void KeyRotation::forgetSecrets()
{
    m_oldSecret.fill(u'\0');
    m_oldSecret.clear();
    m_newSecret.fill(u'\0');
    m_newSecret.clear();
}

} // namespace outpost
