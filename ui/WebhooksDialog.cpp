#include "WebhooksDialog.h"

#include "WorkspaceClient.h"
#include "admin/WebhookAdmin.h"
#include "api/ApiClient.h"
#include "secrets/SecretStore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace outpost {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QString shownTime(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : iso;
}

QString eventLabel(const QString &event)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("new_lead"), QT_TRANSLATE_NOOP("WebhooksDialog", "New lead")},
        {QStringLiteral("lead_status_changed"), QT_TRANSLATE_NOOP("WebhooksDialog", "Status changed")},
        {QStringLiteral("message_received"), QT_TRANSLATE_NOOP("WebhooksDialog", "Message received")},
        {QStringLiteral("appointment_booked"), QT_TRANSLATE_NOOP("WebhooksDialog", "Appointment booked")},
        {QStringLiteral("lead_escalated"), QT_TRANSLATE_NOOP("WebhooksDialog", "Lead escalated")},
        {QStringLiteral("note_added"), QT_TRANSLATE_NOOP("WebhooksDialog", "Note added")},
        {QStringLiteral("test"), QT_TRANSLATE_NOOP("WebhooksDialog", "Test")},
    };
    const char *label = labels.value(event);
    return label ? WebhooksDialog::tr(label) : event;
}

} // namespace

WebhooksDialog::WebhooksDialog(const Workspace &workspace, SecretStore &secrets, WorkspaceRegistry &registry,
                               QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_secrets(secrets)
    , m_registry(registry)
{
    build();
    m_client = new WorkspaceClient(m_workspace, m_secrets, this);
    connect(m_client, &WorkspaceClient::ready, this, &WebhooksDialog::onClientReady);
    connect(m_client, &WorkspaceClient::failed, this, [this](const QString &message) { setStatus(message, true); });
    setBusy(true);
    setStatus(tr("Reading this workspace's key from the system keychain…"));
    m_client->start();
}

WebhooksDialog::~WebhooksDialog()
{
    m_secret.fill(QChar(u'\0'));
    m_secretField->clear();
}

void WebhooksDialog::build()
{
    setObjectName(QStringLiteral("webhooksDialog"));
    setWindowTitle(tr("Webhooks of %1").arg(m_workspace.name));
    resize(860, 640);
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    m_hooks = new QTreeWidget(this);
    m_hooks->setObjectName(QStringLiteral("webhookList"));
    m_hooks->setRootIsDecorated(false);
    m_hooks->setUniformRowHeights(true);
    m_hooks->setHeaderLabels({tr("Name"), tr("URL"), tr("Events"), tr("Active"), tr("Created")});
    m_hooks->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_hooks->setColumnWidth(0, 140);
    m_hooks->setColumnWidth(1, 240);
    m_hooks->setColumnWidth(2, 200);
    top->addWidget(m_hooks, 1);
    auto *buttons = new QVBoxLayout;
    auto button = [&](const QString &text, const char *name) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        buttons->addWidget(b);
        return b;
    };
    m_refresh = button(tr("Re&fresh"), "refreshWebhooks");
    m_test = button(tr("Send &test"), "sendTest");
    m_showDeliveries = button(tr("De&liveries"), "showDeliveries");
    m_delete = button(tr("&Delete…"), "deleteWebhook");
    buttons->addStretch();
    top->addLayout(buttons);
    layout->addLayout(top, 2);

    layout->addWidget(new QLabel(tr("Deliveries of the selected webhook:"), this));
    m_deliveries = new QTreeWidget(this);
    m_deliveries->setObjectName(QStringLiteral("deliveryLog"));
    m_deliveries->setRootIsDecorated(false);
    m_deliveries->setUniformRowHeights(true);
    m_deliveries->setHeaderLabels({tr("Time"), tr("Event"), tr("Status"), tr("Duration"), tr("Result")});
    m_deliveries->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_deliveries, 1);

    layout->addWidget(buildCreateForm());

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_refresh, &QPushButton::clicked, this, &WebhooksDialog::refresh);
    connect(m_test, &QPushButton::clicked, this, &WebhooksDialog::sendTest);
    connect(m_showDeliveries, &QPushButton::clicked, this, &WebhooksDialog::loadDeliveries);
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteSelected(); });
    connect(m_hooks, &QTreeWidget::itemSelectionChanged, this, [this] {
        setBusy(false);
        m_deliveries->clear();
        if (!selectedId().isEmpty())
            loadDeliveries();
    });
}

