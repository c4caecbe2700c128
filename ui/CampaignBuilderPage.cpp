#include "CampaignBuilderPage.h"

#include "AudienceModel.h"
#include "LeadText.h"
#include "WorkspaceCache.h"
#include "analytics/DashboardFigures.h"
#include "api/ApiClient.h"
#include "campaigns/CampaignApi.h"
#include "campaigns/CampaignQueue.h"
#include "campaigns/CampaignRules.h"
#include "campaigns/CampaignStore.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace outpost {

namespace {

constexpr int kSampleSize = 50;

struct FilterChoices
{
    QStringList channels;
    QStringList tags;
    QStringList agents;
};

// Offers the values and keeps whatever the person already typed.
void fillChoices(QComboBox *combo, const QStringList &values)
{
    const QString current = combo->currentText();
    QSignalBlocker block(combo);
    combo->clear();
    combo->addItems(values);
    combo->setCurrentIndex(-1);
    combo->setEditText(current);
}

QComboBox *editableCombo(const QString &objectName, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->lineEdit()->setPlaceholderText(CampaignBuilderPage::tr("any"));
    combo->lineEdit()->setClearButtonEnabled(true);
    return combo;
}

QLineEdit *dateEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(CampaignBuilderPage::tr("YYYY-MM-DD or an ISO 8601 time"));
    edit->setClearButtonEnabled(true);
    return edit;
}

QLabel *wrapped(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

CampaignBuilderPage::CampaignBuilderPage(WorkspaceCache *cache, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_model(new AudienceModel(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("campaignBuilder"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(120);
    connect(m_debounce, &QTimer::timeout, this, &CampaignBuilderPage::refreshAudience);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 8, 0);
    leftLayout->addWidget(buildFilters());
    leftLayout->addWidget(buildMessage(), 1);
    splitter->addWidget(left);
    splitter->addWidget(buildAudience());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter);

    connect(m_cache, &WorkspaceCache::opened, this, [this] {
        m_store = std::make_unique<CampaignStore>(m_cache->database());
        loadFilterValues();
        scheduleRefresh();
    });
    connect(m_cache, &WorkspaceCache::closed, this, [this] {
        m_store.reset();
        scheduleRefresh();
    });
    connect(m_cache, &WorkspaceCache::leadsChanged, this, &CampaignBuilderPage::scheduleRefresh);
    if (m_cache->isOpen()) {
        m_store = std::make_unique<CampaignStore>(m_cache->database());
        loadFilterValues();
    }
    setApiClient(nullptr);
    scheduleRefresh();
}

CampaignBuilderPage::~CampaignBuilderPage()
{
    // Its result would be dropped anyway: free the thread now.
    cancelRefresh();
}

QWidget *CampaignBuilderPage::buildFilters()
{
    auto *box = new QWidget(this);
    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("campaignName"));
    m_name->setPlaceholderText(tr("For example: April promotion"));
    m_name->setMaxLength(200);
    form->addRow(tr("&Name"), m_name);

    m_status = new QComboBox(box);
    m_status->setObjectName(QStringLiteral("filterStatus"));
    m_status->addItem(tr("any"), QString());
    for (const LeadStatus &s : LeadStatus::pipeline())
        m_status->addItem(LeadText::status(s), s.toString());
    form->addRow(tr("&Status"), m_status);
    m_channel = editableCombo(QStringLiteral("filterChannel"), box);
    form->addRow(tr("&Channel"), m_channel);
    m_tag = editableCombo(QStringLiteral("filterTag"), box);
    form->addRow(tr("&Tag"), m_tag);
    m_source = new QLineEdit(box);
    m_source->setObjectName(QStringLiteral("filterSource"));
    m_source->setPlaceholderText(tr("any"));
    m_source->setClearButtonEnabled(true);
    form->addRow(tr("S&ource"), m_source);
    m_agent = editableCombo(QStringLiteral("filterAgent"), box);
    form->addRow(tr("&Agent"), m_agent);
    m_createdAfter = dateEdit(QStringLiteral("filterCreatedAfter"), box);
    form->addRow(tr("Created from"), m_createdAfter);
    m_createdBefore = dateEdit(QStringLiteral("filterCreatedBefore"), box);
    form->addRow(tr("Created before"), m_createdBefore);
    m_lastMessageBefore = dateEdit(QStringLiteral("filterLastMessageBefore"), box);
    form->addRow(tr("Last message before"), m_lastMessageBefore);

    connect(m_name, &QLineEdit::textChanged, this, &CampaignBuilderPage::updateVerdict);
    connect(m_status, &QComboBox::currentIndexChanged, this, &CampaignBuilderPage::scheduleRefresh);
    for (QComboBox *combo : {m_channel, m_tag, m_agent})
        connect(combo, &QComboBox::currentTextChanged, this, &CampaignBuilderPage::scheduleRefresh);
    for (QLineEdit *edit : {m_source, m_createdAfter, m_createdBefore, m_lastMessageBefore})
        connect(edit, &QLineEdit::textChanged, this, &CampaignBuilderPage::scheduleRefresh);
    return box;
}

QWidget *CampaignBuilderPage::buildMessage()
{
    auto *box = new QWidget(this);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 8, 0, 0);
    v->addWidget(new QLabel(tr("Message"), box));
    auto *buttons = new QHBoxLayout;
    m_message = new QPlainTextEdit(box);
    m_message->setObjectName(QStringLiteral("campaignMessage"));
    m_message->setPlaceholderText(tr("Hi {first_name}! …"));
    for (const QString &placeholder : CampaignMessage::knownPlaceholders()) {
        auto *b = new QPushButton(placeholder, box);
        b->setToolTip(tr("Insert %1 at the cursor").arg(placeholder));
        connect(b, &QPushButton::clicked, this, [this, placeholder] {
            m_message->insertPlainText(placeholder);
            m_message->setFocus();
        });
        buttons->addWidget(b);
    }
    buttons->addStretch();
    v->addLayout(buttons);
    v->addWidget(m_message, 1);
    m_placeholderWarning = wrapped(box);
    m_placeholderWarning->setObjectName(QStringLiteral("placeholderWarning"));
    m_placeholderWarning->setStyleSheet(QStringLiteral("QLabel { color: #d35400; }"));
    m_placeholderWarning->setVisible(false);
    v->addWidget(m_placeholderWarning);
    connect(m_message, &QPlainTextEdit::textChanged, this, &CampaignBuilderPage::onMessageChanged);
    return box;
}

