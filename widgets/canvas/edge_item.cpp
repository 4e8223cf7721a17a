#include "widgets/canvas/edge_item.h"

#include "widgets/canvas/node_item.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

namespace cairn::widgets {

EdgeItem::EdgeItem(NodeItem* from, int output, NodeItem* to, int input)
    : m_from(from), m_to(to), m_output(output), m_input(input)
{
    setFlags(ItemIsSelectable);
    setZValue(0);
    adjust();
}

QPainterPath EdgeItem::curve(QPointF a, QPointF b)
{
    QPainterPath path(a);
    const double dx = std::max(40.0, std::abs(b.x() - a.x()) * 0.5);
    path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
    return path;
}

void EdgeItem::adjust()
{
    const QPointF a = m_from->mapToScene(m_from->outputPort(m_output));
    const QPointF b = m_to->mapToScene(m_to->inputPort(m_input));
    if (a == m_a && b == m_b && !m_path.isEmpty())
        return;
    prepareGeometryChange();
    m_a = a;
    m_b = b;
    m_path = curve(a, b);
    m_bounds = m_path.boundingRect().adjusted(-4, -4, 4, 4);
}

QRectF EdgeItem::boundingRect() const { return m_bounds; }

QPainterPath EdgeItem::shape() const
{
    QPainterPathStroker s;
    s.setWidth(10);
    return s.createStroke(m_path);
}

void EdgeItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const double lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(p->worldTransform());
    const bool selected = option->state & QStyle::State_Selected;
    p->setPen(QPen(selected ? QColor(0x1f, 0x77, 0xd0) : QColor(0x7d, 0x88, 0x96), selected ? 2.5 : 1.4));
    p->setBrush(Qt::NoBrush);
    if (lod < 0.3) {
        p->setRenderHint(QPainter::Antialiasing, false);
        p->drawLine(m_a, m_b);
        return;
    }
    p->setRenderHint(QPainter::Antialiasing, lod > 0.6);
    p->drawPath(m_path);
}

} // namespace cairn::widgets
