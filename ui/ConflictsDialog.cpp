#include "ConflictsDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace outpost {

namespace {

QTableWidgetItem *cell(const QString &text)
{
    QString flat = text;
    flat.replace(QLatin1Char('\n'), QLatin1Char(' '));
    auto *item = new QTableWidgetItem(flat.isEmpty() ? QStringLiteral("—") : flat);
    item->setToolTip(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

} // namespace

ConflictsDialog::ConflictsDialog(LeadEdits *edits, QWidget *parent)
    : QDialog(parent)
    , m_edits(edits)
{
    setObjectName(QStringLiteral("conflictsDialog"));
    setWindowTitle(tr("Conflicts"));
    resize(760, 420);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("conflictList"));
    m_list->setAccessibleName(tr("Leads changed on both sides"));
    m_fields = new QTableWidget(0, 4, this);
    m_fields->setObjectName(QStringLiteral("conflictFields"));
    m_fields->setAccessibleName(tr("Fields in conflict"));
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Before"), tr("Service now"), tr("Mine")});
    m_fields->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_fields->verticalHeader()->setVisible(false);
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_state = new QLabel(this);
    m_state->setWordWrap(true);
    m_state->setObjectName(QStringLiteral("conflictState"));

    m_keepMine = new QPushButton(tr("Keep mine"), this);
    m_keepMine->setToolTip(tr("Send my values again over the service's"));
    m_takeTheirs = new QPushButton(tr("Take theirs"), this);
    m_takeTheirs->setToolTip(tr("Drop my change and keep the service's values"));
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_fields, 1);
    auto *choices = new QHBoxLayout;
    choices->addStretch();
    choices->addWidget(m_takeTheirs);
    choices->addWidget(m_keepMine);
    rightLayout->addLayout(choices);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_list);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(splitter, 1);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &ConflictsDialog::showConflict);
    connect(m_keepMine, &QPushButton::clicked, this, [this] { resolveCurrent(LeadEdits::Resolution::KeepMine); });
    connect(m_takeTheirs, &QPushButton::clicked, this, [this] { resolveCurrent(LeadEdits::Resolution::TakeTheirs); });
    reload();
}

void ConflictsDialog::reload()
{
    auto conflicts = m_edits->conflicts();
    m_conflicts = conflicts ? *conflicts : QList<EditConflict>();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const EditConflict &c : std::as_const(m_conflicts))
        m_list->addItem(c.leadName.isEmpty() ? tr("Lead %1").arg(c.leadId) : c.leadName);
    if (!conflicts)
        m_state->setText(tr("The conflicts cannot be read: %1").arg(conflicts.error().message));
    else if (m_conflicts.isEmpty())
        m_state->setText(tr("No conflicts: every change was accepted by the service."));
    else
        m_state->setText(m_conflicts.size() == 1
                             ? tr("1 lead was changed here and on the service. Pick which values to keep.")
                             : tr("%1 leads were changed here and on the service. Pick which values to keep.")
                                   .arg(QLocale().toString(m_conflicts.size())));
    m_list->setCurrentRow(m_conflicts.isEmpty() ? -1 : 0);
    showConflict(m_list->currentRow());
}

void ConflictsDialog::showConflict(int row)
{
    const bool has = row >= 0 && row < m_conflicts.size();
    m_keepMine->setEnabled(has);
    m_takeTheirs->setEnabled(has);
    m_fields->setRowCount(0);
    if (!has)
        return;
    const EditConflict &c = m_conflicts.at(row);
    m_fields->setRowCount(int(c.fields.size()));
    for (int i = 0; i < c.fields.size(); ++i) {
        const EditConflict::Field &f = c.fields.at(i);
        m_fields->setItem(i, 0, cell(f.name));
        m_fields->setItem(i, 1, cell(f.base));
        m_fields->setItem(i, 2, cell(f.theirs));
        m_fields->setItem(i, 3, cell(f.mine));
    }
}

void ConflictsDialog::resolveCurrent(LeadEdits::Resolution resolution)
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_conflicts.size())
        return;
    auto resolved = m_edits->resolve(m_conflicts.at(row).id, resolution);
    if (!resolved) {
        m_state->setText(tr("Could not resolve this conflict: %1").arg(resolved.error().message));
        return;
    }
    reload();
}

} // namespace outpost
