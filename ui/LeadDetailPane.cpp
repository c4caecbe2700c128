#include "LeadDetailPane.h"

#include "ElidedLabel.h"
#include "LeadEdits.h"
#include "LeadText.h"
#include "SyncStatusSource.h"
#include "TimelineDelegate.h"
#include "TimelineModel.h"
#include "WorkspaceCache.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace outpost {

namespace {

QLabel *valueLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return l;
}

QString orDash(const QString &s)
{
    QString flat = s;
    flat.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return flat.isEmpty() ? QStringLiteral("—") : flat;
}

} // namespace

LeadDetailPane::LeadDetailPane(WorkspaceCache *cache, SyncStatusSource *sync, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_timeline(new TimelineModel(this))
{
    setObjectName(QStringLiteral("leadDetailPane"));
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(buildEmptyState());
    m_stack->addWidget(buildLeadView());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    setSyncStatus(sync);
    connect(m_cache, &WorkspaceCache::closed, this, [this] { showLead(0); });
    connect(m_cache, &WorkspaceCache::leadsChanged, this, [this](const QList<qint64> &ids) {
        if (ids.contains(m_leadId))
            reload();
    });
}

void LeadDetailPane::setSyncStatus(SyncStatusSource *sync)
{
    if (m_sync)
        disconnect(m_sync, nullptr, this, nullptr);
    m_sync = sync;
    if (m_sync) {
        connect(m_sync, &SyncStatusSource::changed, this, &LeadDetailPane::updateEditControls);
        connect(m_sync, &SyncStatusSource::detailFetched, this, &LeadDetailPane::onDetailFetched);
    }
    m_requested = 0;
    m_askedFor = 0;
    updateEditControls();
}

QWidget *LeadDetailPane::buildEmptyState()
{
    auto *label = new QLabel(tr("Select a lead to see its details and conversation."), this);
    label->setObjectName(QStringLiteral("emptyState"));
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setEnabled(false);
    return label;
}

QWidget *LeadDetailPane::buildLeadView()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);
    layout->addWidget(buildHeader());

    m_conversationState = new QLabel(page);
    m_conversationState->setObjectName(QStringLiteral("conversationState"));
    m_conversationState->setWordWrap(true);
    m_conversationState->setAlignment(Qt::AlignCenter);
    m_conversationState->setEnabled(false);
    layout->addWidget(m_conversationState);

    m_timelineView = new QListView(page);
    m_timelineView->setObjectName(QStringLiteral("timeline"));
    m_timelineView->setAccessibleName(tr("Conversation"));
    m_timelineView->setModel(m_timeline);
    m_timelineView->setItemDelegate(new TimelineDelegate(m_timelineView));
    m_timelineView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_timelineView->setResizeMode(QListView::Adjust);
    m_timelineView->setWordWrap(true);
    m_timelineView->setFrameShape(QFrame::NoFrame);
    m_timelineView->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_timelineView, 1);
    layout->addWidget(buildComposer());
    return page;
}

void LeadDetailPane::addField(const QString &label, QLabel *value, int row, int column, int span)
{
    auto *caption = new QLabel(label, value->parentWidget());
    caption->setEnabled(false);
    caption->setBuddy(value);
    value->setAccessibleName(label);
    m_fields->addWidget(caption, row, column * 2);
    m_fields->addWidget(value, row, column * 2 + 1, 1, span);
}

