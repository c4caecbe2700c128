#include "api/ApiConfig.h"

#include "workspace/Workspace.h"

namespace outpost {

ApiConfig ApiConfig::forWorkspace(const Workspace &workspace, const QString &apiKey)
{
    ApiConfig config;
    config.baseUrl = workspace.baseUrl;
    config.clientId = workspace.clientId;
    config.apiKey = apiKey;
    config.caFile = workspace.service.caFile;
    return config;
}

} // namespace outpost
