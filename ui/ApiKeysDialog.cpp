#include "ApiKeysDialog.h"

#include "WorkspaceClient.h"
#include "admin/KeyAdmin.h"
#include "api/ApiClient.h"
#include "secrets/SecretStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace outpost {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

enum Column {
    NameColumn,
    PrefixColumn,
    CreatedColumn,
    LastUsedColumn,
    ExpiresColumn,
};

QString shownTime(const QString &iso, const QString &none)
{
    if (iso.isEmpty())
        return none;
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : iso;
}

} // namespace

ApiKeysDialog::ApiKeysDialog(const Workspace &workspace, SecretStore &secrets, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_secrets(secrets)
{
    build();
    connectClient();
}

ApiKeysDialog::~ApiKeysDialog()
{
    dismissSecret();
}

void ApiKeysDialog::build()
{
    setObjectName(QStringLiteral("apiKeysDialog"));
    setWindowTitle(tr("API keys of %1").arg(m_workspace.name));
    resize(760, 520);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Keys of this account at %1. A key's secret is shown once, when it is created; "
                                "rotation replaces this workspace's key without a moment offline.")
                                 .arg(m_workspace.baseUrl.host()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *row = new QHBoxLayout;
    m_keys = new QTreeWidget(this);
    m_keys->setObjectName(QStringLiteral("keyList"));
    m_keys->setRootIsDecorated(false);
    m_keys->setUniformRowHeights(true);
    m_keys->setHeaderLabels({tr("Name"), tr("Prefix"), tr("Created"), tr("Last used"), tr("Expires")});
    m_keys->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    row->addWidget(m_keys, 1);
    auto *buttons = new QVBoxLayout;
    auto button = [&](const QString &text, const char *name) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        buttons->addWidget(b);
        return b;
    };
    m_refresh = button(tr("Re&fresh"), "refreshKeys");
    m_create = button(tr("&Create…"), "createKey");
    m_revoke = button(tr("Re&voke…"), "revokeKey");
    buttons->addSpacing(12);
    m_rotate = button(tr("&Rotate this workspace's key"), "rotateKey");
    buttons->addStretch();
    row->addLayout(buttons);
    layout->addLayout(row, 1);

    m_secretPanel = new QWidget(this);
    m_secretPanel->setObjectName(QStringLiteral("secretPanel"));
    auto *secretLayout = new QVBoxLayout(m_secretPanel);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    auto *secretNote = new QLabel(tr("The new key's secret. It is shown only now: copy it or use it for this "
                                     "workspace before you close this panel."),
                                  m_secretPanel);
    secretNote->setWordWrap(true);
    secretLayout->addWidget(secretNote);
    auto *secretRow = new QHBoxLayout;
    m_secretField = new QLineEdit(m_secretPanel);
    m_secretField->setObjectName(QStringLiteral("secretField"));
    m_secretField->setReadOnly(true);
    auto *copy = new QPushButton(tr("Co&py"), m_secretPanel);
    m_useKey = new QPushButton(tr("&Use for this workspace"), m_secretPanel);
    m_useKey->setObjectName(QStringLiteral("useKey"));
    auto *done = new QPushButton(tr("&Done"), m_secretPanel);
    secretRow->addWidget(m_secretField, 1);
    secretRow->addWidget(copy);
    secretRow->addWidget(m_useKey);
    secretRow->addWidget(done);
    secretLayout->addLayout(secretRow);
    m_secretPanel->setVisible(false);
    layout->addWidget(m_secretPanel);

    m_steps = new QListWidget(this);
    m_steps->setObjectName(QStringLiteral("rotationSteps"));
    m_steps->setVisible(false);
    m_steps->setMaximumHeight(150);
    layout->addWidget(m_steps);
    m_rotationSummary = new QLabel(this);
    m_rotationSummary->setObjectName(QStringLiteral("rotationSummary"));
    m_rotationSummary->setWordWrap(true);
    m_rotationSummary->setTextFormat(Qt::PlainText);
    m_rotationSummary->setVisible(false);
    layout->addWidget(m_rotationSummary);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_refresh, &QPushButton::clicked, this, &ApiKeysDialog::refresh);
    connect(m_create, &QPushButton::clicked, this, &ApiKeysDialog::askForName);
    connect(m_revoke, &QPushButton::clicked, this, [this] { revokeSelected(); });
    connect(m_rotate, &QPushButton::clicked, this, &ApiKeysDialog::rotate);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_createdSecret); });
    connect(m_useKey, &QPushButton::clicked, this, &ApiKeysDialog::useCreatedKey);
    connect(done, &QPushButton::clicked, this, &ApiKeysDialog::dismissSecret);
    connect(m_keys, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_revoke->setEnabled(m_client && m_client->client() && m_keys->currentItem()); });
    setBusy(true);
}

