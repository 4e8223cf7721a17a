#include "widgets/lineage/lineage_layout.h"

#include <QList>

#include <algorithm>
#include <map>
#include <numeric>

namespace cairn::widgets {
namespace {

constexpr double kPointsPerInch = 72.0;

// Splits a -Tplain line into fields; "double quoted" fields may hold spaces and \" escapes.
QList<QByteArray> fields(const QByteArray& line)
{
    QList<QByteArray> out;
    int i = 0;
    const int n = line.size();
    while (i < n) {
        while (i < n && line[i] == ' ')
            ++i;
        if (i >= n)
            break;
        QByteArray f;
        if (line[i] == '"') {
            ++i;
            while (i < n && line[i] != '"') {
                if (line[i] == '\\' && i + 1 < n)
                    ++i;
                f += line[i++];
            }
            ++i;
        } else {
            while (i < n && line[i] != ' ')
                f += line[i++];
        }
        out.append(f);
    }
    return out;
}

LayoutNode::Kind kindOf(const LineageNode& n)
{
    if (n.isRun)
        return LayoutNode::Kind::Run;
    if (n.detail == "model")
        return LayoutNode::Kind::Model;
    if (n.detail == "dataset")
        return LayoutNode::Kind::Dataset;
    return LayoutNode::Kind::File;
}

} // namespace

LineageLayout layoutFrom(const LineageGraph& graph, bool markRoot)
{
    LineageLayout l;
    std::map<std::string, int> index;
    l.nodes.reserve(graph.nodes.size());
    for (const LineageNode& n : graph.nodes) {
        LayoutNode x;
        x.id = QString::fromStdString(n.id);
        x.kind = kindOf(n);
        x.depth = n.depth;
        if (n.isRun) {
            x.label = QString::fromStdString(n.name);
            x.status = QString::fromStdString(n.detail);
            x.detail = x.status + QStringLiteral(" · ") + x.id.left(8);
        } else {
            x.label = x.id;
            x.detail = QString::fromStdString(n.detail) + QStringLiteral(" · ") + QString::fromStdString(n.hash).left(10);
        }
        x.rect = QRectF(0, 0, kNodeWidth, kNodeHeight);
        index[n.id] = static_cast<int>(l.nodes.size());
        l.nodes.push_back(std::move(x));
    }
    if (markRoot && !l.nodes.empty())
        l.nodes.front().root = true;
    l.edges.reserve(graph.edges.size());
    for (const LineageEdge& e : graph.edges) {
        auto a = index.find(e.from), b = index.find(e.to);
        if (a != index.end() && b != index.end())
            l.edges.push_back({a->second, b->second, {}, false});
    }
    return l;
}

QByteArray toDot(const LineageLayout& l)
{
    const bool large = l.nodes.size() > 800;
    QByteArray dot = "digraph lineage {\n  graph [rankdir=LR, nodesep=0.25, ranksep=0.7";
    if (large)  // measured: 5,000 nodes take minutes with dot's defaults, about 10 s like this
        dot += ", splines=false, mclimit=0.05, nslimit=2, nslimit1=2, remincross=false, searchsize=10";
    dot += "];\n  node [shape=box, fixedsize=true, width=" + QByteArray::number(kNodeWidth / kPointsPerInch, 'f', 3)
           + ", height=" + QByteArray::number(kNodeHeight / kPointsPerInch, 'f', 3) + ", label=\"\"];\n";
    for (std::size_t i = 0; i < l.nodes.size(); ++i)
        dot += "  n" + QByteArray::number(static_cast<qulonglong>(i)) + ";\n";
    for (const LayoutEdge& e : l.edges)
        dot += "  n" + QByteArray::number(e.from) + " -> n" + QByteArray::number(e.to) + ";\n";
    dot += "}\n";
    return dot;
}

bool applyPlain(LineageLayout& l, const QByteArray& plain, QString* error)
{
    double height = 0;
    bool sawGraph = false;
    std::vector<bool> placed(l.nodes.size(), false);
    std::map<std::pair<int, int>, std::vector<std::size_t>> edgeIndex;
    for (std::size_t i = 0; i < l.edges.size(); ++i)
        edgeIndex[{l.edges[i].from, l.edges[i].to}].push_back(i);
    auto nodeIndex = [&](const QByteArray& name) -> int {
        if (!name.startsWith('n'))
            return -1;
        bool ok = false;
        const int i = name.mid(1).toInt(&ok);
        return ok && i >= 0 && static_cast<std::size_t>(i) < l.nodes.size() ? i : -1;
    };
    auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    for (const QByteArray& line : plain.split('\n')) {
        const QList<QByteArray> f = fields(line.trimmed());
        if (f.isEmpty())
            continue;
        if (f[0] == "graph" && f.size() >= 4) {
            height = f[3].toDouble() * kPointsPerInch;
            sawGraph = true;
            l.bounds = QRectF(0, 0, f[2].toDouble() * kPointsPerInch, height);
        } else if (f[0] == "node" && f.size() >= 6) {
            const int i = nodeIndex(f[1]);
            if (i < 0)
                return fail(QStringLiteral("dot named an unknown node '%1'").arg(QString::fromUtf8(f[1])));
            const double cx = f[2].toDouble() * kPointsPerInch, cy = height - f[3].toDouble() * kPointsPerInch;
            const double w = f[4].toDouble() * kPointsPerInch, h = f[5].toDouble() * kPointsPerInch;
            l.nodes[static_cast<std::size_t>(i)].rect = QRectF(cx - w / 2, cy - h / 2, w, h);
            placed[static_cast<std::size_t>(i)] = true;
        } else if (f[0] == "edge" && f.size() >= 4) {
            const int a = nodeIndex(f[1]), b = nodeIndex(f[2]);
            const int n = f[3].toInt();
            if (a < 0 || b < 0 || n < 2 || f.size() < 4 + 2 * n)
                return fail(QStringLiteral("dot wrote an edge line it should not: %1").arg(QString::fromUtf8(line.left(80))));
            auto it = edgeIndex.find({a, b});
            if (it == edgeIndex.end() || it->second.empty())
                continue;
            LayoutEdge& e = l.edges[it->second.back()];
            it->second.pop_back();
            QPolygonF pts;
            for (int k = 0; k < n; ++k)
                pts << QPointF(f[4 + 2 * k].toDouble() * kPointsPerInch, height - f[5 + 2 * k].toDouble() * kPointsPerInch);
            e.points = pts;
            e.bezier = n >= 4 && (n - 1) % 3 == 0;
        }
    }
    if (!sawGraph)
        return fail(QStringLiteral("dot's output has no 'graph' line"));
    if (std::find(placed.begin(), placed.end(), false) != placed.end())
        return fail(QStringLiteral("dot left nodes out of its output"));
    for (LayoutEdge& e : l.edges)
        if (e.points.isEmpty()) {  // dot drew no route (e.g. a self loop): a straight line
            e.points << l.nodes[static_cast<std::size_t>(e.from)].rect.center() << l.nodes[static_cast<std::size_t>(e.to)].rect.center();
            e.bezier = false;
        }
    l.engine = QStringLiteral("Graphviz dot");
    return true;
}

void draftLayout(LineageLayout& l)
{
    const std::size_t n = l.nodes.size();
    std::vector<std::vector<int>> out(n), in(n);
    for (const LayoutEdge& e : l.edges) {
        if (e.from == e.to)
            continue;
        out[static_cast<std::size_t>(e.from)].push_back(e.to);
        in[static_cast<std::size_t>(e.to)].push_back(e.from);
    }
    // Longest-path layers over a depth-first order that ignores back edges (cycles happen:
    // a run may write back what it read).
    std::vector<int> layer(n, 0), state(n, 0), order;
    order.reserve(n);
    for (std::size_t s = 0; s < n; ++s) {
        if (state[s])
            continue;
        std::vector<std::pair<int, std::size_t>> stack{{static_cast<int>(s), 0}};
        state[s] = 1;
        while (!stack.empty()) {
            auto& [v, next] = stack.back();
            const auto& succ = out[static_cast<std::size_t>(v)];
            if (next < succ.size()) {
                const int w = succ[next++];
                if (!state[static_cast<std::size_t>(w)]) {
                    state[static_cast<std::size_t>(w)] = 1;
                    stack.push_back({w, 0});
                }
                continue;
            }
            state[static_cast<std::size_t>(v)] = 2;
            order.push_back(v);
            stack.pop_back();
        }
    }
    std::reverse(order.begin(), order.end());  // a topological order of the DAG without back edges
    std::vector<int> position(n, 0);
    for (std::size_t i = 0; i < order.size(); ++i)
        position[static_cast<std::size_t>(order[i])] = static_cast<int>(i);
    for (int v : order)
        for (int w : out[static_cast<std::size_t>(v)])
            if (position[static_cast<std::size_t>(w)] > position[static_cast<std::size_t>(v)])
                layer[static_cast<std::size_t>(w)] = std::max(layer[static_cast<std::size_t>(w)], layer[static_cast<std::size_t>(v)] + 1);
    const int layers = n ? *std::max_element(layer.begin(), layer.end()) + 1 : 0;
    std::vector<std::vector<int>> byLayer(static_cast<std::size_t>(layers));
    for (int v : order)
        byLayer[static_cast<std::size_t>(layer[static_cast<std::size_t>(v)])].push_back(v);
    std::vector<double> rank(n, 0);
    auto renumber = [&](std::vector<int>& nodes) {
        for (std::size_t i = 0; i < nodes.size(); ++i)
            rank[static_cast<std::size_t>(nodes[i])] = static_cast<double>(i);
    };
    for (auto& L : byLayer)
        renumber(L);
    // Barycenter sweeps: down by predecessors, then up by successors.
    auto sweep = [&](bool down) {
        for (int k = 0; k < layers; ++k) {
            auto& L = byLayer[static_cast<std::size_t>(down ? k : layers - 1 - k)];
            std::vector<double> key(L.size());
            for (std::size_t i = 0; i < L.size(); ++i) {
                const auto& nb = down ? in[static_cast<std::size_t>(L[i])] : out[static_cast<std::size_t>(L[i])];
                if (nb.empty()) {
                    key[i] = rank[static_cast<std::size_t>(L[i])];
                    continue;
                }
                double sum = 0;
                for (int w : nb)
                    sum += rank[static_cast<std::size_t>(w)];
                key[i] = sum / static_cast<double>(nb.size());
            }
            std::vector<std::size_t> idx(L.size());
            std::iota(idx.begin(), idx.end(), 0);
            std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return key[a] < key[b]; });
            std::vector<int> sorted;
            sorted.reserve(L.size());
            for (std::size_t i : idx)
                sorted.push_back(L[i]);
            L = std::move(sorted);
            renumber(L);
        }
    };
    sweep(true);
    sweep(false);
    sweep(true);
    constexpr double kGapX = 60, kGapY = 18;
    std::size_t widest = 0;
    for (const auto& L : byLayer)
        widest = std::max(widest, L.size());
    const double fullHeight = static_cast<double>(widest) * (kNodeHeight + kGapY);
    for (int k = 0; k < layers; ++k) {
        const auto& L = byLayer[static_cast<std::size_t>(k)];
        const double offset = (fullHeight - static_cast<double>(L.size()) * (kNodeHeight + kGapY)) / 2;
        for (std::size_t i = 0; i < L.size(); ++i)
            l.nodes[static_cast<std::size_t>(L[i])].rect =
                QRectF(k * (kNodeWidth + kGapX), offset + static_cast<double>(i) * (kNodeHeight + kGapY), kNodeWidth, kNodeHeight);
    }
    for (LayoutEdge& e : l.edges) {
        const QRectF& a = l.nodes[static_cast<std::size_t>(e.from)].rect;
        const QRectF& b = l.nodes[static_cast<std::size_t>(e.to)].rect;
        e.points = QPolygonF{QPointF(a.right(), a.center().y()), QPointF(b.left(), b.center().y())};
        e.bezier = false;
    }
    l.bounds = QRectF(0, 0, std::max(0, layers) * (kNodeWidth + kGapX), fullHeight);
    l.engine = QStringLiteral("draft");
}

} // namespace cairn::widgets
