#include "BulkActionBar.h"

#include "LeadText.h"
#include "outbox/OutboxStore.h"
#include "storage/LeadQuery.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>

namespace outpost {

namespace {

enum Page {
    ChooserPage,
    FormPage,
    NoticePage,
};

QHBoxLayout *row(QWidget *w)
{
    auto *layout = new QHBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    return layout;
}

} // namespace

BulkActionBar::BulkActionBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("bulkBar"));
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(buildChooser());
    m_stack->addWidget(buildForm());
    m_stack->addWidget(buildNotice());
    row(this)->addWidget(m_stack);
    updateState();
}

QWidget *BulkActionBar::buildChooser()
{
    auto *page = new QWidget(this);
    auto *layout = row(page);
    m_selectedCount = new QLabel(page);
    layout->addWidget(m_selectedCount);
    const QStringList texts = {tr("Change stage…"), tr("Add tag…"), tr("Remove tag…"), tr("Send message…")};
    for (int a = 0; a < ActionCount; ++a) {
        auto *b = new QPushButton(texts.at(a), page);
        connect(b, &QPushButton::clicked, this, [this, a] { begin(Action(a)); });
        m_actions << b;
        layout->addWidget(b);
    }
    layout->addStretch();
    return page;
}

QWidget *BulkActionBar::buildForm()
{
    auto *page = new QWidget(this);
    auto *layout = row(page);
    m_formLabel = new QLabel(page);
    layout->addWidget(m_formLabel);
    m_stage = new QComboBox(page);
    m_stage->setAccessibleName(tr("New stage"));
    for (const LeadStatus &s : LeadStatus::pipeline())
        m_stage->addItem(LeadText::status(s), s.toString());
    layout->addWidget(m_stage);
    m_value = new QLineEdit(page);
    m_value->setObjectName(QStringLiteral("bulkValue"));
    m_value->setClearButtonEnabled(true);
    layout->addWidget(m_value, 1);
    m_confirm = new QPushButton(page);
    m_confirm->setObjectName(QStringLiteral("bulkConfirm"));
    m_confirm->setDefault(true);
    auto *cancelButton = new QPushButton(tr("Cancel"), page);
    layout->addWidget(m_confirm);
    layout->addWidget(cancelButton);
    connect(m_confirm, &QPushButton::clicked, this, &BulkActionBar::confirm);
    connect(m_value, &QLineEdit::returnPressed, this, &BulkActionBar::confirm);
    connect(m_value, &QLineEdit::textChanged, this, &BulkActionBar::updateConfirmText);
    connect(cancelButton, &QPushButton::clicked, this, &BulkActionBar::cancel);
    return page;
}

QWidget *BulkActionBar::buildNotice()
{
    auto *page = new QWidget(this);
    auto *layout = row(page);
    m_notice = new QLabel(page);
    m_notice->setObjectName(QStringLiteral("bulkNotice"));
    m_notice->setWordWrap(true);
    layout->addWidget(m_notice, 1);
    m_undo = new QPushButton(tr("Undo"), page);
    m_undo->setObjectName(QStringLiteral("bulkUndo"));
    m_undo->setToolTip(tr("Take the change back while it has not been sent"));
    m_dismiss = new QPushButton(tr("Dismiss"), page);
    m_dismiss->setObjectName(QStringLiteral("bulkDismiss"));
    layout->addWidget(m_undo);
    layout->addWidget(m_dismiss);
    connect(m_undo, &QPushButton::clicked, this, &BulkActionBar::undoLast);
    connect(m_dismiss, &QPushButton::clicked, this, &BulkActionBar::cancel);
    return page;
}

void BulkActionBar::setSelection(const QList<qint64> &leadIds)
{
    if (m_busy)
        return; // the filter's leads are being read or queued: that finishes first
    m_selection = leadIds;
    m_oversized = 0;
    m_wholeFilter = false;
    m_resolved.clear();
    // A form or an undo notice stays until the user is done with it.
    if (m_stack->currentIndex() == ChooserPage || (m_stack->currentIndex() == FormPage && leadIds.size() < 2))
        m_stack->setCurrentIndex(ChooserPage);
    updateState();
}

