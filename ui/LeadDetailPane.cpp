#include "LeadDetailPane.h"

#include "ElidedLabel.h"
#include "LeadText.h"
#include "SyncStatusSource.h"
#include "TimelineDelegate.h"
#include "TimelineModel.h"
#include "WorkspaceCache.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
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
    if (m_sync)
        connect(m_sync, &SyncStatusSource::changed, this, &LeadDetailPane::updateEditControls);
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
    m_statusPill = new QLabel(header);
    m_statusPill->setObjectName(QStringLiteral("statusPill"));
    m_statusPill->setStyleSheet(QStringLiteral("QLabel { background: palette(highlight); color: "
                                               "palette(highlighted-text); border-radius: 9px; padding: 1px 8px; }"));
    m_statusPill->setToolTip(tr("Status"));
    badges->addWidget(m_statusPill);
    m_escalated = new QLabel(tr("Escalated"), header);
    m_escalated->setObjectName(QStringLiteral("escalatedBadge"));
    m_escalated->setStyleSheet(QStringLiteral(
        "QLabel { background: #c0392b; color: white; border-radius: 9px; padding: 1px 8px; font-weight: bold; }"));
    badges->addWidget(m_escalated);
    badges->addStretch();
    layout->addLayout(badges);

    m_fields = new QGridLayout;
    m_fields->setHorizontalSpacing(10);
    m_fields->setVerticalSpacing(4);
    m_fields->setColumnStretch(1, 1);
    m_phone = valueLabel(header);
    m_email = valueLabel(header);
    m_channel = valueLabel(header);
    m_agent = valueLabel(header);
    m_tags = valueLabel(header);
    m_score = valueLabel(header);
    m_rating = valueLabel(header);
    // One column: the pane is narrow, and a value never shares its line.
    int row = 0;
    for (const auto &[label, value] : {std::pair{tr("Phone"), m_phone},
                                       {tr("Email"), m_email},
                                       {tr("Channel"), m_channel},
                                       {tr("Agent"), m_agent},
                                       {tr("Tags"), m_tags},
                                       {tr("Score"), m_score},
                                       {tr("Rating"), m_rating}})
        addField(label, value, row++, 0);
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
    layout->addWidget(m_reply);
    auto *buttons = new QHBoxLayout;
    m_addNote = new QPushButton(tr("Add note"), composer);
    m_book = new QPushButton(tr("Book appointment…"), composer);
    m_send = new QPushButton(tr("Send"), composer);
    m_send->setDefault(false);
    buttons->addWidget(m_addNote);
    buttons->addWidget(m_book);
    buttons->addStretch();
    buttons->addWidget(m_send);
    layout->addLayout(buttons);
    return composer;
}

void LeadDetailPane::updateEditControls()
{
    const bool can = m_sync && m_sync->canQueueEdits();
    const QString reason = m_sync ? m_sync->editsUnavailableReason() : QString();
    for (QWidget *w : std::initializer_list<QWidget *>{m_reply, m_send, m_addNote, m_book}) {
        w->setEnabled(can);
        w->setToolTip(can ? QString() : reason);
    }
}

void LeadDetailPane::showLead(qint64 id)
{
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
    showConversationState(m_timeline->rowCount(), fetched && fetched->isValid());
    m_stack->setCurrentIndex(1);
    m_timelineView->scrollToBottom();
}

void LeadDetailPane::showHeader(const Lead &lead)
{
    m_name->setFullText(lead.name.isEmpty() ? tr("(no name)") : lead.name);
    m_statusPill->setText(LeadText::status(lead.status));
    m_escalated->setVisible(lead.escalated);
    m_phone->setText(orDash(lead.phone));
    m_email->setText(orDash(lead.email));
    m_channel->setText(orDash(LeadText::channel(lead.channel)));
    m_agent->setText(lead.assignedAgent.isEmpty() ? tr("Unassigned") : orDash(lead.assignedAgent));
    m_tags->setText(lead.tags.isEmpty() ? tr("No tags") : orDash(lead.tags.join(QStringLiteral(", "))));
    m_score->setText(lead.score ? QLocale().toString(*lead.score) : QStringLiteral("—"));
    m_rating->setText(lead.rating ? QLocale().toString(*lead.rating, 'f', 1) : QStringLiteral("—"));
}

void LeadDetailPane::showConversationState(qint64 messages, bool fetched)
{
    QString text;
    if (!fetched) {
        const bool online = m_sync && m_sync->isOnline() && !m_sync->isWorkingOffline();
        text = online ? tr("Loading the conversation…")
                      : tr("The conversation of this lead is not in the cache yet. It is downloaded when you are "
                           "online.");
    } else if (messages == 0) {
        text = tr("No messages, notes or appointments yet.");
    }
    m_conversationState->setText(text);
    m_conversationState->setVisible(!text.isEmpty());
}

void LeadDetailPane::focusConversation()
{
    if (m_leadId != 0)
        m_timelineView->setFocus(Qt::OtherFocusReason);
}

} // namespace outpost
