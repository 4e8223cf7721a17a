#include "widgets/canvas/pipeline_scene.h"

#include "widgets/canvas/canvas_commands.h"
#include "widgets/canvas/edge_item.h"
#include "widgets/canvas/node_item.h"
#include "widgets/canvas/pipeline_model.h"

#include <QGraphicsPathItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QSet>
#include <QUndoStack>

namespace cairn::widgets {

namespace pl = cairn::pipeline;

PipelineScene::PipelineScene(PipelineModel* model, QUndoStack* stack, QObject* parent)
    : QGraphicsScene(parent), m_model(model), m_stack(stack)
{
    setBackgroundBrush(QColor(0xf7, 0xf8, 0xfa));
    connect(model, &PipelineModel::graphChanged, this, &PipelineScene::sync);
    connect(model, &PipelineModel::positionsChanged, this, &PipelineScene::syncPositions);
    connect(model, &PipelineModel::runStatesChanged, this, &PipelineScene::syncRunStates);
    sync();
}

void PipelineScene::sync()
{
    const pl::EntryGraph& g = m_model->graph();
    // Edges are rebuilt whole (cheap next to validating the file); first away, while their
    // nodes still exist.
    QSet<QPair<QString, QString>> selected;
    for (EdgeItem* e : m_edges) {
        if (e->isSelected())
            selected.insert({e->from()->name(), e->to()->name()});
        delete e;
    }
    m_edges.clear();
    for (NodeItem* n : m_nodes)
        n->clearEdges();
    QSet<QString> names;
    for (const auto& node : g.nodes) {
        const QString name = QString::fromStdString(node.name);
        names.insert(name);
        NodeItem* item = m_nodes.value(name);
        if (!item) {
            item = new NodeItem(name);
            item->setPos(m_model->position(name));
            addItem(item);
            m_nodes.insert(name, item);
        } else if (item->pos() != m_model->position(name)) {
            item->setPos(m_model->position(name));
        }
        item->setNode(node);
    }
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        if (names.contains(it.key())) {
            ++it;
            continue;
        }
        if (m_wireFrom == it.value() || m_dropTarget == it.value()) {
            m_wireFrom = m_dropTarget = nullptr;
            delete m_wire;
            m_wire = nullptr;
        }
        delete it.value();
        it = m_nodes.erase(it);
    }
    for (const auto& e : g.edges) {
        NodeItem* a = m_nodes.value(QString::fromStdString(g.nodes[static_cast<std::size_t>(e.from)].name));
        NodeItem* b = m_nodes.value(QString::fromStdString(g.nodes[static_cast<std::size_t>(e.to)].name));
        if (!a || !b)
            continue;
        auto* edge = new EdgeItem(a, e.output, b, e.input);
        addItem(edge);
        a->addEdge(edge);
        b->addEdge(edge);
        if (selected.contains({a->name(), b->name()}))
            edge->setSelected(true);
        m_edges.push_back(edge);
    }
    rerouteEdges();
    syncRunStates();
}

void PipelineScene::rerouteEdges()
{
    for (EdgeItem* e : m_edges)
        e->adjust(/*force=*/true);
}

void PipelineScene::syncPositions(const QStringList& names)
{
    for (const QString& n : names)
        if (NodeItem* item = m_nodes.value(n); item && item->pos() != m_model->position(n))
            item->setPos(m_model->position(n));
    rerouteEdges();
}

void PipelineScene::syncRunStates()
{
    for (const auto& node : m_model->graph().nodes) {
        NodeItem* item = m_nodes.value(QString::fromStdString(node.name));
        if (!item)
            continue;
        QStringList states;
        QStringList lines;
        for (const auto& stage : node.stages) {
            const StageRunState s = m_model->runState(stage);
            states << s.state;
            if (s.state.isEmpty())
                continue;
            QString line = QStringLiteral("%1: %2").arg(QString::fromStdString(stage), stageStateText(s.state));
            if (!s.runId.isEmpty())
                line += tr(" (run %1)").arg(s.runId.left(8));
            if (!s.message.isEmpty())
                line += QStringLiteral(" — ") + s.message;
            lines << line;
        }
        item->setRunStates(states, lines.join(QLatin1Char('\n')));
    }
}

EdgeItem* PipelineScene::edgeItem(const QString& from, const QString& to) const
{
    for (EdgeItem* e : m_edges)
        if (e->from()->name() == from && e->to()->name() == to)
            return e;
    return nullptr;
}

QStringList PipelineScene::selectedStages() const
{
    QStringList out;
    // In file order, so copies and deletes keep the order the stages were written in.
    for (const auto& node : m_model->graph().nodes)
        if (NodeItem* item = m_nodes.value(QString::fromStdString(node.name)); item && item->isSelected())
            out << item->name();
    return out;
}