void BulkActionBar::setOversizedSelection(qint64 count)
{
    if (m_busy)
        return;
    m_selection.clear();
    m_oversized = count;
    m_wholeFilter = false;
    m_resolved.clear();
    if (m_stack->currentIndex() == FormPage)
        m_stack->setCurrentIndex(ChooserPage);
    updateState();
}

void BulkActionBar::setWholeFilterSelection(qint64 count, const LeadFilter &filter, const QString &cachePath)
{
    if (m_busy)
        return;
    const bool same = m_wholeFilter && m_filter == filter && m_cachePath == cachePath && m_oversized == count;
    m_selection.clear();
    m_oversized = count;
    m_wholeFilter = true;
    m_filter = filter;
    m_cachePath = cachePath;
    if (!same) {
        m_resolved.clear();
        if (m_stack->currentIndex() == FormPage)
            m_stack->setCurrentIndex(ChooserPage);
    }
    updateState();
}

void BulkActionBar::setEdits(LeadEdits *edits, const QString &unavailableReason)
{
    m_edits = edits;
    m_unavailable = unavailableReason;
    if (!m_edits)
        m_stack->setCurrentIndex(ChooserPage);
    updateState();
}

void BulkActionBar::setPlanLimit(const QString &reason)
{
    m_planLimit = reason;
    updateState();
}

void BulkActionBar::setKnownTags(const QStringList &tags)
{
    auto *completer = new QCompleter(tags, m_value);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    delete m_value->completer();
    m_value->setCompleter(completer);
}

bool BulkActionBar::isWanted() const
{
    return m_selection.size() > 1 || m_oversized > 0 || m_stack->currentIndex() != ChooserPage;
}

void BulkActionBar::updateState()
{
    m_selectedCount->setText(m_wholeFilter ? tr("All %1 matching leads selected").arg(QLocale().toString(m_oversized))
                             : m_oversized > 0 ? tr("%1 selected").arg(QLocale().toString(m_oversized))
                                               : tr("%Ln selected", nullptr, int(m_selection.size())));
    const bool wholeFilterOk = m_wholeFilter && m_oversized <= kMaxFilterLeads;
    const bool can = m_edits && m_planLimit.isEmpty() && (m_oversized == 0 || wholeFilterOk) && !m_busy;
    QString why = !m_edits ? m_unavailable : m_planLimit;
    if (m_edits && m_planLimit.isEmpty() && m_wholeFilter && !wholeFilterOk)
        why = tr("A bulk action over a whole list takes at most %1 leads: narrow the list with the search or the "
                 "filters first.")
                  .arg(QLocale().toString(kMaxFilterLeads));
    else if (m_edits && m_planLimit.isEmpty() && m_oversized > 0 && !m_wholeFilter)
        why = tr("A bulk action takes at most %1 leads: narrow the list with the search or the filters first.")
                  .arg(QLocale().toString(kMaxLeads));
    for (QPushButton *b : std::as_const(m_actions)) {
        b->setEnabled(can);
        b->setToolTip(can ? QString() : why);
    }
    if (can && m_wholeFilter && m_oversized > OutboxStore::kMaxBulkLeads) {
        // The service sends one bulk message to at most this many leads (a campaign's limit too).
        m_actions.at(SendMessage)->setEnabled(false);
        m_actions.at(SendMessage)
            ->setToolTip(tr("A message goes to at most %1 leads at once: narrow the list, or use a campaign.")
                             .arg(QLocale().toString(OutboxStore::kMaxBulkLeads)));
    }
    updateConfirmText();
    emit wantedChanged();
}

