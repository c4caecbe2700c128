#include "SettingsPage.h"

#include "ApiKeysDialog.h"
#include "WebhooksDialog.h"
#include "WorkspaceDialog.h"
#include "api/ApiKeyVerifier.h"
#include "secrets/KeychainSecretStore.h"
#include "workspace/WorkspaceRegistry.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
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

QString rateText(const Workspace &w)
{
    return w.service.rateWindowSeconds == 3600 ? SettingsPage::tr("%1 / hour").arg(w.service.rateLimit)
                                               : SettingsPage::tr("%1 / minute").arg(w.service.rateLimit);
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
    build();
    reload();
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
