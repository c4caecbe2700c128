#pragma once

#include "api/ApiError.h"

#include <QCoreApplication>
#include <QString>

namespace outpost {

// Why an admin action (keys, webhooks) did not happen, in a person's words.
// `api` keeps the service's answer so that callers can tell a refused key
// (401) or a plan without the feature (403) from everything else.
struct AdminError
{
    enum class Kind {
        Api,      // the service refused or could not be reached
        Keychain, // the system keychain could not read or store a secret
        Invalid,  // refused before asking the service (bad name, URL, id)
    };

    Kind kind = Kind::Api;
    ApiError api;
    QString message;

    bool unauthorized() const { return kind == Kind::Api && api.kind == ApiError::Kind::Unauthorized; }
    bool forbidden() const { return kind == Kind::Api && api.kind == ApiError::Kind::Forbidden; }

    static AdminError fromApi(const ApiError &error);
    static AdminError keychain(const QString &message);
    static AdminError invalid(const QString &message);

    Q_DECLARE_TR_FUNCTIONS(AdminError)
};

} // namespace outpost