QString ApiKeysDialog::statusText() const
{
    return m_status->text();
}

QString ApiKeysDialog::rotationText() const
{
    return m_rotationSummary->text();
}

int ApiKeysDialog::keyCount() const
{
    return m_keys->topLevelItemCount();
}

QString ApiKeysDialog::shownSecret() const
{
    return m_createdSecret;
}

void ApiKeysDialog::connectClient()
{
    m_admin.reset();
    delete m_client;
    m_client = new WorkspaceClient(m_workspace, m_secrets, this);
    connect(m_client, &WorkspaceClient::ready, this, &ApiKeysDialog::onClientReady);
    connect(m_client, &WorkspaceClient::failed, this, [this](const QString &message) {
        setBusy(false);
        for (QPushButton *b : {m_refresh, m_create, m_revoke, m_rotate})
            b->setEnabled(false);
        setStatus(message, true);
    });
    setStatus(tr("Reading this workspace's key from the system keychain…"));
    m_client->start();
}

void ApiKeysDialog::onClientReady(ApiClient *client)
{
    m_admin = std::make_unique<KeyAdmin>(*client);
    refresh();
}

void ApiKeysDialog::refresh()
{
    if (!m_admin)
        return;
    setBusy(true);
    setStatus(tr("Loading the keys…"));
    m_admin->list(this, [this](Result<QList<ApiKeyInfo>, AdminError> keys) {
        setBusy(false);
        if (!keys) {
            setStatus(keys.error().message, true);
            return;
        }
        showKeys(*keys);
        setStatus(tr("%Ln key(s).", nullptr, int(keys->size())));
        emit keysLoaded();
    });
}

void ApiKeysDialog::showKeys(const QList<ApiKeyInfo> &keys)
{
    const std::optional<ApiKeyInfo> current = KeyAdmin::keyOf(m_client->client()->config().apiKey, keys);
    m_currentKeyId = current ? current->id : QString();
    m_keys->clear();
    for (const ApiKeyInfo &key : keys) {
        const bool mine = key.id == m_currentKeyId;
        auto *item = new QTreeWidgetItem(m_keys, {mine ? tr("%1 (this workspace)").arg(key.name) : key.name,
                                                  key.prefix + QChar(0x2026), shownTime(key.createdAt, QString()),
                                                  shownTime(key.lastUsedAt, tr("never")),
                                                  shownTime(key.expiresAt, tr("never"))});
        item->setData(0, kIdRole, key.id);
        if (mine) {
            QFont bold = item->font(NameColumn);
            bold.setBold(true);
            item->setFont(NameColumn, bold);
        }
    }
    m_revoke->setEnabled(m_keys->currentItem() != nullptr);
}

