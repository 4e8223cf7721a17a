#include "widgets/canvas/edge_item.h"

#include "widgets/canvas/node_item.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

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

namespace {

// A lane at height y under (or over) the cards between x0 and x1: out of the port, down to the
// lane before x0, along it, and up into the port after x1.
QPainterPath lane(QPointF a, QPointF b, double y, double x0, double x1)
{
    x0 = std::max(x0, a.x() + 16);
    x1 = std::min(x1, b.x() - 16);
    QPainterPath path(a);
    const double m0 = (a.x() + x0) / 2, m1 = (x1 + b.x()) / 2;
    path.cubicTo(QPointF(m0, a.y()), QPointF(m0, y), QPointF(x0, y));
    path.lineTo(x1, y);
    path.cubicTo(QPointF(m1, y), QPointF(m1, b.y()), b);
    return path;
}

} // namespace

QPainterPath EdgeItem::route(QPointF a, QPointF b) const
{
    QPainterPath path = curve(a, b);
    if (!scene() || b.x() - a.x() < 160)
        return path;
    // An edge that skips a column would run behind the cards between (and look like it ends at
    // their ports): it goes round them, below or above, whichever is the shorter way. Where no
    // lane is clear after a few tries (a dense column), it stays the plain curve.
    QRectF blocked;
    QPainterPathStroker stroker;
    stroker.setWidth(2);
    auto blockers = [&](const QPainterPath& line) {
        const QPainterPath p = stroker.createStroke(line);  // the line itself: an open path intersects as if closed
        QRectF hit;
        for (QGraphicsItem* item : scene()->items(p.boundingRect(), Qt::IntersectsItemBoundingRect)) {
            if (item->type() != NodeItem::Type || item == m_from || item == m_to)
                continue;
            const QRectF r = item->sceneBoundingRect().adjusted(-2, -2, 2, 2);
            if (p.intersects(r))
                hit |= r;
        }
        return hit;
    };
    blocked = blockers(path);
    if (blocked.isNull())
        return path;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const double below = blocked.bottom() + 12, above = blocked.top() - 12;
        const double y = std::abs(a.y() - below) + std::abs(b.y() - below) <= std::abs(a.y() - above) + std::abs(b.y() - above) ? below : above;
        QPainterPath detour = lane(a, b, y, blocked.left(), blocked.right());
        const QRectF more = blockers(detour);
        if (more.isNull())
            return detour;
        blocked |= more;
    }
    return path;
}

void EdgeItem::adjust(bool force)
{
    const QPointF a = m_from->mapToScene(m_from->outputPort(m_output));
    const QPointF b = m_to->mapToScene(m_to->inputPort(m_input));
    if (!force && a == m_a && b == m_b && !m_path.isEmpty())
        return;
    QPainterPath path = route(a, b);
    if (a == m_a && b == m_b && path == m_path)
        return;
    prepareGeometryChange();
    m_a = a;
    m_b = b;
    m_path = path;
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
