#include "widgets/lineage/lineage_canvas.h"

#include <QFileInfo>
#include <QImage>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <QSvgGenerator>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <deque>

namespace cairn::widgets {
namespace {

enum State { Normal = 0, Selected, Upstream, Downstream, Dimmed, StateCount };
constexpr int kKinds = 5;

QColor fillOf(LayoutNode::Kind k)
{
    switch (k) {
    case LayoutNode::Kind::Run: return QColor(0xe8, 0xee, 0xf7);
    case LayoutNode::Kind::Dataset: return QColor(0xdf, 0xf2, 0xe4);
    case LayoutNode::Kind::Model: return QColor(0xfb, 0xe6, 0xcf);
    case LayoutNode::Kind::File: return QColor(0xee, 0xee, 0xee);
    case LayoutNode::Kind::External: return QColor(0xec, 0xe4, 0xf6);
    }
    return Qt::white;
}

QColor statusColor(const QString& status)
{
    if (status == QLatin1String("failed"))
        return QColor(0xc6, 0x28, 0x28);
    if (status == QLatin1String("running"))
        return QColor(0x15, 0x65, 0xc0);
    if (status == QLatin1String("killed"))
        return QColor(0x8d, 0x6e, 0x63);
    if (status == QLatin1String("queued"))
        return QColor(0x9e, 0x9e, 0x9e);
    return QColor(0x2e, 0x7d, 0x32);
}

const QColor kUp(0xe6, 0x51, 0x00);    // what the selection came from
const QColor kDown(0x00, 0x83, 0x8f);  // what came from it
const QColor kEdge(0x78, 0x78, 0x78);

long long cellKey(int x, int y) { return (static_cast<long long>(x) << 32) ^ static_cast<unsigned>(y); }

} // namespace

LineageCanvas::LineageCanvas(QWidget* parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
}

void LineageCanvas::setGraph(LineageLayoutPtr layout)
{
    m_layout = std::move(layout);
    m_selected = -1;
    m_matches.clear();
    m_matchCursor = -1;
    buildIndex();
    computeHighlight();
    m_fitPending = true;
    fit();
    update();
}

void LineageCanvas::updateLayout(LineageLayoutPtr layout)
{
    const bool same = m_layout && layout && m_layout->nodes.size() == layout->nodes.size();
    const int selected = m_selected;
    m_layout = std::move(layout);
    buildIndex();
    m_matchMask.assign(m_layout ? m_layout->nodes.size() : 0, 0);
    for (int i : m_matches)
        if (static_cast<std::size_t>(i) < m_matchMask.size())
            m_matchMask[static_cast<std::size_t>(i)] = 1;
    m_selected = same ? selected : -1;
    computeHighlight();
    fit();  // the new positions differ everywhere: show them whole again
    update();
}

void LineageCanvas::buildIndex()
{
    m_elided.clear();
    m_nodeCells.clear();
    m_edgeCells.clear();
    m_out.clear();
    m_in.clear();
    if (!m_layout)
        return;
    const auto& nodes = m_layout->nodes;
    m_out.assign(nodes.size(), {});
    m_in.assign(nodes.size(), {});
    for (std::size_t i = 0; i < nodes.size(); ++i)
        forCells(nodes[i].rect, [&](long long key) { m_nodeCells[key].push_back(static_cast<int>(i)); });
    for (std::size_t i = 0; i < m_layout->edges.size(); ++i) {
        const LayoutEdge& e = m_layout->edges[i];
        m_out[static_cast<std::size_t>(e.from)].push_back(e.to);
        m_in[static_cast<std::size_t>(e.to)].push_back(e.from);
        // Along the route, not over its bounding box: a long diagonal edge would otherwise sit in
        // thousands of cells it never crosses.
        std::vector<long long> cells;
        for (int k = 0; k + 1 < e.points.size(); ++k) {
            const QPointF a = e.points[k], b = e.points[k + 1];
            const QRectF box = QRectF(a, b).normalized().adjusted(-1, -1, 1, 1);
            if (box.width() <= 2 * m_cell && box.height() <= 2 * m_cell) {
                forCells(box, [&](long long key) { cells.push_back(key); });
                continue;
            }
            const double len = QLineF(a, b).length();
            const int steps = static_cast<int>(std::ceil(len / (m_cell / 4)));
            for (int t = 0; t <= steps; ++t) {
                const QPointF q = a + (b - a) * (static_cast<double>(t) / steps);
                forCells(QRectF(q, QSizeF(0, 0)).adjusted(-1, -1, 1, 1), [&](long long key) { cells.push_back(key); });
            }
        }
        std::sort(cells.begin(), cells.end());
        cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
        for (long long key : cells)
            m_edgeCells[key].push_back(static_cast<int>(i));
    }
    m_seenEdge.assign(m_layout->edges.size(), 0);
}

template <typename F>
void LineageCanvas::forCells(const QRectF& r, F&& f) const
{
    const int x0 = static_cast<int>(std::floor(r.left() / m_cell)), x1 = static_cast<int>(std::floor(r.right() / m_cell));
    const int y0 = static_cast<int>(std::floor(r.top() / m_cell)), y1 = static_cast<int>(std::floor(r.bottom() / m_cell));
    for (int x = x0; x <= x1; ++x)
        for (int y = y0; y <= y1; ++y)
            f(cellKey(x, y));
}

void LineageCanvas::computeHighlight()
{
    const std::size_t n = m_layout ? m_layout->nodes.size() : 0;
    m_up.assign(n, 0);
    m_down.assign(n, 0);
    if (m_selected < 0 || static_cast<std::size_t>(m_selected) >= n)
        return;
    auto walk = [&](const std::vector<std::vector<int>>& next, std::vector<char>& mask) {
        std::deque<int> queue{m_selected};
        while (!queue.empty()) {
            const int v = queue.front();
            queue.pop_front();
            for (int w : next[static_cast<std::size_t>(v)])
                if (!mask[static_cast<std::size_t>(w)] && w != m_selected) {
                    mask[static_cast<std::size_t>(w)] = 1;
                    queue.push_back(w);
                }
        }
    };
    walk(m_in, m_up);
    walk(m_out, m_down);
}

void LineageCanvas::select(int node, bool center)
{
    if (!m_layout || node >= static_cast<int>(m_layout->nodes.size()))
        node = -1;
    m_selected = node;
    computeHighlight();
    if (center && node >= 0)
        centerOn(m_layout->nodes[static_cast<std::size_t>(node)].rect.center());
    update();
    Q_EMIT selectionChanged(node);
}

int LineageCanvas::setSearch(const QString& text)
{
    m_matches.clear();
    m_matchCursor = -1;
    const std::size_t n = m_layout ? m_layout->nodes.size() : 0;
    m_matchMask.assign(n, 0);
    const QString t = text.trimmed();
    if (!t.isEmpty())
        for (std::size_t i = 0; i < n; ++i) {
            const LayoutNode& node = m_layout->nodes[i];
            if (node.label.contains(t, Qt::CaseInsensitive) || node.id.startsWith(t, Qt::CaseInsensitive)) {
                m_matches.push_back(static_cast<int>(i));
                m_matchMask[i] = 1;
            }
        }
    update();
    return static_cast<int>(m_matches.size());
}

void LineageCanvas::nextMatch()
{
    if (m_matches.empty())
        return;
    m_matchCursor = (m_matchCursor + 1) % static_cast<int>(m_matches.size());
    const int node = m_matches[static_cast<std::size_t>(m_matchCursor)];
    if (m_scale < 0.8) {  // close enough to read the labels
        const QPointF c = m_layout->nodes[static_cast<std::size_t>(node)].rect.center();
        m_scale = 1.0;
        centerOn(c);
    }
    select(node, true);
}

void LineageCanvas::fit()
{
    if (!m_layout || m_layout->nodes.empty() || width() <= 0 || height() <= 0)
        return;
    const QRectF b = m_layout->bounds.isValid() ? m_layout->bounds.adjusted(-20, -20, 20, 20) : QRectF(0, 0, 100, 100);
    m_scale = std::clamp(std::min(width() / b.width(), height() / b.height()), 0.005, 1.25);
    m_offset = QPointF(width() / 2.0 - b.center().x() * m_scale, height() / 2.0 - b.center().y() * m_scale);
    m_fitPending = false;
    update();
}

void LineageCanvas::zoomBy(double factor, QPointF around)
{
    const QPointF at = toLayout(around);
    m_scale = std::clamp(m_scale * factor, 0.005, 4.0);
    m_offset = around - at * m_scale;
    update();
}

void LineageCanvas::centerOn(QPointF p)
{
    m_offset = QPointF(width() / 2.0, height() / 2.0) - p * m_scale;
    update();
}

QPointF LineageCanvas::toLayout(QPointF w) const { return (w - m_offset) / m_scale; }

int LineageCanvas::nodeAt(QPointF w) const
{
    if (!m_layout)
        return -1;
    const QPointF p = toLayout(w);
    const int x = static_cast<int>(std::floor(p.x() / m_cell)), y = static_cast<int>(std::floor(p.y() / m_cell));
    auto it = m_nodeCells.find(cellKey(x, y));
    if (it == m_nodeCells.end())
        return -1;
    for (int i : it->second)
        if (m_layout->nodes[static_cast<std::size_t>(i)].rect.contains(p))
            return i;
    return -1;
}

void LineageCanvas::render(QPainter& p, const QRectF& target, const QRectF& lr) const
{
    if (!m_layout || lr.isEmpty())
        return;
    const auto& nodes = m_layout->nodes;
    const auto& edges = m_layout->edges;
    const double s = target.width() / lr.width();
    p.save();
    p.setClipRect(target);
    p.translate(target.topLeft());
    p.scale(s, s);
    p.translate(-lr.topLeft());
    const bool detailed = s >= 0.45;  // labels readable (11 pt -> 5 px and more)
    const bool anySelection = m_selected >= 0;
    auto stateOf = [&](int i) -> int {
        if (i == m_selected)
            return Selected;
        if (!anySelection)
            return Normal;
        if (m_up[static_cast<std::size_t>(i)])
            return Upstream;
        if (m_down[static_cast<std::size_t>(i)])
            return Downstream;
        return Dimmed;
    };

    // What is in view, from the grid.
    ++m_frame;
    if (m_frame == 0) {
        std::fill(m_seenEdge.begin(), m_seenEdge.end(), 0);
        m_frame = 1;
    }
    std::vector<int> visibleEdges, visibleNodes;
    std::vector<char> nodeSeen;
    const bool all = lr.contains(m_layout->bounds);
    if (all) {
        visibleEdges.resize(edges.size());
        for (std::size_t i = 0; i < edges.size(); ++i)
            visibleEdges[i] = static_cast<int>(i);
        visibleNodes.resize(nodes.size());
        for (std::size_t i = 0; i < nodes.size(); ++i)
            visibleNodes[i] = static_cast<int>(i);
    } else {
        nodeSeen.assign(nodes.size(), 0);
        forCells(lr, [&](long long key) {
            if (auto it = m_edgeCells.find(key); it != m_edgeCells.end())
                for (int e : it->second)
                    if (m_seenEdge[static_cast<std::size_t>(e)] != m_frame) {
                        m_seenEdge[static_cast<std::size_t>(e)] = m_frame;
                        visibleEdges.push_back(e);
                    }
            if (auto it = m_nodeCells.find(key); it != m_nodeCells.end())
                for (int v : it->second)
                    if (!nodeSeen[static_cast<std::size_t>(v)]) {
                        nodeSeen[static_cast<std::size_t>(v)] = 1;
                        if (nodes[static_cast<std::size_t>(v)].rect.intersects(lr))
                            visibleNodes.push_back(v);
                    }
        });
    }

    // Edges: batched by highlight, straight when zoomed out.
    std::vector<QLineF> lines[3];  // normal, upstream, downstream
    QPainterPath paths[3];  // one path a class: one stroke for all its curves
    std::vector<std::pair<QPointF, QPointF>> heads[3];
    auto edgeClass = [&](const LayoutEdge& e) {
        const int a = stateOf(e.from), b = stateOf(e.to);
        if ((a == Upstream || a == Selected) && (b == Upstream || b == Selected) && (a == Upstream || b == Upstream || m_selected == e.to))
            return 1;
        if ((a == Downstream || a == Selected) && (b == Downstream || b == Selected))
            return 2;
        return 0;
    };
    for (int i : visibleEdges) {
        const LayoutEdge& e = edges[static_cast<std::size_t>(i)];
        if (e.points.size() < 2)
            continue;
        const int c = anySelection ? edgeClass(e) : 0;
        if (detailed && e.bezier) {
            QPainterPath& path = paths[c];
            path.moveTo(e.points[0]);
            for (int k = 1; k + 2 < e.points.size(); k += 3)
                path.cubicTo(e.points[k], e.points[k + 1], e.points[k + 2]);
        } else if (detailed) {
            for (int k = 0; k + 1 < e.points.size(); ++k)
                lines[c].emplace_back(e.points[k], e.points[k + 1]);
        } else {
            lines[c].emplace_back(e.points.front(), e.points.back());
        }
        if (detailed)
            heads[c].push_back({e.points[e.points.size() - 2], e.points.back()});
    }
    const QColor edgeColors[3] = {anySelection ? QColor(0xc8, 0xc8, 0xc8) : kEdge, kUp, kDown};
    p.setBrush(Qt::NoBrush);
    for (int c = 0; c < 3; ++c) {
        QPen pen(edgeColors[c], c == 0 ? 1.0 : 2.0);
        pen.setCosmetic(true);
        p.setPen(pen);
        if (!lines[c].empty())
            p.drawLines(lines[c].data(), static_cast<int>(lines[c].size()));
        if (!paths[c].isEmpty())
            p.drawPath(paths[c]);
        if (!heads[c].empty()) {
            QPainterPath arrows;  // every arrowhead of the class, filled at once
            for (const auto& [from, to] : heads[c]) {
                const QLineF l(to, from);
                if (l.length() < 0.01)
                    continue;
                const QPointF u = (from - to) / l.length() * 8.0;
                const QPointF nrm(-u.y() * 0.45, u.x() * 0.45);
                arrows.moveTo(to);
                arrows.lineTo(to + u + nrm);
                arrows.lineTo(to + u - nrm);
                arrows.closeSubpath();
            }
            p.fillPath(arrows, edgeColors[c]);
        }
    }

    // Nodes: boxes batched by kind and state; labels when they can be read.
    std::vector<QRectF> boxes[kKinds][StateCount];
    for (int i : visibleNodes)
        boxes[static_cast<int>(nodes[static_cast<std::size_t>(i)].kind)][stateOf(i)].push_back(nodes[static_cast<std::size_t>(i)].rect);
    for (int k = 0; k < kKinds; ++k)
        for (int st = 0; st < StateCount; ++st) {
            auto& list = boxes[k][st];
            if (list.empty())
                continue;
            QColor fill = fillOf(static_cast<LayoutNode::Kind>(k));
            QColor line = QColor(0x60, 0x60, 0x60);
            double width = 1.0;
            if (st == Selected) {
                line = Qt::black;
                width = 3.0;
            } else if (st == Upstream) {
                line = kUp;
                width = 2.0;
            } else if (st == Downstream) {
                line = kDown;
                width = 2.0;
            } else if (st == Dimmed) {  // faded towards white, opaque: blending every box costs a frame dearly
                fill = QColor((fill.red() + 3 * 255) / 4, (fill.green() + 3 * 255) / 4, (fill.blue() + 3 * 255) / 4);
                line = QColor(0xcc, 0xcc, 0xcc);
            }
            QPen pen(line, width);
            pen.setCosmetic(true);
            if (static_cast<LayoutNode::Kind>(k) == LayoutNode::Kind::External)
                pen.setStyle(Qt::DashLine);
            p.setPen(pen);
            p.setBrush(fill);
            if (detailed && visibleNodes.size() <= 400 && static_cast<LayoutNode::Kind>(k) == LayoutNode::Kind::Run)
                for (const QRectF& r : list)
                    p.drawRoundedRect(r, 9, 9);
            else
                p.drawRects(list.data(), static_cast<int>(list.size()));
        }
    if (!m_matches.empty()) {
        QPen pen(QColor(0xff, 0xc1, 0x07), 4.0);
        pen.setCosmetic(true);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        for (int i : visibleNodes)
            if (m_matchMask[static_cast<std::size_t>(i)])
                p.drawRect(nodes[static_cast<std::size_t>(i)].rect.adjusted(-3, -3, 3, 3));
    }
    if (detailed) {
        QFont title = font();
        title.setPointSizeF(9.5);
        title.setBold(true);
        QFont small = font();
        small.setPointSizeF(8);
        const bool withDetail = s >= 0.7;  // the second line once it can be read too
        if (m_elided.size() != nodes.size()) {
            const QFontMetricsF fmTitle(title), fmSmall(small);
            m_elided.resize(nodes.size());
            for (std::size_t i = 0; i < nodes.size(); ++i) {
                const double w = nodes[i].rect.width() - 16;
                QStaticText a(fmTitle.elidedText(nodes[i].label, Qt::ElideMiddle, w)), b(fmSmall.elidedText(nodes[i].detail, Qt::ElideRight, w));
                a.setTextFormat(Qt::PlainText);
                b.setTextFormat(Qt::PlainText);
                a.setPerformanceHint(QStaticText::AggressiveCaching);
                b.setPerformanceHint(QStaticText::AggressiveCaching);
                m_elided[i] = {a, b};
            }
        }
        for (int i : visibleNodes) {
            const LayoutNode& n = nodes[static_cast<std::size_t>(i)];
            const bool dim = stateOf(i) == Dimmed;
            const QRectF r = n.rect.adjusted(8, 3, -8, -3);
            if (n.isRun()) {  // a status stripe on the left
                p.setPen(Qt::NoPen);
                QColor c = statusColor(n.status);
                if (dim)
                    c = QColor((c.red() + 2 * 255) / 3, (c.green() + 2 * 255) / 3, (c.blue() + 2 * 255) / 3);
                p.setBrush(c);
                p.drawRect(QRectF(n.rect.left() + 1, n.rect.top() + 7, 4, n.rect.height() - 14));
            }
            p.setPen(dim ? QColor(0xa0, 0xa0, 0xa0) : QColor(0x20, 0x20, 0x20));
            p.setFont(title);
            p.drawStaticText(QPointF(r.left(), r.top() + 1), m_elided[static_cast<std::size_t>(i)].first);
            if (withDetail) {
                p.setFont(small);
                p.setPen(dim ? QColor(0xb8, 0xb8, 0xb8) : QColor(0x55, 0x55, 0x55));
                p.drawStaticText(QPointF(r.left(), r.center().y() + 1), m_elided[static_cast<std::size_t>(i)].second);
            }
        }
    }
    p.restore();
}

void LineageCanvas::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (!m_layout || m_layout->nodes.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No lineage to show yet: runs record what they read and wrote with --input/--output"));
        return;
    }
    if (m_fitPending)
        fit();
    p.setRenderHint(QPainter::Antialiasing, m_scale >= 0.45);
    const QRectF layoutRect(toLayout(QPointF(0, 0)), toLayout(QPointF(width(), height())));
    render(p, QRectF(rect()), layoutRect);
}