QWidget *WebhooksDialog::buildCreateForm()
{
    auto *box = new QGroupBox(tr("New webhook"), this);
    auto *form = new QFormLayout(box);
    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("webhookName"));
    m_name->setPlaceholderText(tr("e.g. Office CRM bridge"));
    m_url = new QLineEdit(box);
    m_url->setObjectName(QStringLiteral("webhookUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://hooks.example.com/outpost"));
    m_url->setToolTip(tr("HTTPS only; http://127.0.0.1 or http://localhost for testing on this computer."));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&URL:"), m_url);
    auto *events = new QGridLayout;
    const QStringList known = WebhookAdmin::knownEvents();
    for (int i = 0; i < known.size(); ++i) {
        auto *check = new QCheckBox(eventLabel(known[i]), box);
        check->setObjectName(QStringLiteral("event_") + known[i]);
        check->setProperty("event", known[i]);
        check->setChecked(known[i] != QLatin1StringView("test"));
        events->addWidget(check, i / 4, i % 4);
        m_events.append(check);
    }
    form->addRow(tr("Events:"), events);
    auto *createRow = new QHBoxLayout;
    m_create = new QPushButton(tr("C&reate webhook"), box);
    m_create->setObjectName(QStringLiteral("createWebhook"));
    createRow->addWidget(m_create);
    createRow->addStretch();
    form->addRow(QString(), createRow);
    m_secretNote = new QLabel(tr("Its signing secret, shown once and already kept in the system keychain:"), box);
    m_secretNote->setWordWrap(true);
    m_secretField = new QLineEdit(box);
    m_secretField->setObjectName(QStringLiteral("webhookSecret"));
    m_secretField->setReadOnly(true);
    m_secretNote->setVisible(false);
    m_secretField->setVisible(false);
    form->addRow(m_secretNote);
    form->addRow(m_secretField);
    connect(m_create, &QPushButton::clicked, this, &WebhooksDialog::create);
    return box;
}

QString WebhooksDialog::statusText() const
{
    return m_status->text();
}

int WebhooksDialog::webhookCount() const
{
    return m_hooks->topLevelItemCount();
}

int WebhooksDialog::deliveryCount() const
{
    return m_deliveries->topLevelItemCount();
}

QString WebhooksDialog::shownSecret() const
{
    return m_secret;
}

void WebhooksDialog::selectWebhook(const QString &id)
{
    for (int i = 0; i < m_hooks->topLevelItemCount(); ++i) {
        if (m_hooks->topLevelItem(i)->data(0, kIdRole).toString() == id) {
            m_hooks->setCurrentItem(m_hooks->topLevelItem(i));
            return;
        }
    }
}

QString WebhooksDialog::selectedId() const
{
    const QTreeWidgetItem *item = m_hooks->currentItem();
    return item ? item->data(0, kIdRole).toString() : QString();
}

QStringList WebhooksDialog::checkedEvents() const
{
    QStringList events;
    for (const QCheckBox *check : m_events) {
        if (check->isChecked())
            events << check->property("event").toString();
    }
    return events;
}

void WebhooksDialog::onClientReady(ApiClient *client)
{
    m_admin = std::make_unique<WebhookAdmin>(*client, m_secrets, m_registry, m_workspace.id);
    refresh();
}

void WebhooksDialog::refresh()
{
    if (!m_admin)
        return;
    setBusy(true);
    setStatus(tr("Loading the webhooks…"));
    m_admin->list(this, [this](Result<QList<WebhookInfo>, AdminError> hooks) {
        setBusy(false);
        if (!hooks) {
            setStatus(hooks.error().message, true);
            return;
        }
        showWebhooks(*hooks);
        setStatus(tr("%Ln webhook(s).", nullptr, int(hooks->size())));
        emit webhooksLoaded();
    });
}

void WebhooksDialog::showWebhooks(const QList<WebhookInfo> &hooks)
{
    const QString keep = selectedId();
    m_hooks->clear();
    for (const WebhookInfo &hook : hooks) {
        QStringList events;
        for (const QString &e : hook.events)
            events << eventLabel(e);
        auto *item = new QTreeWidgetItem(m_hooks, {hook.name, hook.url, events.join(QStringLiteral(", ")),
                                                   hook.active ? tr("yes") : tr("no"), shownTime(hook.createdAt)});
        item->setData(0, kIdRole, hook.id);
        item->setToolTip(1, hook.url);
        item->setToolTip(2, events.join(QLatin1Char('\n')));
    }
    selectWebhook(keep);
    setBusy(false);
}

