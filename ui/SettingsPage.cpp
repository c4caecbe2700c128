#include "SettingsPage.h"

#include "ApiKeysDialog.h"
#include "DesktopNotifier.h"
#include "WebhooksDialog.h"
#include "WorkspaceDialog.h"
#include "api/ApiKeyVerifier.h"
#include "secrets/KeychainSecretStore.h"
#include "webhooks/WebhookListener.h"
#include "workspace/WorkspaceRegistry.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace outpost {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QLabel *heading(const QString &text, qreal scale, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(true);
    label->setFont(font);
    return label;
}

QString liveKey(const QUuid &id, const char *name)
{
    return QStringLiteral("liveUpdates/%1/%2").arg(id.toString(QUuid::WithoutBraces), QLatin1StringView(name));
}

QString rateText(const Workspace &w)
{
    const QString limit = QLocale().toString(w.service.rateLimit);
    return w.service.rateWindowSeconds == 3600 ? SettingsPage::tr("%1 / hour").arg(limit)
                                               : SettingsPage::tr("%1 / minute").arg(limit);
}

} // namespace

SettingsPage::SettingsPage(WorkspaceRegistry &registry, SecretStore *secrets, KeyVerifier *verifier, QWidget *parent)
    : QWidget(parent)
    , m_registry(registry)
{
    if (!secrets) {
        auto *keychain = new KeychainSecretStore(this);
        secrets = keychain;
    }
    if (!verifier) {
        m_ownVerifier = std::make_unique<ApiKeyVerifier>();
        verifier = m_ownVerifier.get();
    }
    m_secrets = secrets;
    m_verifier = verifier;
    m_notifier = new DesktopNotifier(this);
    connect(m_notifier, &DesktopNotifier::inAppNotice, this, &SettingsPage::inAppNotice);
    build();
    reload();
    restoreLiveUpdates();
}

SettingsPage::~SettingsPage() = default;