// Non-modal: open() returns at once. The contract's key create takes an
// optional expiry; a key without one lives until revoked.
void ApiKeysDialog::askForName()
{
    auto *ask = new QDialog(this);
    ask->setObjectName(QStringLiteral("keyNameDialog"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Create API key"));
    auto *layout = new QVBoxLayout(ask);
    auto *intro = new QLabel(tr("Name of the new key (e.g. the computer or script that will use it):"), ask);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *name = new QLineEdit(ask);
    name->setObjectName(QStringLiteral("keyName"));
    name->setAccessibleName(tr("Key name"));
    layout->addWidget(name);
    auto *expiryRow = new QHBoxLayout;
    auto *expires = new QCheckBox(tr("&Expires on"), ask);
    expires->setObjectName(QStringLiteral("keyExpires"));
    auto *when = new QDateTimeEdit(QDateTime::currentDateTime().addDays(90), ask);
    when->setObjectName(QStringLiteral("keyExpiry"));
    when->setAccessibleName(tr("Expiry date and time"));
    when->setCalendarPopup(true);
    when->setMinimumDateTime(QDateTime::currentDateTime().addSecs(3600));
    when->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    when->setEnabled(false);
    connect(expires, &QCheckBox::toggled, when, &QWidget::setEnabled);
    expiryRow->addWidget(expires);
    expiryRow->addWidget(when, 1);
    layout->addLayout(expiryRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, ask);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, ask, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, ask, [this, ask, name, expires, when] {
        createKey(name->text(), expires->isChecked() ? when->dateTime() : QDateTime());
        ask->accept();
    });
    ask->open();
}

void ApiKeysDialog::createKey(const QString &name, const QDateTime &expiresAt)
{
    if (!m_admin)
        return;
    if (auto valid = KeyAdmin::validateName(name.trimmed()); !valid) {
        setStatus(valid.error().message, true);
        return;
    }
    setBusy(true);
    setStatus(tr("Creating the key…"));
    if (expiresAt.isValid() && expiresAt <= QDateTime::currentDateTime()) {
        setStatus(tr("The expiry must be in the future."), true);
        return;
    }
    m_admin->create(name.trimmed(), expiresAt, this, [this](Result<CreatedApiKey, AdminError> created) {
        setBusy(false);
        if (!created) {
            setStatus(created.error().message, true);
            return;
        }
        showSecret(created->secret);
        setStatus(tr("Created the key \"%1\".").arg(created->info.name));
        refresh();
    });
}

void ApiKeysDialog::showSecret(const QString &secret)
{
    m_createdSecret = secret;
    m_secretField->setText(secret);
    m_useKey->setEnabled(true);
    m_secretPanel->setVisible(true);
}

void ApiKeysDialog::dismissSecret()
{
    m_createdSecret.fill(QChar(u'\0'));
    m_createdSecret.clear();
    m_secretField->clear();
    m_secretPanel->setVisible(false);
}

void ApiKeysDialog::useCreatedKey()
{
    if (m_createdSecret.isEmpty())
        return;
    m_useKey->setEnabled(false);
    setStatus(tr("Storing the new key in the system keychain…"));
    m_secrets.write(SecretStore::apiKeyName(m_workspace.id), m_createdSecret, this,
                    [this](Result<void, SecretError> stored) {
                        if (!stored) {
                            m_useKey->setEnabled(true);
                            setStatus(tr("The key could not be stored in the system keychain: %1. This workspace "
                                         "keeps its old key.")
                                          .arg(stored.error().message),
                                      true);
                            return;
                        }
                        dismissSecret();
                        setStatus(tr("This workspace now uses the new key. Revoke the old one when nothing else "
                                     "uses it."));
                        emit workspaceKeyChanged();
                        connectClient();
                    });
}

QWidget *ApiKeysDialog::revokeSelected()
{
    const QTreeWidgetItem *item = m_keys->currentItem();
    if (!item || !m_admin)
        return nullptr;
    const QString id = item->data(0, kIdRole).toString();
    const bool mine = id == m_currentKeyId;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Revoke API key"),
                                tr("Revoke the key \"%1\"?").arg(item->text(NameColumn)),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("revokeKeyBox"));
    box->setInformativeText(mine ? tr("This is the key this workspace uses: sync and admin stop working until a new "
                                      "key is set. To replace it safely, use Rotate instead.")
                                 : tr("Whatever uses this key is refused from now on. This cannot be undone."));
    box->button(QMessageBox::Yes)->setText(tr("Revoke"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, id](QAbstractButton *button) {
        if (box->buttonRole(button) == QMessageBox::YesRole)
            revokeConfirmed(id);
    });
    box->open();
    return box;
}

