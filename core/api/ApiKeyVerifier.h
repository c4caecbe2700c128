#pragma once

#include "workspace/KeyVerifier.h"

#include <QCoreApplication>

namespace outpost {

struct ApiError;

// Checks a key with one cheap call (GET /overview, in every plan) before it is
// saved, and says in a person's words why it failed: refused key, wrong
// address, unverifiable certificate, or no network at all.
class ApiKeyVerifier : public KeyVerifier
{
    Q_DECLARE_TR_FUNCTIONS(ApiKeyVerifier)

public:
    void verify(const Workspace &workspace, const QString &key, QObject *context, Done done) override;

private:
    static KeyCheckError toKeyCheckError(const ApiError &error, const Workspace &workspace);
};

} // namespace outpost
