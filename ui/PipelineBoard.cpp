#include "PipelineBoard.h"

#include "LeadCardDelegate.h"
#include "LeadEdits.h"
#include "LeadTableModel.h"
#include "PipelineModel.h"
#include "SyncStatusSource.h"

#include <QApplication>
#include <QDataStream>
#include <QDrag>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QMouseEvent>
#include <QVBoxLayout>

#include <algorithm>

namespace outpost {

namespace {

const QLatin1StringView kLeadIdsMime("application/x-outpost-lead-ids");

QList<qint64> decodeLeadIds(const QMimeData *mime)
{
    QList<qint64> ids;
    if (!mime || !mime->hasFormat(kLeadIdsMime))
        return ids;
    QDataStream in(mime->data(kLeadIdsMime));
    in >> ids;
    return in.status() == QDataStream::Ok ? ids : QList<qint64>();
}

} // namespace

PipelineBoard::PipelineBoard(PipelineModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("pipelineBoard"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    // One more column than the pipeline's stages: the unknown statuses', shown
    // only while the model has that row.
    for (int column = 0; column <= LeadStatus::pipeline().size(); ++column)
        layout->addWidget(buildColumn(column), 1);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PipelineBoard::updateHeaders);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PipelineBoard::syncColumns);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &PipelineBoard::syncColumns);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &PipelineBoard::syncColumns);
    syncColumns();
}

QWidget *PipelineBoard::buildColumn(int column)
{
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("pipelineColumn"));
    box->setMinimumWidth(150);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *header = new QHBoxLayout;
    auto *title = new QLabel(box);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *count = new QLabel(box);
    count->setObjectName(QStringLiteral("columnCount"));
    count->setStyleSheet(QStringLiteral("QLabel { background: palette(mid); color: palette(base); border-radius: 8px; "
                                        "padding: 0px 7px; }"));
    header->addWidget(title);
    header->addStretch();
    header->addWidget(count);
    layout->addLayout(header);

    auto *view = new QListView(box);
    auto *delegate = new LeadCardDelegate(view);
    view->setItemDelegate(delegate);
    view->setAccessibleName(tr("Leads in this stage"));
    view->setToolTip(tr("Drag cards to another stage, or select them and press Ctrl+Left or Ctrl+Right"));
    view->setAcceptDrops(true);
    view->viewport()->setAcceptDrops(true);
    view->viewport()->installEventFilter(this);
    view->installEventFilter(this);
    view->setUniformItemSizes(true);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setFrameShape(QFrame::NoFrame);
    // The column is the window's colour; the cards (the application's base colour) stand on it.
    QPalette pal = view->palette();
    pal.setColor(QPalette::Base, pal.color(QPalette::Window));
    view->setPalette(pal);
    connect(view, &QListView::activated, this, [this, column](const QModelIndex &index) {
        if (const LeadTableModel *model = m_model->columnModel(column))
            emit leadOpened(model->idAt(index.row()));
    });
    layout->addWidget(view, 1);

    auto *empty = new QLabel(tr("No leads"), box);
    empty->installEventFilter(this);
    empty->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    empty->setEnabled(false);
    layout->addWidget(empty);

    m_boxes << box;
    m_titles << title;
    m_counts << count;
    m_empties << empty;
    m_views << view;
    m_delegates << delegate;
    return box;
}

void PipelineBoard::syncColumns()
{
    for (int column = 0; column < m_boxes.size(); ++column) {
        LeadTableModel *model = m_model->columnModel(column);
        QListView *view = m_views.at(column);
        if (view->model() != model) {
            view->setModel(model);
            view->setModelColumn(LeadTableModel::NameColumn);
        }
        m_boxes.at(column)->setVisible(model != nullptr);
    }
    updateHeaders();
}

void PipelineBoard::updateHeaders()
{
    const int columns = std::min(static_cast<int>(m_titles.size()), m_model->rowCount());
    for (int column = 0; column < columns; ++column) {
        const QModelIndex i = m_model->index(column);
        m_titles.at(column)->setText(i.data().toString());
        m_titles.at(column)->setAccessibleName(i.data().toString());
        m_titles.at(column)->setToolTip(i.data(Qt::ToolTipRole).toString());
        m_counts.at(column)->setText(i.data(PipelineModel::CountTextRole).toString());
        m_counts.at(column)->setAccessibleName(tr("%1 leads").arg(i.data(PipelineModel::CountTextRole).toString()));
        const bool empty = i.data(PipelineModel::CountRole).toLongLong() == 0;
        m_empties.at(column)->setVisible(empty);
        m_views.at(column)->setVisible(!empty);
        // An empty column still takes drops: its label stands in for the view.
        m_empties.at(column)->setAcceptDrops(true);
    }
}

