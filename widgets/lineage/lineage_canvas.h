// Draws a laid-out lineage graph and lets the user pan (drag, arrow keys), zoom (wheel, +/-,
// 0 fits), select (click) and open (double-click, Enter) nodes. Selecting a node highlights
// what it came from (upstream) and what came from it (downstream) and dims the rest.
//
// Built for thousands of nodes: a grid index finds what is on screen, so a frame costs what
// is visible rather than the graph's size; zoomed out, labels, arrowheads and curves give way
// to boxes and straight lines (level of detail). One paint routine serves the screen and the
// PNG/SVG export. tests/bench/bench_lineage_view measures it against a QGraphicsScene.
#pragma once

#include "widgets/lineage/lineage_layout.h"

#include <QStaticText>
#include <QWidget>

#include <unordered_map>
#include <vector>

namespace cairn::widgets {

class LineageCanvas : public QWidget {
    Q_OBJECT
public:
    explicit LineageCanvas(QWidget* parent = nullptr);

    void setGraph(LineageLayoutPtr layout);
    // Keeps the view (zoom and centre) and the selection when the same nodes get new positions.
    void updateLayout(LineageLayoutPtr layout);
    LineageLayoutPtr graph() const { return m_layout; }

    int selected() const { return m_selected; }
    void select(int node, bool center = false);
    // Nodes whose label or id contains `text` (case-insensitive) are marked; returns how many.
    int setSearch(const QString& text);
    const std::vector<int>& matches() const { return m_matches; }
    // Centres the view on the next search match and selects it.
    void nextMatch();

    void fit();
    void zoomBy(double factor, QPointF around);
    double scale() const { return m_scale; }
    void centerOn(QPointF layoutPoint);
    QPointF toLayout(QPointF widgetPoint) const;
    int nodeAt(QPointF widgetPoint) const;

    // Paints the part of the graph in `layoutRect` into `painter`'s device area `target`.
    void render(QPainter& painter, const QRectF& target, const QRectF& layoutRect) const;
    // The whole graph as a PNG (at most 16k pixels a side) or SVG file.
    bool exportPng(const QString& path, QString* error = nullptr) const;
    bool exportSvg(const QString& path, QString* error = nullptr) const;

    // Upstream and downstream of the selection (for tests).
    const std::vector<char>& upstreamMask() const { return m_up; }
    const std::vector<char>& downstreamMask() const { return m_down; }

Q_SIGNALS:
    void selectionChanged(int node);
    void nodeActivated(int node);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildIndex();
    void computeHighlight();
    template <typename F>
    void forCells(const QRectF& r, F&& f) const;

    LineageLayoutPtr m_layout;
    // Grid index: cell -> node and edge indexes whose boxes touch it.
    double m_cell = 400;
    std::unordered_map<long long, std::vector<int>> m_nodeCells;
    std::unordered_map<long long, std::vector<int>> m_edgeCells;
    std::vector<std::vector<int>> m_out, m_in;  // adjacency by node
    mutable std::vector<unsigned> m_seenEdge;   // paint-time de-duplication, by frame stamp
    // Labels elided to the box once, not every frame (eliding is the costly part of text).
    // Drawn as static text, whose layout is kept between frames.
    mutable std::vector<std::pair<QStaticText, QStaticText>> m_elided;
    mutable unsigned m_frame = 0;

    double m_scale = 1;
    QPointF m_offset;  // widget = layout * scale + offset
    bool m_fitPending = true;
    int m_selected = -1;
    std::vector<char> m_up, m_down;
    std::vector<int> m_matches;
    std::vector<char> m_matchMask;
    int m_matchCursor = -1;
    QPoint m_pressPos;
    QPointF m_pressOffset;
    bool m_dragging = false;
};

} // namespace cairn::widgets
