#include "common/Logging.h"

Q_LOGGING_CATEGORY(lcDomain, "outpost.domain", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStorage, "outpost.storage", QtWarningMsg)
Q_LOGGING_CATEGORY(lcApi, "outpost.api", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSync, "outpost.sync", QtWarningMsg)
Q_LOGGING_CATEGORY(lcWorkspace, "outpost.workspace", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSecrets, "outpost.secrets", QtWarningMsg)
Q_LOGGING_CATEGORY(lcWebhooks, "outpost.webhooks", QtWarningMsg)
