#pragma once

#include "common/Result.h"
#include "secrets/SecretStore.h"
#include "storage/Database.h"
#include "workspace/KeyVerifier.h"
#include "workspace/WorkspaceRegistry.h"

#include <QCoreApplication>
#include <QTextStream>

#include <memory>

namespace outpost::ctl {

// What every command runs against: the profile, the chosen workspace and the
// two output streams.
class CommandContext
{
    Q_DECLARE_TR_FUNCTIONS(CommandContext)

public:
    CommandContext(Profile profile, QString workspaceName);

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    bool stdoutIsTerminal() const;

    WorkspaceRegistry &registry() { return m_registry; }
    const QString &workspaceName() const { return m_workspaceName; }
    Result<Workspace> workspace();
    Result<Database> openCache(const Workspace &workspace);
    // The system keychain, created on first use. OUTPOST_KEYCHAIN_TIMEOUT
    // (seconds) bounds how long a slow or locked keychain is waited for.
    SecretStore &secrets();
    // SEAM for the API client: the check a new key passes before it is stored
    // (workspace add, set-key). nullptr until an ApiClient-backed KeyVerifier
    // is set here; the commands then say the key was not checked.
    KeyVerifier *keyVerifier() { return m_keyVerifier.get(); }
    void setKeyVerifier(std::unique_ptr<KeyVerifier> verifier) { m_keyVerifier = std::move(verifier); }

    // Ends a Pending command: the event loop stops and outpostctl exits with code.
    void finish(int code);

    // Print to stderr, prefixed, and return the exit code to use.
    int fail(const QString &message, int code = 1);
    int usageError(const QString &message);

private:
    WorkspaceRegistry m_registry;
    QString m_workspaceName;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<KeyVerifier> m_keyVerifier;
};

} // namespace outpost::ctl
