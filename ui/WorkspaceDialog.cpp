#include "WorkspaceDialog.h"

#include "secrets/ApiKeyFormat.h"
#include "secrets/SecretStore.h"
#include "workspace/KeyVerifier.h"
#include "workspace/WorkspaceRegistry.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace outpost {

namespace {

constexpr int kMinute = 60;
constexpr int kHour = 3600;

} // namespace

WorkspaceDialog::WorkspaceDialog(WorkspaceRegistry &registry, SecretStore &secrets, KeyVerifier &verifier,
                                 QWidget *parent)
    : QDialog(parent)
    , m_registry(registry)
    , m_secrets(secrets)
    , m_verifier(verifier)
{
    m_original.id = QUuid::createUuid();
    build();
    setWindowTitle(tr("Add workspace"));
    fill(m_original);
}

WorkspaceDialog::WorkspaceDialog(WorkspaceRegistry &registry, SecretStore &secrets, KeyVerifier &verifier,
                                 const Workspace &workspace, QWidget *parent)
    : QDialog(parent)
    , m_registry(registry)
    , m_secrets(secrets)
    , m_verifier(verifier)
    , m_original(workspace)
    , m_editing(true)
{
    build();
    setWindowTitle(tr("Edit workspace %1").arg(workspace.name));
    fill(workspace);
}

WorkspaceDialog::~WorkspaceDialog()
{
    // The key field held a secret: leave nothing behind in the widget.
    m_key->clear();
}

void WorkspaceDialog::setReason(const QString &text)
{
    m_reason->setText(text);
    m_reason->setVisible(!text.isEmpty());
    m_key->setFocus();
}

QString WorkspaceDialog::statusText() const
{
    return m_status->text();
}

void WorkspaceDialog::build()
{
    setObjectName(QStringLiteral("workspaceDialog"));
    setMinimumWidth(520);
    auto *layout = new QVBoxLayout(this);
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setWordWrap(true);
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setVisible(false);
    layout->addWidget(m_reason);

    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("e.g. Spring campaign"));
    m_baseUrl = new QLineEdit(this);
    m_baseUrl->setObjectName(QStringLiteral("baseUrl"));
    m_baseUrl->setPlaceholderText(QStringLiteral("https://api.example.com"));
    m_clientId = new QLineEdit(this);
    m_clientId->setObjectName(QStringLiteral("clientId"));
    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("apiKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(m_editing ? tr("Leave empty to keep the stored key") : tr("Paste the API key"));
    m_keyWarnings = new QLabel(this);
    m_keyWarnings->setObjectName(QStringLiteral("keyWarnings"));
    m_keyWarnings->setWordWrap(true);
    m_keyWarnings->setVisible(false);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Service &address:"), m_baseUrl);
    form->addRow(tr("&Client id:"), m_clientId);
    form->addRow(tr("API &key:"), m_key);
    layout->addLayout(form);
    // Outside the form: a wrapped label gets its full height in a plain box layout.
    layout->addWidget(m_keyWarnings);

    auto *service = new QGroupBox(tr("Service profile"), this);
    auto *serviceForm = new QFormLayout(service);
    m_signatureHeader = new QLineEdit(service);
    m_signatureHeader->setObjectName(QStringLiteral("signatureHeader"));
    auto *rate = new QHBoxLayout;
    m_rateLimit = new QSpinBox(service);
    m_rateLimit->setObjectName(QStringLiteral("rateLimit"));
    m_rateLimit->setRange(1, 1000000);
    m_rateWindow = new QComboBox(service);
    m_rateWindow->setObjectName(QStringLiteral("rateWindow"));
    m_rateWindow->addItem(tr("requests per minute"), kMinute);
    m_rateWindow->addItem(tr("requests per hour"), kHour);
    rate->addWidget(m_rateLimit);
    rate->addWidget(m_rateWindow, 1);
    m_keyPrefix = new QLineEdit(service);
    m_keyPrefix->setObjectName(QStringLiteral("keyPrefix"));
    m_keyPrefix->setPlaceholderText(tr("e.g. lp_ (optional)"));
    serviceForm->addRow(tr("Webhook signature &header:"), m_signatureHeader);
    serviceForm->addRow(tr("Rate limit:"), rate);
    serviceForm->addRow(tr("Key &prefix:"), m_keyPrefix);
    layout->addWidget(service);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_saveUnchecked = m_buttons->addButton(tr("Save without checking"), QDialogButtonBox::ActionRole);
    m_saveUnchecked->setObjectName(QStringLiteral("saveUnchecked"));
    m_saveUnchecked->setVisible(false);
    layout->addWidget(m_buttons);

    connect(m_buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, &WorkspaceDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_saveUnchecked, &QPushButton::clicked, this, &WorkspaceDialog::saveWithoutCheck);
    connect(m_key, &QLineEdit::textChanged, this, &WorkspaceDialog::updateKeyWarnings);
    connect(m_keyPrefix, &QLineEdit::textChanged, this, &WorkspaceDialog::updateKeyWarnings);
}