QWidget *CampaignBuilderPage::buildAudience()
{
    auto *box = new QWidget(this);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(8, 0, 0, 0);
    m_count = new QLabel(box);
    m_count->setObjectName(QStringLiteral("audienceCount"));
    QFont big = m_count->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_count->setFont(big);
    v->addWidget(m_count);
    m_verdict = wrapped(box);
    m_verdict->setObjectName(QStringLiteral("audienceVerdict"));
    v->addWidget(m_verdict);
    auto *serverRow = new QHBoxLayout;
    m_check = new QPushButton(tr("Check with server"), box);
    m_check->setObjectName(QStringLiteral("checkWithServer"));
    serverRow->addWidget(m_check);
    m_server = wrapped(box);
    m_server->setObjectName(QStringLiteral("serverCount"));
    serverRow->addWidget(m_server, 1);
    v->addLayout(serverRow);
    m_sample = new QTableView(box);
    m_sample->setObjectName(QStringLiteral("audienceSample"));
    m_sample->setModel(m_model);
    m_sample->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_sample->verticalHeader()->setVisible(false);
    m_sample->horizontalHeader()->setStretchLastSection(true);
    m_sample->setWordWrap(false);
    v->addWidget(m_sample, 1);
    auto *actions = new QHBoxLayout;
    m_status2 = wrapped(box);
    m_status2->setObjectName(QStringLiteral("sendStatus"));
    actions->addWidget(m_status2, 1);
    m_save = new QPushButton(tr("Save draft"), box);
    m_save->setObjectName(QStringLiteral("saveDraft"));
    m_send = new QPushButton(tr("Send…"), box);
    m_send->setObjectName(QStringLiteral("sendCampaign"));
    actions->addWidget(m_save);
    actions->addWidget(m_send);
    v->addLayout(actions);
    connect(m_check, &QPushButton::clicked, this, &CampaignBuilderPage::checkWithServer);
    connect(m_save, &QPushButton::clicked, this, &CampaignBuilderPage::saveDraft);
    connect(m_send, &QPushButton::clicked, this, &CampaignBuilderPage::askToSend);
    return box;
}