void WebhooksDialog::create()
{
    if (!m_admin)
        return;
    const QString name = m_name->text().trimmed();
    const QString url = m_url->text().trimmed();
    const QStringList events = checkedEvents();
    for (const auto &valid :
         {WebhookAdmin::validateName(name), WebhookAdmin::validateUrl(url), WebhookAdmin::validateEvents(events)}) {
        if (!valid) {
            setStatus(valid.error().message, true);
            return;
        }
    }
    setBusy(true);
    setStatus(tr("Creating the webhook and storing its secret in the system keychain…"));
    m_admin->create(name, url, events, this, [this](Result<CreatedWebhook, AdminError> created) {
        setBusy(false);
        if (!created) {
            setStatus(created.error().message, true);
            return;
        }
        m_secret = created->secret;
        m_secretField->setText(m_secret);
        m_secretNote->setVisible(true);
        m_secretField->setVisible(true);
        m_name->clear();
        m_url->clear();
        setStatus(tr("Created \"%1\". Its secret is in the system keychain; the receiver uses it from there.")
                      .arg(created->info.name));
        const QString id = created->info.id;
        emit this->created(id);
        refresh();
        connect(
            this, &WebhooksDialog::webhooksLoaded, this, [this, id] { selectWebhook(id); }, Qt::SingleShotConnection);
    });
}

QWidget *WebhooksDialog::deleteSelected()
{
    const QTreeWidgetItem *item = m_hooks->currentItem();
    if (!item || !m_admin)
        return nullptr;
    const QString id = item->data(0, kIdRole).toString();
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Delete webhook"), tr("Delete the webhook \"%1\"?").arg(item->text(0)),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteWebhookBox"));
    box->setInformativeText(tr("The service stops sending to %1, and its secret is deleted from the system "
                               "keychain.")
                                .arg(item->text(1)));
    box->button(QMessageBox::Yes)->setText(tr("Delete"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, id](QAbstractButton *button) {
        if (box->buttonRole(button) == QMessageBox::YesRole)
            deleteConfirmed(id);
    });
    box->open();
    return box;
}

void WebhooksDialog::deleteConfirmed(const QString &id)
{
    setBusy(true);
    setStatus(tr("Deleting…"));
    m_admin->remove(id, this, [this](Result<void, AdminError> removed) {
        setBusy(false);
        if (!removed) {
            setStatus(removed.error().message, true);
            return;
        }
        m_deliveries->clear();
        setStatus(tr("Deleted the webhook and forgot its secret."));
        refresh();
    });
}

void WebhooksDialog::sendTest()
{
    const QString id = selectedId();
    if (id.isEmpty() || !m_admin)
        return;
    setBusy(true);
    setStatus(tr("Asking the service to send a test event…"));
    m_admin->sendTest(id, this, [this](Result<void, AdminError> sent) {
        setBusy(false);
        setStatus(sent ? tr("The service sent a test event; its delivery appears below.") : sent.error().message,
                  !sent);
        emit testSent(sent.ok());
        if (sent)
            loadDeliveries();
    });
}

void WebhooksDialog::loadDeliveries()
{
    const QString id = selectedId();
    if (id.isEmpty() || !m_admin)
        return;
    m_admin->deliveries(id, this, [this, id](Result<QJsonArray, AdminError> log) {
        if (id != selectedId())
            return;
        if (!log) {
            setStatus(log.error().message, true);
            return;
        }
        showDeliveries(*log);
        emit deliveriesLoaded();
    });
}

void WebhooksDialog::showDeliveries(const QJsonArray &deliveries)
{
    m_deliveries->clear();
    for (const QJsonValue &value : deliveries) {
        const QJsonObject d = value.toObject();
        const int status = d.value(QStringLiteral("status_code")).toInt();
        const bool ok = d.value(QStringLiteral("ok")).toBool();
        QString result = ok ? tr("delivered") : tr("failed");
        if (const QString error = d.value(QStringLiteral("error")).toString(); !ok && !error.isEmpty())
            result = tr("failed: %1").arg(error);
        auto *item = new QTreeWidgetItem(m_deliveries,
                                         {shownTime(d.value(QStringLiteral("attempted_at")).toString()),
                                          eventLabel(d.value(QStringLiteral("event")).toString()),
                                          status == 0 ? tr("no answer") : QString::number(status),
                                          tr("%1 ms").arg(d.value(QStringLiteral("duration_ms")).toInteger()), result});
        item->setIcon(4, style()->standardIcon(ok ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxWarning));
    }
}

void WebhooksDialog::setBusy(bool busy)
{
    const bool ready = m_admin != nullptr;
    const bool selected = !selectedId().isEmpty();
    m_refresh->setEnabled(!busy && ready);
    m_create->setEnabled(!busy && ready);
    for (QPushButton *b : {m_delete, m_test, m_showDeliveries})
        b->setEnabled(!busy && ready && selected);
}

void WebhooksDialog::setStatus(const QString &text, bool error)
{
    QFont font = m_status->font();
    font.setBold(error);
    m_status->setFont(font);
    m_status->setText(text);
}

} // namespace outpost