void WorkspaceDialog::fill(const Workspace &workspace)
{
    m_name->setText(workspace.name);
    m_baseUrl->setText(workspace.baseUrl.toString());
    m_clientId->setText(workspace.clientId);
    m_signatureHeader->setText(workspace.service.signatureHeader);
    const bool hourly = workspace.service.rateWindowSeconds == kHour;
    m_rateWindow->setCurrentIndex(hourly ? 1 : 0);
    m_rateLimit->setValue(workspace.service.rateLimit);
    m_keyPrefix->setText(workspace.service.keyPrefix);
}

void WorkspaceDialog::updateKeyWarnings()
{
    const QString raw = m_key->text();
    if (raw.isEmpty()) {
        m_keyWarnings->setVisible(false);
        return;
    }
    const ApiKeyFormat::Verdict verdict = ApiKeyFormat::check(raw, m_keyPrefix->text().trimmed());
    QStringList lines = verdict.warnings;
    if (!verdict.ok())
        lines.prepend(verdict.error);
    m_keyWarnings->setText(lines.join(QLatin1Char('\n')));
    m_keyWarnings->setVisible(!lines.isEmpty());
}

std::optional<Workspace> WorkspaceDialog::workspaceFromFields()
{
    Workspace w = m_original;
    w.name = m_name->text().trimmed();
    w.baseUrl = QUrl(m_baseUrl->text().trimmed());
    w.clientId = m_clientId->text().trimmed();
    w.service.signatureHeader = m_signatureHeader->text().trimmed();
    w.service.rateLimit = m_rateLimit->value();
    w.service.rateWindowSeconds = m_rateWindow->currentData().toInt();
    w.service.keyPrefix = m_keyPrefix->text().trimmed();
    if (auto ok = WorkspaceRegistry::validateName(w.name); !ok) {
        showError(ok.error().message);
        m_name->setFocus();
        return std::nullopt;
    }
    if (const auto other = m_registry.find(w.name); other && other->id != w.id) {
        showError(tr("A workspace named \"%1\" exists already.").arg(w.name));
        m_name->setFocus();
        return std::nullopt;
    }
    if (auto ok = WorkspaceRegistry::validateBaseUrl(w.baseUrl); !ok) {
        showError(ok.error().message);
        m_baseUrl->setFocus();
        return std::nullopt;
    }
    if (auto ok = WorkspaceRegistry::validateClientId(w.clientId); !ok) {
        showError(ok.error().message);
        m_clientId->setFocus();
        return std::nullopt;
    }
    if (w.service.signatureHeader.isEmpty())
        w.service.signatureHeader = ServiceProfile{}.signatureHeader;
    return w;
}

void WorkspaceDialog::save()
{
    if (m_busy)
        return;
    m_saveUnchecked->setVisible(false);
    const std::optional<Workspace> workspace = workspaceFromFields();
    if (!workspace)
        return;
    const ApiKeyFormat::Verdict key = ApiKeyFormat::check(m_key->text(), workspace->service.keyPrefix);
    if (m_key->text().isEmpty()) {
        if (!m_editing) {
            showError(tr("Enter the workspace's API key: Outpost checks it once, then keeps it in the system "
                         "keychain."));
            m_key->setFocus();
            return;
        }
        finish(*workspace);
        return;
    }
    if (!key.ok()) {
        showError(key.error);
        m_key->setFocus();
        return;
    }
    checkKey(*workspace, key.key);
}

void WorkspaceDialog::saveWithoutCheck()
{
    const std::optional<Workspace> workspace = workspaceFromFields();
    const ApiKeyFormat::Verdict key = ApiKeyFormat::check(m_key->text(), m_keyPrefix->text().trimmed());
    if (!workspace || !key.ok() || m_busy)
        return;
    m_saveUnchecked->setVisible(false);
    storeKey(*workspace, key.key);
}