void PipelineBoard::setSyncStatus(SyncStatusSource *sync)
{
    m_sync = sync;
    for (LeadCardDelegate *d : std::as_const(m_delegates)) {
        d->setPendingCheck([this](qint64 id) {
            LeadEdits *edits = m_sync ? m_sync->edits() : nullptr;
            return edits && edits->isPending(id);
        });
    }
    for (QListView *v : std::as_const(m_views))
        v->viewport()->update();
}

QByteArray PipelineBoard::encodeLeadIds(const QList<qint64> &ids)
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out << ids;
    return data;
}

void PipelineBoard::moveLeads(const QList<qint64> &ids, int column)
{
    LeadEdits *edits = m_sync && m_sync->canQueueEdits() ? m_sync->edits() : nullptr;
    if (!edits) {
        emit moveFailed(m_sync ? m_sync->editsUnavailableReason() : tr("Changes cannot be queued."));
        return;
    }
    if (!m_model->acceptsMoves(column)) {
        emit moveFailed(tr("Cards cannot be moved to a status this version does not know."));
        return;
    }
    const LeadStatus status = m_model->statusAt(column);
    for (qint64 id : ids) {
        auto queued = edits->setStatus(id, status);
        if (!queued) {
            emit moveFailed(tr("Could not move the card: %1").arg(queued.error().message));
            return;
        }
    }
}

int PipelineBoard::columnOfViewport(QObject *watched) const
{
    for (int column = 0; column < m_views.size(); ++column) {
        if (m_views.at(column)->viewport() == watched || m_empties.at(column) == watched)
            return column;
    }
    return -1;
}

QList<qint64> PipelineBoard::selectedIds(int column) const
{
    QList<qint64> ids;
    const LeadTableModel *model = m_model->columnModel(column);
    if (!model || !m_views.at(column)->selectionModel())
        return ids;
    for (const QModelIndex &index : m_views.at(column)->selectionModel()->selectedIndexes()) {
        if (const qint64 id = model->idAt(index.row()); id != 0 && !ids.contains(id))
            ids << id;
    }
    return ids;
}

bool PipelineBoard::handleKey(int column, QKeyEvent *key)
{
    if (!key->modifiers().testFlag(Qt::ControlModifier) || (key->key() != Qt::Key_Left && key->key() != Qt::Key_Right))
        return false;
    const int target = column + (key->key() == Qt::Key_Right ? 1 : -1);
    const QList<qint64> ids = selectedIds(column);
    if (m_model->acceptsMoves(target) && !ids.isEmpty())
        moveLeads(ids, target);
    return true;
}

bool PipelineBoard::handleDrop(int column, QEvent *event)
{
    auto *drop = static_cast<QDropEvent *>(event);
    const QList<qint64> ids = decodeLeadIds(drop->mimeData());
    if (ids.isEmpty())
        return false;
    if (!m_model->acceptsMoves(column)) {
        drop->ignore();
        return true;
    }
    if (event->type() == QEvent::Drop) {
        drop->acceptProposedAction();
        moveLeads(ids, column);
    } else {
        drop->acceptProposedAction();
    }
    return true;
}

void PipelineBoard::startDrag(int column)
{
    const QList<qint64> ids = selectedIds(column);
    if (ids.isEmpty())
        return;
    auto *mime = new QMimeData;
    mime->setData(kLeadIdsMime, encodeLeadIds(ids));
    auto *drag = new QDrag(m_views.at(column));
    drag->setMimeData(mime);
    const QModelIndex current = m_views.at(column)->currentIndex();
    if (current.isValid())
        drag->setPixmap(m_views.at(column)->viewport()->grab(m_views.at(column)->visualRect(current)));
    drag->exec(Qt::MoveAction);
}

bool PipelineBoard::eventFilter(QObject *watched, QEvent *event)
{
    const int viewColumn = static_cast<int>(m_views.indexOf(qobject_cast<QListView *>(watched)));
    if (viewColumn >= 0 && event->type() == QEvent::KeyPress)
        return handleKey(viewColumn, static_cast<QKeyEvent *>(event)) || QWidget::eventFilter(watched, event);
    const int column = columnOfViewport(watched);
    if (column < 0)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove:
    case QEvent::Drop:
        return handleDrop(column, event);
    case QEvent::MouseButtonPress:
        m_pressAt = static_cast<QMouseEvent *>(event)->position().toPoint();
        m_pressColumn = column;
        break;
    case QEvent::MouseMove: {
        const auto *move = static_cast<QMouseEvent *>(event);
        if (m_pressColumn == column && move->buttons().testFlag(Qt::LeftButton) &&
            (move->position().toPoint() - m_pressAt).manhattanLength() >= QApplication::startDragDistance()) {
            m_pressColumn = -1;
            startDrag(column);
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace outpost