QWidget *LeadDetailPane::buildHeader()
{
    auto *header = new QWidget(this);
    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);

    m_name = new ElidedLabel(header);
    m_name->setObjectName(QStringLiteral("leadName"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_name->setFont(big);
    layout->addWidget(m_name);

    auto *badges = new QHBoxLayout;
    badges->setSpacing(6);
    m_status = new QComboBox(header);
    m_status->setObjectName(QStringLiteral("statusSelector"));
    m_status->setAccessibleName(tr("Status"));
    for (const LeadStatus &st : LeadStatus::pipeline())
        m_status->addItem(LeadText::status(st), st.toString());
    connect(m_status, &QComboBox::activated, this, &LeadDetailPane::changeStatus);
    badges->addWidget(m_status);
    m_escalated = new QLabel(tr("Escalated"), header);
    m_escalated->setObjectName(QStringLiteral("escalatedBadge"));
    m_escalated->setStyleSheet(QStringLiteral(
        "QLabel { background: #c0392b; color: white; border-radius: 9px; padding: 1px 8px; font-weight: bold; }"));
    badges->addWidget(m_escalated);
    m_pending = new QLabel(tr("Pending"), header);
    m_pending->setObjectName(QStringLiteral("pendingBadge"));
    m_pending->setToolTip(tr("Changes to this lead wait in the outbox until the service confirms them"));
    m_pending->setStyleSheet(QStringLiteral("QLabel { border: 1px solid palette(mid); border-radius: 9px; "
                                            "padding: 0px 8px; font-style: italic; }"));
    badges->addWidget(m_pending);
    badges->addStretch();
    layout->addLayout(badges);
    m_editState = new QLabel(header);
    m_editState->setObjectName(QStringLiteral("editState"));
    m_editState->setWordWrap(true);
    m_editState->setVisible(false);
    layout->addWidget(m_editState);

    m_fields = new QGridLayout;
    m_fields->setHorizontalSpacing(10);
    m_fields->setVerticalSpacing(4);
    m_fields->setColumnStretch(1, 1);
    m_phone = valueLabel(header);
    m_email = valueLabel(header);
    m_channel = valueLabel(header);
    m_agent = valueLabel(header);
    m_tagsEdit = new QLineEdit(header);
    m_tagsEdit->setObjectName(QStringLiteral("tagsEditor"));
    m_tagsEdit->setPlaceholderText(tr("No tags (comma separated)"));
    m_tagsEdit->setToolTip(tr("Comma separated; Enter saves"));
    connect(m_tagsEdit, &QLineEdit::editingFinished, this, &LeadDetailPane::applyTags);
    m_score = valueLabel(header);
    m_rating = valueLabel(header);
    // One column: the pane is narrow, and a value never shares its line.
    int row = 0;
    for (const auto &[label, value] : {std::pair{tr("Phone"), m_phone},
                                       {tr("Email"), m_email},
                                       {tr("Channel"), m_channel},
                                       {tr("Agent"), m_agent},
                                       {tr("Score"), m_score},
                                       {tr("Rating"), m_rating}})
        addField(label, value, row++, 0);
    auto *tagsCaption = new QLabel(tr("Tags"), header);
    tagsCaption->setEnabled(false);
    tagsCaption->setBuddy(m_tagsEdit);
    m_tagsEdit->setAccessibleName(tr("Tags"));
    m_fields->addWidget(tagsCaption, row, 0);
    m_fields->addWidget(m_tagsEdit, row, 1);
    layout->addLayout(m_fields);
    return header;
}

QWidget *LeadDetailPane::buildComposer()
{
    auto *composer = new QWidget(this);
    auto *layout = new QVBoxLayout(composer);
    layout->setContentsMargins(0, 0, 0, 0);
    m_reply = new QPlainTextEdit(composer);
    m_reply->setObjectName(QStringLiteral("replyBox"));
    m_reply->setAccessibleName(tr("Reply"));
    m_reply->setPlaceholderText(tr("Write a reply… (Ctrl+Enter sends)"));
    m_reply->setMaximumHeight(70);
    m_reply->installEventFilter(this);
    layout->addWidget(m_reply);
    layout->addWidget(buildBookingForm());
    auto *buttons = new QHBoxLayout;
    m_addNote = new QPushButton(tr("Add note"), composer);
    m_book = new QPushButton(tr("Book appointment…"), composer);
    m_send = new QPushButton(tr("Send"), composer);
    m_send->setDefault(false);
    m_send->setObjectName(QStringLiteral("sendReply"));
    m_addNote->setObjectName(QStringLiteral("addNote"));
    m_addNote->setToolTip(tr("Keep the text above as a note for your team; the lead does not see it"));
    m_book->setObjectName(QStringLiteral("bookAppointment"));
    connect(m_send, &QPushButton::clicked, this, &LeadDetailPane::sendReply);
    connect(m_addNote, &QPushButton::clicked, this, &LeadDetailPane::addNote);
    connect(m_book, &QPushButton::clicked, this, &LeadDetailPane::showBookingForm);
    buttons->addWidget(m_addNote);
    buttons->addWidget(m_book);
    buttons->addStretch();
    buttons->addWidget(m_send);
    layout->addLayout(buttons);
    return composer;
}

QWidget *LeadDetailPane::buildBookingForm()
{
    m_bookingForm = new QWidget(this);
    m_bookingForm->setObjectName(QStringLiteral("bookingForm"));
    auto *layout = new QHBoxLayout(m_bookingForm);
    layout->setContentsMargins(0, 0, 0, 0);
    m_when = new QDateTimeEdit(m_bookingForm);
    m_when->setObjectName(QStringLiteral("appointmentTime"));
    m_when->setAccessibleName(tr("Appointment date and time"));
    m_when->setCalendarPopup(true);
    m_when->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    m_service = new QLineEdit(m_bookingForm);
    m_service->setObjectName(QStringLiteral("appointmentService"));
    m_service->setAccessibleName(tr("Service"));
    m_service->setPlaceholderText(tr("Service, e.g. Consultation"));
    auto *book = new QPushButton(tr("Book"), m_bookingForm);
    book->setObjectName(QStringLiteral("confirmBooking"));
    auto *cancel = new QPushButton(tr("Cancel"), m_bookingForm);
    layout->addWidget(m_when);
    layout->addWidget(m_service, 1);
    layout->addWidget(book);
    layout->addWidget(cancel);
    connect(book, &QPushButton::clicked, this, &LeadDetailPane::bookAppointment);
    connect(m_service, &QLineEdit::returnPressed, this, &LeadDetailPane::bookAppointment);
    connect(cancel, &QPushButton::clicked, m_bookingForm, &QWidget::hide);
    m_bookingForm->setVisible(false);
    return m_bookingForm;
}

void LeadDetailPane::updateEditControls()
{
    const bool can = m_sync && m_sync->canQueueEdits() && m_sync->edits();
    const QString reason = m_sync ? m_sync->editsUnavailableReason() : QString();
    for (QWidget *w : std::initializer_list<QWidget *>{m_reply, m_send, m_addNote, m_book, m_status, m_tagsEdit}) {
        w->setEnabled(can);
        w->setToolTip(can ? QString() : reason);
    }
    if (!can)
        m_bookingForm->setVisible(false);
    updatePendingState();
}

void LeadDetailPane::updatePendingState()
{
    LeadEdits *edits = m_sync ? m_sync->edits() : nullptr;
    m_pending->setVisible(edits && m_leadId != 0 && edits->isPending(m_leadId));
    m_timeline->setQueuedItems(edits && m_leadId != 0 ? edits->queuedItems(m_leadId) : QHash<QString, QueuedItem>());
}

void LeadDetailPane::report(const Result<qint64> &queued, const QString &done)
{
    m_editState->setText(queued ? done : tr("Not queued: %1").arg(queued.error().message));
    m_editState->setVisible(true);
    updatePendingState();
}

void LeadDetailPane::changeStatus(int index)
{
    LeadEdits *edits = m_sync ? m_sync->edits() : nullptr;
    if (!edits || m_leadId == 0)
        return;
    const LeadStatus status = LeadStatus::fromString(m_status->itemData(index).toString());
    report(edits->setStatus(m_leadId, status), tr("Status change queued."));
}

void LeadDetailPane::applyTags()
{
    LeadEdits *edits = m_sync ? m_sync->edits() : nullptr;
    if (!edits || m_leadId == 0)
        return;
    QStringList wanted;
    for (const QString &part : m_tagsEdit->text().split(QLatin1Char(','))) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty() && !wanted.contains(tag))
            wanted << tag;
    }
    const QStringList before = m_tags;
    Result<qint64> last = qint64(0);
    int changes = 0;
    for (const QString &tag : wanted) {
        if (!before.contains(tag) && last) {
            last = edits->addTag(m_leadId, tag);
            ++changes;
        }
    }
    for (const QString &tag : before) {
        if (!wanted.contains(tag) && last) {
            last = edits->removeTag(m_leadId, tag);
            ++changes;
        }
    }
    if (changes == 0)
        return;
    m_tags = wanted;
    report(last, tr("Tag changes queued."));
}

