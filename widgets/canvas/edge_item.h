// A dependency on the canvas: a curve from an output port of one node to the input port of
// another that reads it. Selectable (Delete disconnects).
#pragma once

#include <QGraphicsItem>
#include <QPainterPath>

namespace cairn::widgets {

class NodeItem;

class EdgeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };
    EdgeItem(NodeItem* from, int output, NodeItem* to, int input);

    int type() const override { return Type; }
    NodeItem* from() const { return m_from; }
    NodeItem* to() const { return m_to; }
    int output() const { return m_output; }
    int input() const { return m_input; }
    // The nodes moved: recompute the curve (`force`: also when its ends stayed, because other
    // cards moved into or out of its way).
    void adjust(bool force = false);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    // The curve between two scene points, as edges and the wire being dragged draw it.
    static QPainterPath curve(QPointF a, QPointF b);

private:
    QPainterPath route(QPointF a, QPointF b) const;
    NodeItem* m_from;
    NodeItem* m_to;
    int m_output, m_input;
    QPointF m_a, m_b;
    QPainterPath m_path;
    QRectF m_bounds;
};

} // namespace cairn::widgets