void LineageCanvas::mousePressEvent(QMouseEvent* e)
{
    if (e->button() == Qt::LeftButton || e->button() == Qt::MiddleButton) {
        m_pressPos = e->pos();
        m_pressOffset = m_offset;
        m_dragging = false;
        setFocus();
    }
}

void LineageCanvas::mouseMoveEvent(QMouseEvent* e)
{
    if (!(e->buttons() & (Qt::LeftButton | Qt::MiddleButton)))
        return;
    if (!m_dragging && (e->pos() - m_pressPos).manhattanLength() < 4)
        return;
    m_dragging = true;
    setCursor(Qt::ClosedHandCursor);
    m_offset = m_pressOffset + QPointF(e->pos() - m_pressPos);
    update();
}

void LineageCanvas::mouseReleaseEvent(QMouseEvent* e)
{
    unsetCursor();
    if (e->button() == Qt::LeftButton && !m_dragging)
        select(nodeAt(e->position()));
    m_dragging = false;
}

void LineageCanvas::mouseDoubleClickEvent(QMouseEvent* e)
{
    const int node = nodeAt(e->position());
    if (node >= 0) {
        select(node);
        Q_EMIT nodeActivated(node);
    }
}

void LineageCanvas::wheelEvent(QWheelEvent* e)
{
    const double steps = e->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(1.2, steps), e->position());
    e->accept();
}