void WorkspaceDialog::checkKey(const Workspace &workspace, const QString &key)
{
    setBusy(true, tr("Checking the key with one call to %1…").arg(workspace.baseUrl.host()));
    m_verifier.verify(workspace, key, this, [this, workspace, key](Result<void, KeyCheckError> checked) {
        onKeyChecked(workspace, key, checked ? nullptr : &checked.error());
    });
}

void WorkspaceDialog::onKeyChecked(const Workspace &workspace, const QString &key, const KeyCheckError *error)
{
    setBusy(false);
    if (!error) {
        storeKey(workspace, key);
        return;
    }
    switch (error->kind) {
    case KeyCheckError::Kind::Rejected:
        showError(tr("%1 Nothing was saved.").arg(error->message));
        m_key->setFocus();
        m_key->selectAll();
        break;
    case KeyCheckError::Kind::BadUrl:
        showError(tr("Check the address and the client id: %1").arg(error->message));
        m_baseUrl->setFocus();
        break;
    case KeyCheckError::Kind::Tls:
        showError(tr("The connection is not safe: %1 Nothing was sent with the key.").arg(error->message));
        break;
    case KeyCheckError::Kind::NoNetwork:
        showError(tr("The key could not be checked: %1 You can save it unchecked and work offline; sync tells "
                     "you later if the service refuses it.")
                      .arg(error->message));
        m_saveUnchecked->setVisible(true);
        break;
    case KeyCheckError::Kind::Other:
        showError(tr("The key could not be checked: %1").arg(error->message));
        break;
    }
}

void WorkspaceDialog::storeKey(const Workspace &workspace, const QString &key)
{
    setBusy(true, tr("Storing the key in the system keychain…"));
    m_secrets.write(SecretStore::apiKeyName(workspace.id), key, this,
                    [this, workspace](Result<void, SecretError> stored) {
                        onKeyStored(workspace, stored ? nullptr : &stored.error());
                    });
}

void WorkspaceDialog::onKeyStored(const Workspace &workspace, const SecretError *error)
{
    setBusy(false);
    if (!error) {
        m_key->clear();
        finish(workspace);
        return;
    }
    switch (error->kind) {
    case SecretError::Kind::Unavailable:
        showError(tr("No system keychain is reachable, and Outpost keeps API keys nowhere else. Start your "
                     "desktop's keyring (GNOME Keyring, KeePassXC or KWallet with the Secret Service "
                     "enabled) and save again. Nothing was saved.\n%1")
                      .arg(error->message));
        break;
    case SecretError::Kind::Locked:
        showError(tr("The system keychain is locked or refused access. Unlock it and save again. Nothing was "
                     "saved.\n%1")
                      .arg(error->message));
        break;
    default:
        showError(tr("The key could not be stored in the system keychain: %1. Nothing was saved.").arg(error->message));
        break;
    }
}

void WorkspaceDialog::finish(const Workspace &workspace)
{
    Result<void> saved;
    if (m_editing)
        saved = m_registry.update(withLatestState(workspace));
    else if (auto added = m_registry.add(workspace); !added)
        saved = added.error();
    if (!saved) {
        // A new workspace that could not be registered leaves no key behind.
        if (!m_editing)
            m_secrets.remove(SecretStore::apiKeyName(workspace.id), this, [](Result<void, SecretError>) {});
        showError(tr("The workspace could not be saved: %1").arg(saved.error().message));
        return;
    }
    m_status->setText(m_editing ? tr("Saved.") : tr("Workspace added."));
    emit workspaceSaved(workspace.id);
    accept();
}

// What this dialog does not edit (webhook ids, plan) may have changed while it was open.
Workspace WorkspaceDialog::withLatestState(const Workspace &edited) const
{
    const std::optional<Workspace> latest = m_registry.find(edited.id);
    if (!latest)
        return edited;
    Workspace w = *latest;
    w.name = edited.name;
    w.baseUrl = edited.baseUrl;
    w.clientId = edited.clientId;
    w.service = edited.service;
    return w;
}

void WorkspaceDialog::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
    if (busy) {
        QFont font = m_status->font();
        font.setBold(false);
        m_status->setFont(font);
        m_status->setText(text);
    }
}

void WorkspaceDialog::showError(const QString &text)
{
    QFont font = m_status->font();
    font.setBold(true);
    m_status->setFont(font);
    m_status->setText(text);
}

} // namespace outpost
