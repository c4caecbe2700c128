#include "admin/AdminError.h"

#include <QCoreApplication>

namespace outpost {

AdminError AdminError::fromApi(const ApiError &error)
{
    AdminError admin;
    admin.kind = Kind::Api;
    admin.api = error;
    switch (error.kind) {
    case ApiError::Kind::Unauthorized:
        admin.message = tr("The service refused this workspace's key (wrong, expired or revoked): %1. Set a "
                           "working key first.")
                            .arg(error.message);
        break;
    case ApiError::Kind::Forbidden:
        admin.message = tr("This is not in this plan: the service answered %1").arg(error.message);
        break;
    case ApiError::Kind::NotFound:
        admin.message = tr("Not found: %1").arg(error.message);
        break;
    case ApiError::Kind::BadRequest:
        admin.message = tr("The service refused the request: %1").arg(error.message);
        break;
    default:
        admin.message = error.describe();
        break;
    }
    return admin;
}

AdminError AdminError::keychain(const QString &message)
{
    AdminError admin;
    admin.kind = Kind::Keychain;
    admin.message = message;
    return admin;
}

AdminError AdminError::invalid(const QString &message)
{
    AdminError admin;
    admin.kind = Kind::Invalid;
    admin.message = message;
    return admin;
}

} // namespace outpost
