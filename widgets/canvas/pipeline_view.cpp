#include "widgets/canvas/pipeline_view.h"

#include "widgets/canvas/canvas_commands.h"
#include "widgets/canvas/node_item.h"
#include "widgets/canvas/pipeline_scene.h"
#include "widgets/canvas/stage_templates.h"

#include <QDragEnterEvent>
#include <QMimeData>
#include <QResizeEvent>
#include <QScrollBar>
#include <QUndoStack>
#include <QWheelEvent>

#include <cmath>

namespace cairn::widgets {

PipelineView::PipelineView(PipelineScene* scene, QWidget* parent) : QGraphicsView(scene, parent), m_scene(scene)
{
    setObjectName(QStringLiteral("pipelineView"));
    setRenderHint(QPainter::Antialiasing, true);
    setRenderHint(QPainter::TextAntialiasing, true);
    setDragMode(QGraphicsView::RubberBandDrag);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlag(QGraphicsView::DontAdjustForAntialiasing, true);
    setOptimizationFlag(QGraphicsView::DontSavePainterState, true);  // items set what they use
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setCacheMode(QGraphicsView::CacheBackground);
    // No scroll bars: one pans by dragging (and the wheel with Shift). With bars "as needed",
    // fit-to-view could flip them on and off forever: a bar shrinks the viewport, the fit
    // zooms out, the bar is no longer needed, the viewport grows, the fit zooms in...
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(scene, &QGraphicsScene::changed, this, [this] { growSceneRect(); });
    growSceneRect();
}

// The scene rectangle: the nodes with plenty of room around them, so one can pan past the edges.
void PipelineView::growSceneRect()
{
    QRectF r = m_scene->nodesRect();
    if (r.isNull())
        r = QRectF(0, 0, 800, 600);
    r.adjust(-1500, -1500, 1500, 1500);
    if (!sceneRect().contains(r))
        setSceneRect(sceneRect() | r);
}

double PipelineView::zoom() const { return transform().m11(); }

void PipelineView::setZoom(double factor)
{
    factor = std::clamp(factor, 0.05, 4.0);
    const QPointF c = centerScenePos();
    QTransform t;
    t.scale(factor, factor);
    setTransform(t);
    centerOn(c);
    Q_EMIT zoomChanged(factor);
}

void PipelineView::requestFit()
{
    m_fitPending = true;
    fitToView();
}

void PipelineView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitPending)
        fitToView();
}

void PipelineView::zoomBy(double factor, QPointF viewAnchor)
{
    m_fitPending = false;
    const double target = std::clamp(zoom() * factor, 0.05, 4.0);
    factor = target / zoom();
    if (viewAnchor.x() < 0) {
        scale(factor, factor);
    } else {
        const QPointF before = mapToScene(viewAnchor.toPoint());
        scale(factor, factor);
        const QPointF after = mapToScene(viewAnchor.toPoint());
        const QPointF d = after - before;
        translate(d.x(), d.y());
    }
    Q_EMIT zoomChanged(zoom());
}

void PipelineView::fitToView()
{
    QRectF r = m_scene->nodesRect();
    if (r.isNull())
        return;
    r.adjust(-40, -40, 40, 40);
    fitInView(r, Qt::KeepAspectRatio);
    if (zoom() > 1.25)
        setZoom(1.25);
    else if (zoom() < 0.05)
        setZoom(0.05);
    centerOn(r.center());
    Q_EMIT zoomChanged(zoom());
}

QPointF PipelineView::centerScenePos() const { return mapToScene(viewport()->rect().center()); }

void PipelineView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ShiftModifier) {  // Shift + wheel scrolls sideways
        QGraphicsView::wheelEvent(event);
        return;
    }
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    setTransformationAnchor(QGraphicsView::NoAnchor);
    zoomBy(std::pow(1.15, steps), event->position());
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    event->accept();
}

void PipelineView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_space)) {
        m_panning = true;
        m_fitPending = false;
        m_panFrom = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void PipelineView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_panning) {
        const QPoint d = event->position().toPoint() - m_panFrom;
        m_panFrom = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void PipelineView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_panning) {
        m_panning = false;
        viewport()->setCursor(m_space ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void PipelineView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_space = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
        m_scene->deleteSelection();
        event->accept();
        return;
    }
    QPointF step;
    const double d = (event->modifiers() & Qt::ShiftModifier) ? 50 : 10;
    switch (event->key()) {
    case Qt::Key_Left: step = {-d, 0}; break;
    case Qt::Key_Right: step = {d, 0}; break;
    case Qt::Key_Up: step = {0, -d}; break;
    case Qt::Key_Down: step = {0, d}; break;
    default: break;
    }
    const QStringList selected = m_scene->selectedStages();
    if (!step.isNull() && !selected.isEmpty()) {
        QHash<QString, QPointF> before, after;
        for (const QString& s : selected) {
            const QPointF p = m_scene->nodeItem(s)->pos();
            before.insert(s, p);
            after.insert(s, p + step);
        }
        if (QUndoCommand* cmd = commands::moveNodes(m_scene->model(), before, after))
            m_scene->undoStack()->push(cmd);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void PipelineView::keyReleaseEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_space = false;
        viewport()->setCursor(Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void PipelineView::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(kStageTemplateMime)))
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void PipelineView::dragMoveEvent(QDragMoveEvent* event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(kStageTemplateMime)))
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void PipelineView::dropEvent(QDropEvent* event)
{
    const QByteArray id = event->mimeData()->data(QString::fromLatin1(kStageTemplateMime));
    if (id.isEmpty()) {
        QGraphicsView::dropEvent(event);
        return;
    }
    event->acceptProposedAction();
    Q_EMIT templateDropped(QString::fromUtf8(id), mapToScene(event->position().toPoint()));
}

void PipelineView::drawBackground(QPainter* painter, const QRectF& rect)
{
    QGraphicsView::drawBackground(painter, rect);
    if (zoom() < 0.35)
        return;
    // A light dot grid every 40 scene units.
    constexpr double grid = 40;
    painter->setPen(QPen(QColor(0xdd, 0xe1, 0xe6), 0));
    const double left = std::floor(rect.left() / grid) * grid, top = std::floor(rect.top() / grid) * grid;
    QVector<QPointF> dots;
    for (double x = left; x < rect.right(); x += grid)
        for (double y = top; y < rect.bottom(); y += grid)
            dots.push_back(QPointF(x, y));
    painter->drawPoints(dots.data(), static_cast<int>(dots.size()));
}

} // namespace cairn::widgets
