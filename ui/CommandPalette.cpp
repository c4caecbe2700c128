#include "CommandPalette.h"

#include "CacheTask.h"
#include "LeadText.h"
#include "WorkspaceCache.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace outpost {

namespace {

enum Role {
    KindRole = Qt::UserRole + 1,
    ValueRole,
};

enum Kind {
    ActionItem,
    LeadItem,
};

constexpr int kLeadsShown = 8;
constexpr int kSearchDelayMs = 60;

} // namespace

CommandPalette::CommandPalette(WorkspaceCache *cache, QWidget *window)
    : QFrame(window)
    , m_cache(cache)
    , m_searchTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("commandPalette"));
    setAccessibleName(tr("Command palette"));
    // A plain line in the Mid role: visible over the page in light and dark palettes alike.
    setFrameStyle(QFrame::Box | QFrame::Plain);
    setForegroundRole(QPalette::Mid);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    m_input = new QLineEdit(this);
    m_input->setObjectName(QStringLiteral("paletteInput"));
    m_input->setAccessibleName(tr("Go to a lead or run an action"));
    m_input->setPlaceholderText(tr("Type a lead's name, phone, email or tag, or an action…"));
    m_input->installEventFilter(this);
    layout->addWidget(m_input);
    m_results = new QListWidget(this);
    m_results->setObjectName(QStringLiteral("paletteResults"));
    m_results->setAccessibleName(tr("Matches"));
    m_results->setFrameShape(QFrame::NoFrame);
    m_results->setFocusPolicy(Qt::NoFocus);
    m_results->setUniformItemSizes(true);
    m_results->setSpacing(2);
    m_results->setForegroundRole(QPalette::Text);
    layout->addWidget(m_results);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &CommandPalette::searchLeads);
    connect(m_input, &QLineEdit::textChanged, this, &CommandPalette::onTextChanged);
    connect(m_results, &QListWidget::itemActivated, this, &CommandPalette::run);
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (isVisible() && now && !isAncestorOf(now))
            hide();
    });
    hide();
}

void CommandPalette::addAction(const QString &name, const QString &shortcut, std::function<void()> run)
{
    m_actions.append(Action{name, shortcut, std::move(run)});
}

void CommandPalette::popup()
{
    place();
    show();
    raise();
    m_input->clear();
    showActions(QString());
    m_input->setFocus(Qt::ShortcutFocusReason);
}

void CommandPalette::place()
{
    QWidget *window = parentWidget();
    const int w = qMin(560, window->width() - 40);
    // As tall as its matches (no empty panel under three of them), at most 380 px.
    const int rows = std::max(m_results->count(), 1);
    const int rowHeight = m_results->sizeHintForRow(0) > 0 ? m_results->sizeHintForRow(0) : fontMetrics().height();
    const int content = m_input->sizeHint().height() + rows * (rowHeight + 2 * m_results->spacing()) +
                        m_results->frameWidth() * 2 + layout()->spacing() + layout()->contentsMargins().top() +
                        layout()->contentsMargins().bottom() + frameWidth() * 2 + 4;
    const int h = std::min({380, window->height() - 80, content});
    setGeometry((window->width() - w) / 2, 48, w, h);
}

void CommandPalette::onTextChanged()
{
    // Leads from an older text are stale from now on.
    ++m_generation;
    showActions(m_input->text().trimmed());
    if (m_input->text().trimmed().isEmpty())
        m_searchTimer->stop();
    else
        m_searchTimer->start();
}

void CommandPalette::showActions(const QString &text)
{
    m_results->clear();
    for (int i = 0; i < m_actions.size(); ++i) {
        const Action &a = m_actions.at(i);
        if (!text.isEmpty() && !a.name.contains(text, Qt::CaseInsensitive))
            continue;
        auto *item = new QListWidgetItem(a.shortcut.isEmpty() ? a.name : tr("%1    %2").arg(a.name, a.shortcut));
        item->setData(KindRole, ActionItem);
        item->setData(ValueRole, i);
        m_results->addItem(item);
    }
    m_results->setCurrentRow(0);
    place();
}

void CommandPalette::searchLeads()
{
    if (!m_cache->isOpen())
        return;
    const quint64 generation = m_generation;
    LeadQuery query;
    query.filter.search = m_input->text().trimmed();
    query.limit = kLeadsShown;
    using Rows = QList<QPair<qint64, QString>>;
    CacheTask::run<Rows>(
        m_cache->path(), this,
        [query](LeadStore &store) -> Result<Rows> {
            auto leads = store.window(query);
            if (!leads)
                return leads.error();
            Rows rows;
            for (const Lead &l : *leads) {
                const QString name = l.name.isEmpty() ? CommandPalette::tr("(no name)") : l.name;
                const QString contact = l.phone.isEmpty() ? l.email : l.phone;
                rows.append({l.id, QStringLiteral("%1 — %2 · %3").arg(name, contact, LeadText::status(l.status))});
            }
            return rows;
        },
        [this, generation](const Result<Rows> &rows) {
            if (rows)
                showLeads(generation, *rows);
        });
}

void CommandPalette::showLeads(quint64 generation, const QList<QPair<qint64, QString>> &leads)
{
    if (generation != m_generation)
        return;
    const bool hadNone = m_results->count() == 0;
    for (const auto &[id, text] : leads) {
        QString flat = text;
        flat.replace(QLatin1Char('\n'), QLatin1Char(' '));
        auto *item = new QListWidgetItem(flat);
        item->setData(KindRole, LeadItem);
        item->setData(ValueRole, id);
        item->setToolTip(tr("Open this lead"));
        m_results->addItem(item);
    }
    if (hadNone && m_results->count() > 0)
        m_results->setCurrentRow(0);
    place();
}

void CommandPalette::runCurrent()
{
    if (QListWidgetItem *item = m_results->currentItem())
        run(item);
}

void CommandPalette::run(QListWidgetItem *item)
{
    const int kind = item->data(KindRole).toInt();
    const QVariant value = item->data(ValueRole);
    hide();
    if (kind == LeadItem) {
        emit leadPicked(value.toLongLong());
        return;
    }
    const int i = value.toInt();
    if (i >= 0 && i < m_actions.size())
        m_actions.at(i).run();
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_input || event->type() != QEvent::KeyPress)
        return QFrame::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    switch (key->key()) {
    case Qt::Key_Escape:
        hide();
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        runCurrent();
        return true;
    case Qt::Key_Down:
    case Qt::Key_Up: {
        const int step = key->key() == Qt::Key_Down ? 1 : -1;
        const int row = qBound(0, m_results->currentRow() + step, m_results->count() - 1);
        m_results->setCurrentRow(row);
        return true;
    }
    default:
        return QFrame::eventFilter(watched, event);
    }
}

} // namespace outpost