void SettingsPage::build()
{
    setObjectName(QStringLiteral("settingsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->addWidget(heading(tr("Settings"), 1.5, this));
    layout->addSpacing(8);
    layout->addWidget(heading(tr("Workspaces"), 1.1, this));
    auto *intro = new QLabel(tr("Each workspace is one account at one service, with its own cache on this computer. "
                                "API keys and webhook secrets live in the system keychain only."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *row = new QHBoxLayout;
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("workspaceList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Name"), tr("Service"), tr("Client id"), tr("Rate limit"), tr("Plan")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    row->addWidget(m_list, 1);

    auto *buttons = new QVBoxLayout;
    auto button = [&](const QString &text, const char *name) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        buttons->addWidget(b);
        return b;
    };
    m_add = button(tr("&Add…"), "settingsAddWorkspace");
    m_edit = button(tr("&Edit…"), "settingsEditWorkspace");
    m_remove = button(tr("&Remove…"), "settingsRemoveWorkspace");
    m_switch = button(tr("&Switch to"), "settingsSwitchWorkspace");
    buttons->addSpacing(12);
    m_keys = button(tr("API &keys…"), "apiKeys");
    m_webhooks = button(tr("&Webhooks…"), "webhooks");
    buttons->addStretch();
    row->addLayout(buttons);
    layout->addLayout(row, 1);

    layout->addWidget(buildLiveUpdates());

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("settingsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);

    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &SettingsPage::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this] { editWorkspace(); });
    connect(m_add, &QPushButton::clicked, this, [this] { addWorkspace(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editWorkspace(); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeWorkspace(); });
    connect(m_switch, &QPushButton::clicked, this, [this] {
        if (const auto w = selected())
            emit switchRequested(w->id);
    });
    connect(m_keys, &QPushButton::clicked, this, [this] { openApiKeys(); });
    connect(m_webhooks, &QPushButton::clicked, this, [this] { openWebhooks(); });
}

QWidget *SettingsPage::buildLiveUpdates()
{
    auto *box = new QGroupBox(tr("Live updates"), this);
    auto *layout = new QVBoxLayout(box);
    auto *intro = new QLabel(tr("Receive the selected workspace's webhooks on this computer: each verified event "
                                "updates the cache at once and shows a notification. The webhook's URL must point "
                                "here (e.g. http://127.0.0.1:PORT/ for a service on this computer, or a TLS proxy)."),
                             box);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Port:"), box));
    m_port = new QSpinBox(box);
    m_port->setObjectName(QStringLiteral("livePort"));
    m_port->setRange(0, 65535);
    m_port->setValue(8787);
    m_port->setSpecialValueText(tr("any free port"));
    row->addWidget(m_port);
    m_live = new QPushButton(box);
    m_live->setObjectName(QStringLiteral("liveUpdates"));
    row->addWidget(m_live);
    row->addStretch();
    layout->addLayout(row);
    m_liveStatus = new QLabel(box);
    m_liveStatus->setObjectName(QStringLiteral("liveStatus"));
    m_liveStatus->setWordWrap(true);
    m_liveStatus->setTextFormat(Qt::PlainText);
    layout->addWidget(m_liveStatus);
    connect(m_live, &QPushButton::clicked, this, [this] {
        if (m_listener)
            stopLiveUpdates();
        else
            startLiveUpdates(static_cast<quint16>(m_port->value()));
    });
    return box;
}

void SettingsPage::updateLiveUpdates()
{
    m_live->setText(m_listener ? tr("S&top receiving") : tr("Start &receiving"));
    m_port->setEnabled(!m_listener);
    const std::optional<Workspace> w = selected();
    m_live->setEnabled(m_listener || (w && !w->webhookSecretIds.isEmpty()));
    if (!m_listener && w && w->webhookSecretIds.isEmpty())
        m_liveStatus->setText(tr("Create a webhook for \"%1\" first: its secret verifies what arrives.").arg(w->name));
}

void SettingsPage::startLiveUpdates(quint16 port)
{
    const std::optional<Workspace> w = selected();
    if (!w || m_listener)
        return;
    m_port->setValue(port);
    m_listener = new WebhookListener(*w, m_registry.profile().cachePath(w->id), *m_secrets, this);
    const QUuid id = w->id;
    const QString name = w->name;
    connect(m_listener, &WebhookListener::listening, this, [this, id, name](quint16 bound) {
        m_liveStatus->setText(tr("Receiving the webhooks of \"%1\" on port %2.").arg(name).arg(bound));
        rememberLiveUpdates(id, true, bound);
    });
    connect(m_listener, &WebhookListener::failed, this, [this](const QString &message) {
        m_liveStatus->setText(message);
        m_listener->deleteLater();
        m_listener = nullptr;
        updateLiveUpdates();
    });
    connect(m_listener, &WebhookListener::warning, this, [this](const QString &message) { setStatus(message); });
    connect(m_listener, &WebhookListener::leadsChanged, this,
            [this, id](const QList<qint64> &ids) { emit liveLeadsChanged(id, ids); });
    connect(m_listener, &WebhookListener::notice, this,
            [this](const QString &title, const QString &text, qint64) { m_notifier->notify(title, text); });
    m_liveStatus->setText(tr("Reading the webhook secrets from the system keychain…"));
    updateLiveUpdates();
    m_listener->start(QHostAddress::LocalHost, port);
}

void SettingsPage::stopLiveUpdates()
{
    if (!m_listener)
        return;
    rememberLiveUpdates(m_listener->workspace().id, false, 0);
    delete m_listener;
    m_listener = nullptr;
    m_liveStatus->setText(tr("Not receiving webhooks."));
    updateLiveUpdates();
}

// Kept in the profile's settings, per workspace: the next start receives again
// on the same port, so the webhook's URL keeps working.
void SettingsPage::rememberLiveUpdates(const QUuid &id, bool on, quint16 port)
{
    QSettings settings(m_registry.profile().settingsPath(), QSettings::IniFormat);
    settings.setValue(liveKey(id, "enabled"), on);
    if (on)
        settings.setValue(liveKey(id, "port"), port);
}

void SettingsPage::forgetLiveUpdates(const QUuid &id)
{
    QSettings settings(m_registry.profile().settingsPath(), QSettings::IniFormat);
    settings.remove(QStringLiteral("liveUpdates/%1").arg(id.toString(QUuid::WithoutBraces)));
}

// One receiver runs at a time: the first workspace that had it on gets it back.
void SettingsPage::restoreLiveUpdates()
{
    const QSettings settings(m_registry.profile().settingsPath(), QSettings::IniFormat);
    for (const Workspace &w : m_registry.workspaces()) {
        if (!settings.value(liveKey(w.id, "enabled")).toBool() || w.webhookSecretIds.isEmpty())
            continue;
        selectWorkspace(w.id);
        startLiveUpdates(static_cast<quint16>(settings.value(liveKey(w.id, "port"), m_port->value()).toUInt()));
        return;
    }
}

void SettingsPage::reload()
{
    const QUuid keep = selectedWorkspace();
    m_list->clear();
    for (const Workspace &w : m_registry.workspaces()) {
        auto *item = new QTreeWidgetItem(m_list, {w.name, w.isOffline() ? tr("offline only") : w.baseUrl.toString(),
                                                  w.clientId, rateText(w), w.plan.isEmpty() ? tr("unknown") : w.plan});
        item->setData(0, kIdRole, w.id);
    }
    selectWorkspace(keep);
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    updateButtons();
}

QUuid SettingsPage::selectedWorkspace() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, kIdRole).toUuid() : QUuid();
}

void SettingsPage::selectWorkspace(const QUuid &id)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->data(0, kIdRole).toUuid() == id) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            return;
        }
    }
}