void CampaignBuilderPage::setApiClient(ApiClient *client)
{
    m_client = client;
    const QString why = tr("This workspace has no connection to its service: drafts only.");
    m_check->setToolTip(client ? tr("Ask the service how many leads these filters reach now") : why);
    m_send->setToolTip(client ? QString() : why);
    updateVerdict();
}

void CampaignBuilderPage::loadFilterValues()
{
    if (!m_cache->isOpen())
        return;
    // Distinct channels and agents scan the whole table (seconds at a million
    // leads): off the GUI thread, or opening a workspace waits for them.
    CacheTask::run<FilterChoices>(
        m_cache->path(), this,
        [](LeadStore &store) -> Result<FilterChoices> {
            auto channels = store.distinctValues(LeadStore::Field::Channel, 50);
            auto tags = store.distinctValues(LeadStore::Field::Tag, 200);
            auto agents = store.distinctValues(LeadStore::Field::Agent, 200);
            if (!channels || !tags || !agents)
                return makeError(QStringLiteral("cannot list the filter values"));
            return FilterChoices{*channels, *tags, *agents};
        },
        [this](const Result<FilterChoices> &choices) {
            if (!choices)
                return;
            fillChoices(m_channel, choices->channels);
            fillChoices(m_tag, choices->tags);
            fillChoices(m_agent, choices->agents);
        });
}

LeadFilter CampaignBuilderPage::filter() const
{
    LeadFilter f;
    f.status = m_status->currentData().toString();
    f.channel = m_channel->currentText();
    f.tag = m_tag->currentText();
    f.source = m_source->text();
    f.assignedAgent = m_agent->currentText();
    f.createdAfter = LeadFilter::parseBound(m_createdAfter->text());
    f.createdBefore = LeadFilter::parseBound(m_createdBefore->text());
    f.lastMessageBefore = LeadFilter::parseBound(m_lastMessageBefore->text());
    return f;
}

void CampaignBuilderPage::setFilterText(const QString &name, const QString &value)
{
    if (name == QLatin1StringView("status"))
        m_status->setCurrentIndex(std::max(0, m_status->findData(value)));
    else if (name == QLatin1StringView("channel"))
        m_channel->setEditText(value);
    else if (name == QLatin1StringView("tag"))
        m_tag->setEditText(value);
    else if (name == QLatin1StringView("source"))
        m_source->setText(value);
    else if (name == QLatin1StringView("assigned_agent"))
        m_agent->setEditText(value);
    else if (name == QLatin1StringView("created_after"))
        m_createdAfter->setText(value);
    else if (name == QLatin1StringView("created_before"))
        m_createdBefore->setText(value);
    else if (name == QLatin1StringView("last_message_before"))
        m_lastMessageBefore->setText(value);
}

void CampaignBuilderPage::setMessage(const QString &text)
{
    m_message->setPlainText(text);
}

void CampaignBuilderPage::setCampaignName(const QString &name)
{
    m_name->setText(name);
}

const Audience &CampaignBuilderPage::audience() const
{
    return m_model->audience();
}

QString CampaignBuilderPage::statusText() const
{
    return m_status2->text();
}

QString CampaignBuilderPage::serverText() const
{
    return m_server->text();
}

QString CampaignBuilderPage::validationError() const
{
    for (QLineEdit *edit : {m_createdAfter, m_createdBefore, m_lastMessageBefore}) {
        if (!edit->text().trimmed().isEmpty() && !LeadFilter::parseBound(edit->text()).isValid())
            return tr("\"%1\" is not a date (YYYY-MM-DD) or an ISO 8601 time.").arg(edit->text().left(40));
    }
    return {};
}

void CampaignBuilderPage::scheduleRefresh()
{
    m_server->clear();
    // The running read is for filters that no longer hold: stop it now rather
    // than let it hold a thread while the next keystroke waits.
    cancelRefresh();
    m_debounce->start();
}