QString BulkActionBar::leadCount(int n)
{
    return n == 1 ? tr("1 lead") : tr("%1 leads").arg(QLocale().toString(n));
}

void BulkActionBar::begin(Action action)
{
    if (!m_edits || m_busy || (m_selection.size() < 2 && !m_wholeFilter))
        return;
    m_action = action;
    m_resolved.clear();
    const bool stage = action == ChangeStage;
    m_stage->setVisible(stage);
    m_value->setVisible(!stage);
    m_value->clear();
    switch (action) {
    case ChangeStage:
        m_formLabel->setText(tr("Move to"));
        break;
    case AddTag:
    case RemoveTag:
        m_formLabel->setText(action == AddTag ? tr("Add the tag") : tr("Remove the tag"));
        m_value->setPlaceholderText(tr("tag"));
        m_value->setAccessibleName(tr("Tag"));
        break;
    case SendMessage:
        m_formLabel->setText(tr("Message"));
        m_value->setPlaceholderText(tr("Hi {name}! … ({name} becomes each lead's name)"));
        m_value->setAccessibleName(tr("Message"));
        break;
    case ActionCount:
        return;
    }
    m_stack->setCurrentIndex(FormPage);
    updateState();
    if (stage)
        m_stage->setFocus(Qt::OtherFocusReason);
    else
        m_value->setFocus(Qt::OtherFocusReason);
}

void BulkActionBar::updateConfirmText()
{
    // A whole filter: "all N matching" until its ids are read, then their exact number to confirm.
    const QString n = !m_wholeFilter          ? leadCount(int(m_selection.size()))
                      : !m_resolved.isEmpty() ? leadCount(int(m_resolved.size()))
                                              : tr("all %1 matching leads").arg(QLocale().toString(m_oversized));
    switch (m_action) {
    case ChangeStage:
        m_confirm->setText(tr("Move %1").arg(n));
        break;
    case AddTag:
        m_confirm->setText(tr("Tag %1").arg(n));
        break;
    case RemoveTag:
        m_confirm->setText(tr("Untag %1").arg(n));
        break;
    case SendMessage:
        m_confirm->setText(tr("Send to %1").arg(n));
        break;
    case ActionCount:
        break;
    }
    m_confirm->setEnabled(m_action == ChangeStage || !m_value->text().trimmed().isEmpty());
}

BulkChange BulkActionBar::currentChange() const
{
    static const BulkChange::Kind kinds[] = {BulkChange::Kind::Stage, BulkChange::Kind::AddTag,
                                             BulkChange::Kind::RemoveTag, BulkChange::Kind::Message};
    BulkChange change;
    change.kind = kinds[m_action];
    change.leadIds = m_wholeFilter ? m_resolved : m_selection;
    change.value = m_action == ChangeStage ? m_stage->currentData().toString() : m_value->text().trimmed();
    return change;
}

void BulkActionBar::confirm()
{
    if (!m_edits || m_busy || m_stack->currentIndex() != FormPage || !m_confirm->isEnabled())
        return;
    if (m_wholeFilter) {
        if (m_resolved.isEmpty()) {
            resolveFilter();
            return;
        }
        // Confirmed with the exact count: one row, written off the GUI thread.
        const BulkChange change = currentChange();
        m_busy = true;
        showNotice(tr("Queueing the change for %1…").arg(leadCount(int(change.leadIds.size()))), false);
        m_dismiss->setEnabled(false);
        const qint64 n = change.leadIds.size();
        m_edits->queueBulkInBackground(change, this, [this, n](const Result<qint64> &row) { onQueued(row, n); });
        return;
    }
    const BulkChange change = currentChange();
    auto queued = m_edits->queueBulk(change);
    m_stack->setCurrentIndex(NoticePage);
    if (!queued) {
        m_lastEntry = 0;
        m_notice->setText(tr("Nothing was queued: %1").arg(queued.error().message));
        m_undo->setVisible(false);
    } else {
        m_lastEntry = *queued;
        m_notice->setText(tr("Queued for %1; sent when online.").arg(leadCount(int(change.leadIds.size()))));
        m_undo->setVisible(true);
    }
    updateState();
}

