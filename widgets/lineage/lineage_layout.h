// The lineage graph as the view draws it (docs/lineage.md): nodes (runs and artifact versions)
// with boxes in layout coordinates (points, y down) and edges as polylines or cubic Bézier
// chains. Laid out by Graphviz `dot` (toDot() in, applyPlain() back from `dot -Tplain`), or
// at once by draftLayout(), a layered layout shown while dot works and when it cannot.
#pragma once

#include "engine/store/lineage_rows.h"

#include <QByteArray>
#include <QPolygonF>
#include <QRectF>
#include <QString>

#include <memory>
#include <vector>

namespace cairn::widgets {

struct LayoutNode {
    enum class Kind { Run, Dataset, Model, File, External };
    QString id;      // a run's full id, or "name:version"
    QString label;   // the name (runs) or name:version (artifacts)
    QString detail;  // status and short id, or type and short hash
    Kind kind = Kind::File;
    QString status;  // runs: queued, running, finished, failed, killed
    QRectF rect;     // layout coordinates
    int depth = 0;   // hops from the root
    bool root = false;
    bool isRun() const { return kind == Kind::Run; }
};

struct LayoutEdge {
    int from = 0, to = 0;  // node indexes; the way data flows
    QPolygonF points;      // polyline, or with `bezier` 1 + 3k points of cubic segments
    bool bezier = false;
};

struct LineageLayout {
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
    QRectF bounds;
    QString engine;      // "Graphviz dot" or "draft"
    double seconds = 0;  // how long the layout took
    QString note;        // why a draft is shown, when it is
};
using LineageLayoutPtr = std::shared_ptr<const LineageLayout>;

// Node boxes are a fixed size, so dot only places them.
constexpr double kNodeWidth = 170;
constexpr double kNodeHeight = 40;

// Nodes and edges of the engine's graph (no positions yet); the start node is the root.
LineageLayout layoutFrom(const LineageGraph& graph, bool markRoot = true);

// The Graphviz input for the layout's nodes and edges (nodes are named n0, n1, ...). Large
// graphs get straight edges and fewer crossing-reduction passes, which keeps dot to seconds
// at 5,000 nodes instead of minutes.
QByteArray toDot(const LineageLayout& layout);
// Reads `dot -Tplain` output into the layout's node boxes and edge routes.
bool applyPlain(LineageLayout& layout, const QByteArray& plain, QString* error);
// Layers by longest path from the sources, orders each layer by its neighbours' positions
// (two sweeps), straight edges. Linear in the graph's size: instant at 5,000 nodes.
void draftLayout(LineageLayout& layout);

} // namespace cairn::widgets