void CampaignBuilderPage::cancelRefresh()
{
    ++m_generation;
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
}

void CampaignBuilderPage::refreshAudience()
{
    cancelRefresh();
    const quint64 generation = m_generation;
    m_countBeyondCap = -1;
    if (!m_cache->isOpen()) {
        m_model->setAudience({});
        updateVerdict();
        return;
    }
    const LeadFilter f = filter();
    m_cancel = CacheTask::makeCancel();
    // Counting stops one past the cap: a sender needs "too many", not how many,
    // and at a million leads the exact count is a scan.
    CacheTask::run<Audience>(
        m_cache->path(), this, m_cancel,
        [f](LeadStore &store) { return AudienceQuery(store).preview(f, kSampleSize, CampaignRules::maxAudience); },
        [this, generation, f](const Result<Audience> &outcome) {
            if (generation != m_generation)
                return; // the filters changed again meanwhile
            if (!outcome) {
                m_verdict->setText(tr("Cannot read the cache: %1").arg(outcome.error().message));
                return;
            }
            m_model->setAudience(*outcome);
            updateVerdict();
            emit audienceUpdated();
            if (!outcome->exact)
                countBeyondTheCap(f, generation);
        });
}

void CampaignBuilderPage::countBeyondTheCap(const LeadFilter &filter, quint64 generation)
{
    CacheTask::run<Audience>(
        m_cache->path(), this, m_cancel, [filter](LeadStore &store) { return AudienceQuery(store).preview(filter, 0); },
        [this, generation](const Result<Audience> &outcome) {
            if (generation != m_generation || !outcome)
                return; // stale, or only the "more than" stays shown
            m_countBeyondCap = outcome->count;
            updateVerdict();
        });
}

QString CampaignBuilderPage::countText() const
{
    const Audience &a = audience();
    if (a.exact)
        return tr("%Ln lead(s) in the cache", nullptr, int(std::min<qint64>(a.count, INT_MAX)));
    if (m_countBeyondCap >= 0)
        return tr("%1 leads in the cache").arg(QLocale().toString(m_countBeyondCap));
    return tr("%1+ leads in the cache").arg(QLocale().toString(CampaignRules::maxAudience));
}

void CampaignBuilderPage::onMessageChanged()
{
    m_model->setMessage(m_message->toPlainText());
    const QStringList unknown = m_model->message().unknownPlaceholders();
    QStringList warnings;
    if (!unknown.isEmpty())
        warnings << tr("Unknown placeholders are sent as written: %1. Known ones: %2.")
                        .arg(unknown.join(QStringLiteral(", ")),
                             CampaignMessage::knownPlaceholders().join(QStringLiteral(", ")));
    if (const int missing = m_model->leadsMissingValues(); missing > 0)
        warnings << tr("%Ln lead(s) of the sample have no value for a placeholder: it is sent empty.", nullptr,
                       missing);
    m_placeholderWarning->setText(warnings.join(QLatin1Char('\n')));
    m_placeholderWarning->setVisible(!warnings.isEmpty());
    updateVerdict();
}

bool CampaignBuilderPage::canSend() const
{
    return m_client && m_store && audience().exact && !m_name->text().trimmed().isEmpty() &&
           validationError().isEmpty() && CampaignRules::refusal(audience().count, m_model->message()).isEmpty();
}

void CampaignBuilderPage::updateVerdict()
{
    const Audience &a = audience();
    m_count->setText(countText());
    QString verdict = validationError();
    if (verdict.isEmpty() && !a.exact)
        verdict = tr("More than %1 leads match: narrow the audience (a campaign sends at most %1 messages).")
                      .arg(QLocale().toString(CampaignRules::maxAudience));
    if (verdict.isEmpty())
        verdict = CampaignRules::refusal(a.count, m_model->message());
    if (verdict.isEmpty() && m_name->text().trimmed().isEmpty())
        verdict = tr("Give the campaign a name to save or send it.");
    if (verdict.isEmpty())
        verdict = tr("Ready: %Ln message(s) would be sent (at most %1 per campaign).", nullptr, int(a.count))
                      .arg(QLocale().toString(CampaignRules::maxAudience));
    m_verdict->setText(verdict);
    const bool overCap = CampaignRules::overCap(a.count);
    m_verdict->setStyleSheet(overCap || a.count == 0 ? QStringLiteral("QLabel { color: #c0392b; }") : QString());
    m_check->setEnabled(m_client != nullptr && validationError().isEmpty());
    m_save->setEnabled(m_store && !m_name->text().trimmed().isEmpty() && !m_model->message().isBlank() &&
                       validationError().isEmpty());
    m_send->setEnabled(canSend());
}