void LeadDetailPane::sendReply()
{
    LeadEdits *edits = m_sync ? m_sync->edits() : nullptr;
    const QString text = m_reply->toPlainText().trimmed();
    if (!edits || m_leadId == 0 || text.isEmpty())
        return;
    const auto queued = edits->reply(m_leadId, text);
    if (queued)
        m_reply->clear();
    report(queued, tr("Reply queued: it is sent when online."));
}

void LeadDetailPane::addNote()
{
    LeadEdits *edits = m_sync ? m_sync->edits() : nullptr;
    const QString text = m_reply->toPlainText().trimmed();
    if (!edits || m_leadId == 0)
        return;
    if (text.isEmpty()) {
        m_editState->setText(tr("Write the note in the box above, then press Add note."));
        m_editState->setVisible(true);
        m_reply->setFocus(Qt::OtherFocusReason);
        return;
    }
    const auto queued = edits->addNote(m_leadId, text);
    if (queued)
        m_reply->clear();
    report(queued, tr("Note queued."));
}

void LeadDetailPane::showBookingForm()
{
    // Next full hour tomorrow: a sensible first guess the user adjusts.
    const QDateTime now = QDateTime::currentDateTime();
    m_when->setDateTime(QDateTime(now.date().addDays(1), QTime(now.time().hour(), 0)));
    m_bookingForm->setVisible(true);
    m_service->setFocus(Qt::OtherFocusReason);
}