std::optional<Workspace> SettingsPage::selected() const
{
    const QUuid id = selectedWorkspace();
    return id.isNull() ? std::nullopt : m_registry.find(id);
}

QString SettingsPage::statusText() const
{
    return m_status->text();
}

void SettingsPage::setStatus(const QString &text)
{
    m_status->setText(text);
}

void SettingsPage::updateButtons()
{
    const std::optional<Workspace> w = selected();
    for (QPushButton *b : {m_edit, m_remove, m_switch})
        b->setEnabled(w.has_value());
    const bool online = w && !w->isOffline();
    m_keys->setEnabled(online);
    m_webhooks->setEnabled(online);
    updateLiveUpdates();
}

QDialog *SettingsPage::addWorkspace()
{
    auto *dialog = new WorkspaceDialog(m_registry, *m_secrets, *m_verifier, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &WorkspaceDialog::workspaceSaved, this, [this](const QUuid &id) {
        reload();
        selectWorkspace(id);
        setStatus(tr("Workspace added; its key is in the system keychain."));
        emit workspacesChanged();
        emit workspaceAdded(id);
    });
    dialog->open();
    return dialog;
}

QDialog *SettingsPage::editWorkspace()
{
    const std::optional<Workspace> w = selected();
    if (!w)
        return nullptr;
    auto *dialog = new WorkspaceDialog(m_registry, *m_secrets, *m_verifier, *w, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &WorkspaceDialog::workspaceSaved, this, [this](const QUuid &id) {
        reload();
        setStatus(tr("Workspace saved."));
        emit workspacesChanged();
        emit workspaceKeyChanged(id);
    });
    dialog->open();
    return dialog;
}

