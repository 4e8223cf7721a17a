#include "widgets/canvas/auto_layout.h"

#include "widgets/canvas/pipeline_model.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <numeric>

namespace cairn::widgets {

namespace pl = cairn::pipeline;

QHash<QString, QPointF> layeredLayout(const pl::EntryGraph& g)
{
    const int n = static_cast<int>(g.nodes.size());
    std::vector<std::vector<int>> succ(static_cast<std::size_t>(n)), pred(static_cast<std::size_t>(n));
    for (const auto& e : g.edges) {
        auto& s = succ[static_cast<std::size_t>(e.from)];
        if (std::find(s.begin(), s.end(), e.to) == s.end()) {
            s.push_back(e.to);
            pred[static_cast<std::size_t>(e.to)].push_back(e.from);
        }
    }
    // Columns: longest path from a source (Kahn's order; nodes on a cycle keep what they got).
    std::vector<int> column(static_cast<std::size_t>(n), 0), indeg(static_cast<std::size_t>(n), 0);
    for (int v = 0; v < n; ++v)
        indeg[static_cast<std::size_t>(v)] = static_cast<int>(pred[static_cast<std::size_t>(v)].size());
    std::vector<int> queue;
    for (int v = 0; v < n; ++v)
        if (indeg[static_cast<std::size_t>(v)] == 0)
            queue.push_back(v);
    for (std::size_t qi = 0; qi < queue.size(); ++qi) {
        const int u = queue[qi];
        for (int v : succ[static_cast<std::size_t>(u)]) {
            column[static_cast<std::size_t>(v)] = std::max(column[static_cast<std::size_t>(v)], column[static_cast<std::size_t>(u)] + 1);
            if (--indeg[static_cast<std::size_t>(v)] == 0)
                queue.push_back(v);
        }
    }
    const int columns = n == 0 ? 0 : *std::max_element(column.begin(), column.end()) + 1;
    std::vector<std::vector<int>> byColumn(static_cast<std::size_t>(columns));
    for (int v = 0; v < n; ++v)
        byColumn[static_cast<std::size_t>(column[static_cast<std::size_t>(v)])].push_back(v);
    std::vector<double> row(static_cast<std::size_t>(n), 0);
    auto number = [&](const std::vector<int>& col) {
        for (std::size_t i = 0; i < col.size(); ++i)
            row[static_cast<std::size_t>(col[i])] = static_cast<double>(i);
    };
    for (const auto& col : byColumn)
        number(col);
    // Barycentre sweeps, forwards from predecessors then backwards from successors.
    auto sweep = [&](int c, const std::vector<std::vector<int>>& neighbours) {
        auto& col = byColumn[static_cast<std::size_t>(c)];
        std::vector<double> key(col.size());
        for (std::size_t i = 0; i < col.size(); ++i) {
            const auto& nb = neighbours[static_cast<std::size_t>(col[i])];
            key[i] = nb.empty() ? row[static_cast<std::size_t>(col[i])]
                                : std::accumulate(nb.begin(), nb.end(), 0.0, [&](double s, int u) { return s + row[static_cast<std::size_t>(u)]; })
                                      / static_cast<double>(nb.size());
        }
        std::vector<std::size_t> idx(col.size());
        std::iota(idx.begin(), idx.end(), 0);
        std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return key[a] < key[b]; });
        std::vector<int> sorted;
        for (std::size_t i : idx)
            sorted.push_back(col[i]);
        col = std::move(sorted);
        number(col);
    };
    for (int pass = 0; pass < 3; ++pass) {
        for (int c = 1; c < columns; ++c)
            sweep(c, pred);
        for (int c = columns - 2; c >= 0; --c)
            sweep(c, succ);
    }
    std::vector<double> heights(static_cast<std::size_t>(columns), 0);
    for (int c = 0; c < columns; ++c)
        for (int v : byColumn[static_cast<std::size_t>(c)])
            heights[static_cast<std::size_t>(c)] += canvas::nodeHeight(g.nodes[static_cast<std::size_t>(v)]) + canvas::kRowGap;
    const double tallest = heights.empty() ? 0 : *std::max_element(heights.begin(), heights.end());
    QHash<QString, QPointF> out;
    for (int c = 0; c < columns; ++c) {
        double y = (tallest - heights[static_cast<std::size_t>(c)]) / 2;
        for (int v : byColumn[static_cast<std::size_t>(c)]) {
            out.insert(QString::fromStdString(g.nodes[static_cast<std::size_t>(v)].name),
                       QPointF(c * (canvas::kNodeWidth + canvas::kColumnGap), y));
            y += canvas::nodeHeight(g.nodes[static_cast<std::size_t>(v)]) + canvas::kRowGap;
        }
    }
    return out;
}