void BulkActionBar::cancel()
{
    if (m_resolving)
        m_resolving->store(true);
    m_resolving.reset();
    if (m_busy && m_resolved.isEmpty())
        m_busy = false; // reading the ids stops; a write under way finishes (see onQueued)
    if (m_busy)
        return;
    m_resolved.clear();
    m_stack->setCurrentIndex(ChooserPage);
    updateState();
}

void BulkActionBar::showNotice(const QString &text, bool undo)
{
    m_stack->setCurrentIndex(NoticePage);
    m_notice->setText(text);
    m_undo->setVisible(undo);
    m_dismiss->setText(m_busy ? tr("Cancel") : tr("Dismiss"));
    m_dismiss->setEnabled(true);
    emit wantedChanged();
}

// Every lead the filter matches, in SQL on the pool: the list's own order
// does not matter to the service, and reading a hundred thousand rows (or a
// slow search) must not freeze the window. Cancel stops the read.
void BulkActionBar::resolveFilter()
{
    m_busy = true;
    m_resolving = CacheTask::makeCancel();
    showNotice(tr("Finding the %1 matching leads…").arg(QLocale().toString(m_oversized)), false);
    updateState();
    LeadQuery query;
    query.filter = m_filter;
    query.limit = int(kMaxFilterLeads) + 1;
    const CacheTask::Cancel cancel = m_resolving;
    CacheTask::run<QList<qint64>>(
        m_cachePath, this, cancel,
        [query](LeadStore &store) -> Result<QList<qint64>> {
            auto leads = store.window(query);
            if (!leads)
                return leads.error();
            QList<qint64> ids;
            ids.reserve(leads->size());
            for (const Lead &l : *leads)
                ids.append(l.id);
            return ids;
        },
        [this, cancel](const Result<QList<qint64>> &ids) {
            if (!cancel->load())
                onResolved(ids);
        });
}

void BulkActionBar::onResolved(const Result<QList<qint64>> &ids)
{
    m_busy = false;
    m_resolving.reset();
    if (!ids) {
        showNotice(tr("Could not read the matching leads: %1").arg(ids.error().message), false);
        updateState();
        return;
    }
    if (ids->size() > kMaxFilterLeads) {
        showNotice(tr("More than %1 leads match now: narrow the list first.").arg(QLocale().toString(kMaxFilterLeads)),
                   false);
        updateState();
        return;
    }
    if (ids->isEmpty()) {
        showNotice(tr("No lead matches any more: nothing to change."), false);
        updateState();
        return;
    }
    // Back to the form: its button now names the exact number, to confirm.
    m_resolved = *ids;
    m_stack->setCurrentIndex(FormPage);
    updateState();
    m_confirm->setFocus(Qt::OtherFocusReason);
}

void BulkActionBar::onQueued(const Result<qint64> &row, qint64 leads)
{
    m_busy = false;
    m_resolved.clear();
    if (!row) {
        m_lastEntry = 0;
        showNotice(tr("Nothing was queued: %1").arg(row.error().message), false);
    } else {
        m_lastEntry = *row;
        showNotice(tr("Queued for %1; sent when online.").arg(leadCount(int(leads))), true);
    }
    updateState();
}

void BulkActionBar::undoLast()
{
    if (!m_edits || m_lastEntry == 0)
        return;
    auto undone = m_edits->undo(m_lastEntry);
    m_undo->setVisible(false);
    if (!undone)
        m_notice->setText(tr("Could not undo: %1").arg(undone.error().message));
    else if (!*undone)
        m_notice->setText(tr("Too late to undo: the change has already been sent."));
    else
        m_notice->setText(tr("Undone: nothing will be sent."));
    m_lastEntry = 0;
}

} // namespace outpost