void LeadDetailPane::bookAppointment()
{
    LeadEdits *edits = m_sync ? m_sync->edits() : nullptr;
    const QString service = m_service->text().trimmed();
    if (!edits || m_leadId == 0)
        return;
    if (service.isEmpty()) {
        m_editState->setText(tr("Name the service to book."));
        m_editState->setVisible(true);
        return;
    }
    const auto queued = edits->bookAppointment(m_leadId, m_when->dateTime(), service);
    if (queued) {
        m_service->clear();
        m_bookingForm->setVisible(false);
    }
    report(queued, tr("Appointment queued."));
}

bool LeadDetailPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_reply && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers().testFlag(Qt::ControlModifier)) {
            sendReply();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void LeadDetailPane::showLead(qint64 id)
{
    if (id != m_leadId) {
        m_editState->setVisible(false);
        m_requested = 0;
        m_askedFor = 0;
        m_fetchError.clear();
    }
    m_leadId = id;
    reload();
}

void LeadDetailPane::reload()
{
    if (m_leadId == 0 || !m_cache->isOpen()) {
        m_leadId = 0;
        m_timeline->clear();
        m_stack->setCurrentIndex(0);
        return;
    }
    auto detail = m_cache->store().detail(m_leadId);
    if (!detail || !detail->has_value()) {
        m_timeline->clear();
        m_stack->setCurrentIndex(0);
        return;
    }
    const LeadDetail &d = **detail;
    showHeader(d.lead);
    m_timeline->setDetail(d);
    auto fetched = m_cache->store().detailsFetchedAt(m_leadId);
    const bool have = fetched && fetched->isValid();
    if (!have && m_sync && m_askedFor != m_leadId) {
        m_askedFor = m_leadId;
        if (m_sync->fetchDetail(m_leadId))
            m_requested = m_leadId;
    }
    showConversationState(m_timeline->rowCount(), have);
    m_stack->setCurrentIndex(1);
    updatePendingState();
    m_timelineView->scrollToBottom();
}

void LeadDetailPane::showHeader(const Lead &lead)
{
    m_name->setFullText(lead.name.isEmpty() ? tr("(no name)") : lead.name);
    while (m_status->count() > LeadStatus::pipeline().size())
        m_status->removeItem(m_status->count() - 1);
    if (m_status->findData(lead.status.toString()) < 0) // an unknown status, kept as the service sent it
        m_status->addItem(LeadText::status(lead.status), lead.status.toString());
    m_status->setCurrentIndex(m_status->findData(lead.status.toString()));
    m_escalated->setVisible(lead.escalated);
    m_phone->setText(orDash(lead.phone));
    m_email->setText(orDash(lead.email));
    m_channel->setText(orDash(LeadText::channel(lead.channel)));
    m_agent->setText(lead.assignedAgent.isEmpty() ? tr("Unassigned") : orDash(lead.assignedAgent));
    m_tags = lead.tags;
    if (!m_tagsEdit->hasFocus())
        m_tagsEdit->setText(lead.tags.join(QStringLiteral(", ")));
    m_score->setText(lead.score ? QLocale().toString(*lead.score) : QStringLiteral("—"));
    m_rating->setText(lead.rating ? QLocale().toString(*lead.rating, 'f', 1) : QStringLiteral("—"));
}

void LeadDetailPane::showConversationState(qint64 messages, bool fetched)
{
    QString text;
    if (!fetched) {
        const bool online = m_sync && m_sync->isOnline() && !m_sync->isWorkingOffline();
        if (!m_fetchError.isEmpty())
            text = tr("The conversation could not be loaded: %1").arg(m_fetchError);
        else if (online || m_requested == m_leadId)
            text = tr("Loading the conversation…");
        else
            text = tr("The conversation of this lead is not in the cache yet. It is downloaded when you are online.");
    } else if (messages == 0) {
        text = tr("No messages, notes or appointments yet.");
    }
    m_conversationState->setText(text);
    m_conversationState->setVisible(!text.isEmpty());
}

void LeadDetailPane::onDetailFetched(qint64 id, bool ok, const QString &message)
{
    if (id != m_leadId)
        return;
    m_fetchError = ok ? QString() : message;
    reload();
}

void LeadDetailPane::focusConversation()
{
    if (m_leadId != 0)
        m_timelineView->setFocus(Qt::OtherFocusReason);
}

} // namespace outpost