QList<QPair<QString, QString>> PipelineScene::selectedEdges() const
{
    QList<QPair<QString, QString>> out;
    for (EdgeItem* e : m_edges)
        if (e->isSelected() && !out.contains({e->from()->name(), e->to()->name()}))
            out.push_back({e->from()->name(), e->to()->name()});
    return out;
}

void PipelineScene::selectStages(const QStringList& names)
{
    clearSelection();
    for (const QString& n : names)
        if (NodeItem* item = m_nodes.value(n))
            item->setSelected(true);
}

void PipelineScene::deleteSelection()
{
    if (QUndoCommand* cmd = commands::deleteItems(m_model, selectedStages(), selectedEdges()))
        m_stack->push(cmd);
}

QRectF PipelineScene::nodesRect() const
{
    QRectF r;
    for (NodeItem* n : m_nodes)
        r |= n->sceneBoundingRect();
    return r;
}

NodeItem* PipelineScene::nodeAt(QPointF scenePos, const NodeItem* except) const
{
    for (QGraphicsItem* item : items(scenePos))
        if (item->type() == NodeItem::Type && item != except)
            return static_cast<NodeItem*>(item);
    return nullptr;
}

EdgeItem* PipelineScene::edgeAt(QPointF scenePos) const
{
    for (QGraphicsItem* item : items(scenePos))
        if (item->type() == EdgeItem::Type)
            return static_cast<EdgeItem*>(item);
    return nullptr;
}

void PipelineScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        if (NodeItem* node = nodeAt(event->scenePos())) {
            const int port = node->outputPortAt(node->mapFromScene(event->scenePos()));
            if (port >= 0) {
                m_wireFrom = node;
                m_wirePort = port;
                m_wire = new QGraphicsPathItem;
                m_wire->setPen(QPen(QColor(0x1f, 0x77, 0xd0), 2, Qt::DashLine));
                m_wire->setZValue(3);
                addItem(m_wire);
                m_wire->setPath(EdgeItem::curve(node->mapToScene(node->outputPort(port)), event->scenePos()));
                event->accept();
                return;
            }
        }
    }
    QGraphicsScene::mousePressEvent(event);
    m_pressPositions.clear();
    if (event->button() == Qt::LeftButton)
        for (const QString& s : selectedStages())
            m_pressPositions.insert(s, m_nodes.value(s)->pos());
}

void PipelineScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_wire && m_wireFrom) {
        m_wire->setPath(EdgeItem::curve(m_wireFrom->mapToScene(m_wireFrom->outputPort(m_wirePort)), event->scenePos()));
        NodeItem* target = nodeAt(event->scenePos(), m_wireFrom);
        if (target != m_dropTarget) {
            if (m_dropTarget)
                m_dropTarget->setDropTarget(false);
            m_dropTarget = target;
            if (m_dropTarget)
                m_dropTarget->setDropTarget(true);
        }
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void PipelineScene::finishWire(QPointF scenePos)
{
    NodeItem* from = m_wireFrom;
    const int port = m_wirePort;
    if (m_dropTarget)
        m_dropTarget->setDropTarget(false);
    m_dropTarget = nullptr;
    delete m_wire;
    m_wire = nullptr;
    m_wireFrom = nullptr;
    NodeItem* target = from ? nodeAt(scenePos, from) : nullptr;
    if (!from || !target)
        return;
    if (QUndoCommand* cmd = commands::connectStages(m_model, from->name(), port, target->name()))
        m_stack->push(cmd);
    else
        Q_EMIT message(tr("'%1' reads that output of '%2' already.").arg(target->name(), from->name()));
}

void PipelineScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_wire) {
        finishWire(event->scenePos());
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || m_pressPositions.isEmpty())
        return;
    QHash<QString, QPointF> after;
    for (auto it = m_pressPositions.begin(); it != m_pressPositions.end(); ++it)
        if (NodeItem* n = m_nodes.value(it.key()))
            after.insert(it.key(), n->pos());
    QHash<QString, QPointF> before = m_pressPositions;
    m_pressPositions.clear();
    if (QUndoCommand* cmd = commands::moveNodes(m_model, before, after))
        m_stack->push(cmd);
}

void PipelineScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    if (NodeItem* node = nodeAt(event->scenePos())) {
        Q_EMIT stageActivated(node->name());
        event->accept();
        return;
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void PipelineScene::contextMenuEvent(QGraphicsSceneContextMenuEvent* event)
{
    QString stage;
    QPair<QString, QString> edge;
    if (NodeItem* node = nodeAt(event->scenePos())) {
        stage = node->name();
        if (!node->isSelected()) {
            clearSelection();
            node->setSelected(true);
        }
    } else if (EdgeItem* e = edgeAt(event->scenePos())) {
        edge = {e->from()->name(), e->to()->name()};
        clearSelection();
        e->setSelected(true);
    }
    Q_EMIT contextMenuRequested(stage, edge, event->screenPos(), event->scenePos());
    event->accept();
}

} // namespace cairn::widgets