void LineageCanvas::keyPressEvent(QKeyEvent* e)
{
    const QPointF mid(width() / 2.0, height() / 2.0);
    switch (e->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(1.25, mid); break;
    case Qt::Key_Minus: zoomBy(0.8, mid); break;
    case Qt::Key_0: fit(); break;
    case Qt::Key_Left: m_offset.rx() += 60; update(); break;
    case Qt::Key_Right: m_offset.rx() -= 60; update(); break;
    case Qt::Key_Up: m_offset.ry() += 60; update(); break;
    case Qt::Key_Down: m_offset.ry() -= 60; update(); break;
    case Qt::Key_Escape: select(-1); break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selected >= 0)
            Q_EMIT nodeActivated(m_selected);
        break;
    default: QWidget::keyPressEvent(e); return;
    }
}

void LineageCanvas::resizeEvent(QResizeEvent* e)
{
    QWidget::resizeEvent(e);
    if (m_fitPending)
        fit();
}

bool LineageCanvas::exportPng(const QString& path, QString* error) const
{
    if (!m_layout || m_layout->nodes.empty()) {
        if (error)
            *error = tr("There is no graph to export.");
        return false;
    }
    const QRectF b = m_layout->bounds.adjusted(-20, -20, 20, 20);
    const double s = std::min({2.0, 16000.0 / b.width(), 16000.0 / b.height()});
    QImage image(QSize(std::max(1, static_cast<int>(b.width() * s)), std::max(1, static_cast<int>(b.height() * s))),
                 QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        if (error)
            *error = tr("The graph is too large for an image; export SVG instead.");
        return false;
    }
    image.fill(Qt::white);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        render(p, QRectF(QPointF(0, 0), QSizeF(image.size())), b);
    }
    if (!image.save(path, "PNG")) {
        if (error)
            *error = tr("Cannot write %1.").arg(path);
        return false;
    }
    return true;
}

bool LineageCanvas::exportSvg(const QString& path, QString* error) const
{
    if (!m_layout || m_layout->nodes.empty()) {
        if (error)
            *error = tr("There is no graph to export.");
        return false;
    }
    const QRectF b = m_layout->bounds.adjusted(-20, -20, 20, 20);
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(b.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), b.size()));
    svg.setTitle(tr("Cairn lineage"));
    QPainter p;
    if (!p.begin(&svg)) {
        if (error)
            *error = tr("Cannot write %1.").arg(path);
        return false;
    }
    p.fillRect(QRectF(QPointF(0, 0), b.size()), Qt::white);
    render(p, QRectF(QPointF(0, 0), b.size()), b);
    p.end();
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0) {
        if (error)
            *error = tr("Cannot write %1.").arg(path);
        return false;
    }
    return true;
}

} // namespace cairn::widgets
