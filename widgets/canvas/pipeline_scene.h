// The canvas scene: a NodeItem per stage entry and an EdgeItem per dependency, kept in
// step with the PipelineModel's signals (the scene never edits the model directly: a
// gesture becomes an undo command). Dragging a node moves it (one merged command per
// consecutive move); dragging from an output port to another node connects them.
#pragma once

#include <QGraphicsScene>
#include <QHash>
#include <QPair>
#include <QPointF>

class QGraphicsPathItem;
class QUndoStack;

namespace cairn::widgets {

class EdgeItem;
class NodeItem;
class PipelineModel;

class PipelineScene : public QGraphicsScene {
    Q_OBJECT
public:
    PipelineScene(PipelineModel* model, QUndoStack* stack, QObject* parent = nullptr);

    PipelineModel* model() const { return m_model; }
    QUndoStack* undoStack() const { return m_stack; }
    NodeItem* nodeItem(const QString& name) const { return m_nodes.value(name); }
    QList<NodeItem*> nodeItems() const { return m_nodes.values(); }
    const QList<EdgeItem*>& edgeItems() const { return m_edges; }
    EdgeItem* edgeItem(const QString& from, const QString& to) const;
    QStringList selectedStages() const;
    QList<QPair<QString, QString>> selectedEdges() const;
    void selectStages(const QStringList& names);
    // Delete (keyboard, menu): the selected stages and edges, as one command.
    void deleteSelection();
    // The bounding rectangle of the nodes (empty when none).
    QRectF nodesRect() const;

Q_SIGNALS:
    void stageActivated(const QString& stage);
    // Right click: on a stage (stage set), on an edge (edge set), or on the background.
    void contextMenuRequested(const QString& stage, const QPair<QString, QString>& edge, const QPoint& screenPos,
                              const QPointF& scenePos);
    // A drag from a port ended on nothing that accepts it, or the two stages are linked already.
    void message(const QString& text);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;

private:
    void sync();
    void syncPositions(const QStringList& names);
    void syncRunStates();
    // Edges that skip a column go round the cards between: again whenever cards move.
    void rerouteEdges();
    NodeItem* nodeAt(QPointF scenePos, const NodeItem* except = nullptr) const;
    EdgeItem* edgeAt(QPointF scenePos) const;
    void finishWire(QPointF scenePos);

    PipelineModel* m_model;
    QUndoStack* m_stack;
    QHash<QString, NodeItem*> m_nodes;
    QList<EdgeItem*> m_edges;
    NodeItem* m_wireFrom = nullptr;
    int m_wirePort = -1;
    QGraphicsPathItem* m_wire = nullptr;
    NodeItem* m_dropTarget = nullptr;
    QHash<QString, QPointF> m_pressPositions;
};

} // namespace cairn::widgets