QDialog *SettingsPage::askForNewKey(const QUuid &id, const QString &reason)
{
    const std::optional<Workspace> w = m_registry.find(id);
    if (!w)
        return nullptr;
    if (m_keyPrompt)
        return m_keyPrompt;
    auto *dialog = new WorkspaceDialog(m_registry, *m_secrets, *m_verifier, *w, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setReason(tr("%1\nEnter a new API key for \"%2\". Your unsent changes are kept and sent once the key "
                         "works.")
                          .arg(reason, w->name));
    connect(dialog, &WorkspaceDialog::workspaceSaved, this, [this, id] {
        reload();
        emit workspacesChanged();
        emit workspaceKeyChanged(id);
    });
    m_keyPrompt = dialog;
    dialog->open();
    return dialog;
}

QWidget *SettingsPage::removeWorkspace()
{
    const std::optional<Workspace> w = selected();
    if (!w)
        return nullptr;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove workspace"),
                                tr("Remove the workspace \"%1\" from this computer?").arg(w->name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removeWorkspaceBox"));
    box->setInformativeText(tr("Its API key and webhook secrets are deleted from the system keychain. The account "
                               "at the service is not touched."));
    box->button(QMessageBox::Yes)->setText(tr("Remove"));
    box->setDefaultButton(QMessageBox::Cancel);
    auto *deleteCache = new QCheckBox(tr("Also delete its cached leads from this computer"), box);
    deleteCache->setObjectName(QStringLiteral("deleteCache"));
    box->setCheckBox(deleteCache);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QUuid id = w->id;
    connect(box, &QMessageBox::buttonClicked, this, [this, box, id, deleteCache](QAbstractButton *button) {
        if (box->buttonRole(button) == QMessageBox::YesRole)
            removeConfirmed(id, deleteCache->isChecked());
    });
    box->open();
    return box;
}

void SettingsPage::removeConfirmed(const QUuid &id, bool deleteCache)
{
    const std::optional<Workspace> w = m_registry.find(id);
    if (!w)
        return;
    QStringList names{SecretStore::apiKeyName(id)};
    for (const QString &hook : w->webhookSecretIds)
        names << SecretStore::webhookSecretName(id, hook);
    setStatus(tr("Deleting the keychain entries of \"%1\"…").arg(w->name));
    m_remove->setEnabled(false);
    forgetSecrets(id, names, deleteCache);
}

void SettingsPage::forgetSecrets(const QUuid &id, QStringList names, bool deleteCache)
{
    if (names.isEmpty()) {
        finishRemoval(id, deleteCache);
        return;
    }
    const QString name = names.takeFirst();
    m_secrets->remove(name, this, [this, id, names, deleteCache](Result<void, SecretError> removed) {
        if (!removed && removed.error().kind != SecretError::Kind::NotFound) {
            // A key left behind in the keychain with no workspace to find it by: keep both.
            setStatus(tr("The workspace was kept: its secrets could not be deleted from the system keychain (%1). "
                         "Unlock the keychain and try again.")
                          .arg(removed.error().message));
            updateButtons();
            return;
        }
        forgetSecrets(id, names, deleteCache);
    });
}

void SettingsPage::finishRemoval(const QUuid &id, bool deleteCache)
{
    const std::optional<Workspace> w = m_registry.find(id);
    const QString name = w ? w->name : QString();
    if (auto removed = m_registry.remove(id); !removed) {
        setStatus(tr("The workspace could not be removed: %1").arg(removed.error().message));
        updateButtons();
        return;
    }
    if (m_listener && m_listener->workspace().id == id)
        stopLiveUpdates();
    forgetLiveUpdates(id);
    // Emitted first: the window lets go of the cache before its files go.
    emit workspaceRemoved(id);
    emit workspacesChanged();
    QString text = tr("Removed \"%1\" and its keychain entries.").arg(name);
    if (deleteCache) {
        const bool deleted = QDir(m_registry.profile().workspaceDirectory(id)).removeRecursively();
        text +=
            QLatin1Char(' ') +
            (deleted
                 ? tr("Its cache was deleted.")
                 : tr("Its cache could not be deleted entirely: %1").arg(m_registry.profile().workspaceDirectory(id)));
    }
    reload();
    setStatus(text);
}

QDialog *SettingsPage::openApiKeys()
{
    const std::optional<Workspace> w = selected();
    if (!w || w->isOffline())
        return nullptr;
    auto *dialog = new ApiKeysDialog(*w, *m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QUuid id = w->id;
    connect(dialog, &ApiKeysDialog::workspaceKeyChanged, this, [this, id] { emit workspaceKeyChanged(id); });
    dialog->show();
    return dialog;
}

QDialog *SettingsPage::openWebhooks()
{
    const std::optional<Workspace> w = selected();
    if (!w || w->isOffline())
        return nullptr;
    auto *dialog = new WebhooksDialog(*w, *m_secrets, m_registry, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace outpost