QByteArray dotInput(const pl::EntryGraph& g)
{
    QByteArray out = "digraph pipeline {\n  rankdir=LR; nodesep=0.45; ranksep=1.3;\n  node [shape=box, fixedsize=true, label=\"\"];\n";
    for (std::size_t i = 0; i < g.nodes.size(); ++i)
        out += "  n" + QByteArray::number(static_cast<qulonglong>(i)) + " [width=" + QByteArray::number(canvas::kNodeWidth / 72.0, 'f', 3)
               + ", height=" + QByteArray::number(canvas::nodeHeight(g.nodes[i]) / 72.0, 'f', 3) + "];\n";
    for (const auto& e : g.edges)
        out += "  n" + QByteArray::number(e.from) + " -> n" + QByteArray::number(e.to) + ";\n";
    return out + "}\n";
}

QHash<QString, QPointF> parseDotPlain(const QByteArray& plain, const pl::EntryGraph& g)
{
    QHash<QString, QPointF> out;
    double graphHeight = -1;
    for (const QByteArray& line : plain.split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() >= 4 && f[0] == "graph") {
            graphHeight = f[3].toDouble();
        } else if (f.size() >= 6 && f[0] == "node" && graphHeight >= 0 && f[1].startsWith('n')) {
            bool ok = false;
            const int i = f[1].mid(1).toInt(&ok);
            if (!ok || i < 0 || i >= static_cast<int>(g.nodes.size()))
                continue;
            const double x = f[2].toDouble() * 72, y = (graphHeight - f[3].toDouble()) * 72;
            const double w = f[4].toDouble() * 72, h = f[5].toDouble() * 72;
            out.insert(QString::fromStdString(g.nodes[static_cast<std::size_t>(i)].name), QPointF(x - w / 2, y - h / 2));
        }
    }
    return out;
}

DotLayout::DotLayout(QObject* parent) : QObject(parent) {}

DotLayout::~DotLayout()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

QString DotLayout::dotExecutable() { return QStandardPaths::findExecutable(QStringLiteral("dot")); }

bool DotLayout::isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }

void DotLayout::start(const pl::EntryGraph& graph, int timeoutMs)
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->deleteLater();
        m_process = nullptr;
    }
    const QString dot = dotExecutable();
    if (dot.isEmpty()) {
        QTimer::singleShot(0, this, [this] { Q_EMIT finished({}, tr("Graphviz 'dot' is not installed.")); });
        return;
    }
    m_graph = graph;
    auto* p = new QProcess(this);
    m_process = p;
    auto* timer = new QTimer(p);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, p, [p] { p->kill(); });
    connect(p, &QProcess::finished, this, [this, p](int code, QProcess::ExitStatus status) {
        m_process = nullptr;
        p->deleteLater();
        if (status != QProcess::NormalExit || code != 0) {
            Q_EMIT finished({}, tr("'dot' failed: %1").arg(QString::fromUtf8(p->readAllStandardError()).trimmed()));
            return;
        }
        QHash<QString, QPointF> pos = parseDotPlain(p->readAllStandardOutput(), m_graph);
        if (pos.size() != static_cast<int>(m_graph.nodes.size()))
            Q_EMIT finished({}, tr("'dot' gave no positions."));
        else
            Q_EMIT finished(pos, {});
    });
    connect(p, &QProcess::errorOccurred, this, [this, p](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        m_process = nullptr;
        p->deleteLater();
        Q_EMIT finished({}, tr("Cannot start 'dot': %1").arg(p->errorString()));
    });
    p->start(dot, {QStringLiteral("-Tplain")});
    p->write(dotInput(graph));
    p->closeWriteChannel();
    timer->start(timeoutMs);
}

} // namespace cairn::widgets