void CampaignBuilderPage::checkWithServer()
{
    if (!m_client)
        return;
    m_server->setText(tr("Asking the service…"));
    // Over the cap the cache's exact count may still be on its way.
    const qint64 local = audience().exact ? audience().count : m_countBeyondCap;
    const QString localText =
        local >= 0 ? QLocale().toString(local) : tr("more than %1").arg(QLocale().toString(CampaignRules::maxAudience));
    const QDateTime asOf = m_cache->isOpen() ? DashboardFigures::cacheAsOf(m_cache->database()) : QDateTime();
    CampaignApi::preview(
        *m_client, filter(), this, [this, local, localText, asOf](const Result<Audience, ApiError> &remote) {
            if (!remote) {
                m_server->setText(tr("The service did not answer: %1").arg(remote.error().describe()));
            } else {
                const QString age = asOf.isValid() ? LeadText::age(asOf) : tr("never");
                QString text =
                    tr("Service: %Ln lead(s); cache: %1 (synced %2).", nullptr, int(remote->count)).arg(localText, age);
                if (local >= 0 && remote->count != local)
                    text += QLatin1Char(' ') + tr("The difference is what changed on the service since that sync.");
                m_server->setText(text);
            }
            emit serverChecked();
        });
}

std::optional<qint64> CampaignBuilderPage::storeDraft()
{
    if (!m_store)
        return std::nullopt;
    auto draft = m_store->createDraft(m_name->text().trimmed(), filter().toJson(), m_message->toPlainText());
    if (!draft) {
        m_status2->setText(tr("Cannot save the draft: %1").arg(draft.error().message));
        return std::nullopt;
    }
    emit campaignsChanged();
    return draft->localId;
}

void CampaignBuilderPage::saveDraft()
{
    if (auto id = storeDraft())
        m_status2->setText(tr("Draft #%1 saved.").arg(*id));
}

void CampaignBuilderPage::askToSend()
{
    if (!canSend())
        return;
    const Audience &a = audience();
    const QString first = a.sample.isEmpty() ? QString() : m_model->message().render(a.sample.first());
    auto *box = new QMessageBox(QMessageBox::Question, tr("Send the campaign?"),
                                tr("Send \"%1\" to %Ln lead(s)?", nullptr, int(a.count)).arg(m_name->text().trimmed()),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("sendConfirmation"));
    box->setInformativeText(tr("The first message, to %1:\n\n%2").arg(a.sample.value(0).name, first));
    auto *send = box->addButton(tr("Send %Ln message(s)", nullptr, int(a.count)), QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, send](QAbstractButton *clicked) {
        if (clicked != send)
            return;
        if (auto id = storeDraft())
            sendDraft(*id);
    });
    box->open();
}

void CampaignBuilderPage::sendDraft(qint64 localId)
{
    if (!m_store || !m_cache->isOpen())
        return;
    // One small local write: the outbox rows and the campaign marked queued.
    auto queued = CampaignQueue(m_cache->database()).queueSend(localId);
    if (!queued) {
        m_status2->setText(tr("Campaign #%1 was not queued: %2").arg(localId).arg(queued.error().message));
        updateVerdict();
        emit campaignsChanged();
        emit sendFinished(false);
        return;
    }
    m_status2->setText(
        m_client ? tr("Campaign #%1 is queued: it goes to the service now, and is never sent twice.").arg(localId)
                 : tr("Campaign #%1 is queued: it goes to the service with the next sync.").arg(localId));
    updateVerdict();
    // The outbox's watchers (status bar, sync) see the new rows and send them.
    m_cache->notifyLeadsChanged({});
    emit campaignsChanged();
    emit sendFinished(true);
}

} // namespace outpost