void ApiKeysDialog::revokeConfirmed(const QString &id)
{
    if (!m_admin)
        return;
    setBusy(true);
    setStatus(tr("Revoking…"));
    m_admin->revoke(id, this, [this](Result<void, AdminError> revoked) {
        setBusy(false);
        if (!revoked) {
            setStatus(revoked.error().message, true);
            return;
        }
        setStatus(tr("Revoked."));
        refresh();
    });
}

void ApiKeysDialog::rotate()
{
    if (m_rotation)
        return;
    KeyRotation::Options options;
    options.newKeyName = tr("Outpost %1").arg(QDate::currentDate().toString(Qt::ISODate));
    m_rotation = new KeyRotation(m_workspace, m_secrets, options, this);
    connect(m_rotation, &KeyRotation::stepStarted, this, &ApiKeysDialog::onStepStarted);
    connect(m_rotation, &KeyRotation::stepFinished, this, &ApiKeysDialog::onStepFinished);
    connect(m_rotation, &KeyRotation::finished, this,
            [this](KeyRotation::Outcome outcome, KeyRotation::Step step, const QString &message, const AdminError &) {
                onRotationFinished(outcome, step, message);
            });
    m_steps->clear();
    m_steps->setVisible(true);
    m_rotationSummary->clear();
    m_rotationSummary->setVisible(false);
    setBusy(true);
    setStatus(tr("Rotating this workspace's key…"));
    m_rotation->start();
}

void ApiKeysDialog::onStepStarted(KeyRotation::Step step)
{
    auto *item = new QListWidgetItem(style()->standardIcon(QStyle::SP_ArrowRight), KeyRotation::stepName(step));
    item->setData(kIdRole, static_cast<int>(step));
    m_steps->addItem(item);
    m_steps->scrollToItem(item);
}

void ApiKeysDialog::onStepFinished(KeyRotation::Step step, bool ok, const QString &message)
{
    for (int i = m_steps->count() - 1; i >= 0; --i) {
        QListWidgetItem *item = m_steps->item(i);
        if (item->data(kIdRole).toInt() != static_cast<int>(step))
            continue;
        item->setIcon(style()->standardIcon(ok ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxCritical));
        item->setText(ok ? KeyRotation::stepName(step)
                         : tr("%1: failed: %2").arg(KeyRotation::stepName(step), message));
        return;
    }
}

void ApiKeysDialog::onRotationFinished(KeyRotation::Outcome outcome, KeyRotation::Step failedStep,
                                       const QString &message)
{
    m_rotation->deleteLater();
    m_rotation = nullptr;
    setBusy(false);
    const bool rotated = outcome == KeyRotation::Outcome::Rotated;
    QString text = message;
    if (!rotated && outcome != KeyRotation::Outcome::OldKeyStillValid)
        text = tr("Rotation stopped at \"%1\". %2").arg(KeyRotation::stepName(failedStep), message);
    QFont font = m_rotationSummary->font();
    font.setBold(!rotated);
    m_rotationSummary->setFont(font);
    m_rotationSummary->setText(text);
    m_rotationSummary->setVisible(true);
    if (outcome != KeyRotation::Outcome::NotStarted && outcome != KeyRotation::Outcome::RolledBack)
        emit workspaceKeyChanged();
    emit rotationFinished(outcome);
    // The workspace may be on another key now: list with that one.
    connectClient();
}

void ApiKeysDialog::setBusy(bool busy)
{
    const bool ready = m_admin != nullptr;
    for (QPushButton *b : {m_refresh, m_create, m_rotate})
        b->setEnabled(!busy && ready && !m_rotation);
    m_revoke->setEnabled(!busy && ready && !m_rotation && m_keys->currentItem());
}

void ApiKeysDialog::setStatus(const QString &text, bool error)
{
    QFont font = m_status->font();
    font.setBold(error);
    m_status->setFont(font);
    m_status->setText(text);
}

} // namespace outpost
