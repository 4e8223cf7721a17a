// bench_canvas: the pipeline canvas with a generated 1,000-stage pipeline (20 columns of 50
// stages, each reading one or two outputs of the column before), offscreen at 1400x900.
// Measures opening it (parse, validate, lay out, build the scene) and the paint time of pan
// and zoom frames (viewport()->repaint(), which paints synchronously into the raster backing
// store) with the whole graph in view, at 50 % and at 100 %. In the same run the same graph
// and positions are drawn the naive way (what QtNodes-style canvases do: a rectangle item,
// text items and an ellipse item per port for every node, with and without a drop shadow
// effect on each node, no level of detail): the baselines. Medians and 95th percentiles, so
// that a loaded machine's spikes show in p95 and worst, not in the typical frame.
// Usage: bench_canvas [--stages N (1000)] [--frames N (40)]
#include "engine/pipeline/entry_graph.h"
#include "widgets/canvas/node_item.h"
#include "widgets/canvas/pipeline_editor.h"
#include "widgets/canvas/pipeline_model.h"
#include "widgets/canvas/pipeline_scene.h"
#include "widgets/canvas/pipeline_view.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QGraphicsDropShadowEffect>
#include <QGraphicsEllipseItem>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QScrollBar>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <vector>

using namespace cairn;
using namespace cairn::widgets;

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

struct Frames {
    std::vector<double> ms;
    double median() const
    {
        if (ms.empty())
            return 0;
        std::vector<double> v = ms;
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    }
    double p95() const
    {
        if (ms.empty())
            return 0;
        std::vector<double> v = ms;
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, static_cast<std::size_t>(0.95 * static_cast<double>(v.size())))];
    }
    double worst() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
};

QByteArray generate(int stages)
{
    const int columns = 20;
    const int perColumn = std::max(1, stages / columns);
    QByteArray y = "stages:\n";
    for (int c = 0; c < columns; ++c)
        for (int r = 0; r < perColumn; ++r) {
            const QByteArray name = "s" + QByteArray::number(c) + "_" + QByteArray::number(r);
            y += "  " + name + ":\n    cmd: python3 step.py --column " + QByteArray::number(c) + " --row " + QByteArray::number(r) + "\n";
            if (c > 0) {
                y += "    deps: [out/s" + QByteArray::number(c - 1) + "_" + QByteArray::number(r) + ".bin";
                if (r + 1 < perColumn)
                    y += ", out/s" + QByteArray::number(c - 1) + "_" + QByteArray::number(r + 1) + ".bin";
                y += "]\n";
            }
            y += "    outs: [out/" + name + ".bin]\n";
        }
    return y;
}

// The frames of one view: pans (40 px right, then back), then zooms (5 % in and out).
void measure(QGraphicsView& view, const std::function<void(double)>& zoomBy, int frames, Frames& pan, Frames& zoom)
{
    QWidget* vp = view.viewport();
    vp->repaint();  // warm caches
    for (int i = 0; i < frames; ++i) {
        QScrollBar* h = view.horizontalScrollBar();
        h->setValue(h->value() + ((i / 10) % 2 == 0 ? 40 : -40));
        const auto t0 = Clock::now();
        vp->repaint();
        pan.ms.push_back(msSince(t0));
    }
    for (int i = 0; i < frames; ++i) {
        zoomBy(i % 2 == 0 ? 1.05 : 1 / 1.05);
        const auto t0 = Clock::now();
        vp->repaint();
        zoom.ms.push_back(msSince(t0));
    }
}

// The naive canvas: child items per part of a node, optionally a drop shadow on each node.
void buildNaive(QGraphicsScene& scene, const pipeline::EntryGraph& g, const QHash<QString, QPointF>& pos, bool shadows)
{
    QHash<QString, QPointF> outPort, inPort0;
    for (const auto& n : g.nodes) {
        const QString name = QString::fromStdString(n.name);
        const QPointF p = pos.value(name);
        const double h = canvas::nodeHeight(n);
        QPainterPath path;
        path.addRoundedRect(QRectF(0, 0, canvas::kNodeWidth, h), 6, 6);
        auto* card = new QGraphicsPathItem(path);
        card->setBrush(Qt::white);
        card->setPen(QPen(QColor(0xb4, 0xbc, 0xc8)));
        card->setPos(p);
        card->setFlags(QGraphicsItem::ItemIsMovable | QGraphicsItem::ItemIsSelectable);
        if (shadows) {
            auto* shadow = new QGraphicsDropShadowEffect;
            shadow->setBlurRadius(12);
            shadow->setOffset(2, 3);
            card->setGraphicsEffect(shadow);
        }
        scene.addItem(card);
        auto* title = new QGraphicsTextItem(name, card);
        QFont f = title->font();
        f.setBold(true);
        title->setFont(f);
        title->setPos(10, 2);
        auto* sub = new QGraphicsSimpleTextItem(QString::fromStdString(n.cmd), card);
        sub->setPos(12, 24);
        for (std::size_t i = 0; i < n.inputs.size(); ++i) {
            const double y = canvas::kHeaderHeight + static_cast<double>(i) * canvas::kPortRow + canvas::kPortRow / 2;
            auto* port = new QGraphicsEllipseItem(-5, y - 5, 10, 10, card);
            port->setBrush(QColor(0x60, 0x7d, 0x8b));
            auto* label = new QGraphicsSimpleTextItem(QString::fromStdString(n.inputs[i]), card);
            label->setPos(10, y - 8);
            if (i == 0)
                inPort0.insert(name, p + QPointF(0, y));
        }
        for (std::size_t i = 0; i < n.outputs.size(); ++i) {
            const double y = canvas::kHeaderHeight + static_cast<double>(i) * canvas::kPortRow + canvas::kPortRow / 2;
            auto* port = new QGraphicsEllipseItem(canvas::kNodeWidth - 5, y - 5, 10, 10, card);
            port->setBrush(QColor(0x2e, 0x9d, 0x4f));
            auto* label = new QGraphicsSimpleTextItem(QString::fromStdString(n.outputs[i].path), card);
            label->setPos(canvas::kNodeWidth / 2, y - 8);
            if (i == 0)
                outPort.insert(name, p + QPointF(canvas::kNodeWidth, y));
        }
    }
    for (const auto& e : g.edges) {
        const QPointF a = outPort.value(QString::fromStdString(g.nodes[static_cast<std::size_t>(e.from)].name));
        const QPointF b = inPort0.value(QString::fromStdString(g.nodes[static_cast<std::size_t>(e.to)].name));
        QPainterPath path(a);
        path.cubicTo(a + QPointF(60, 0), b - QPointF(60, 0), b);
        auto* edge = scene.addPath(path, QPen(QColor(0x7d, 0x88, 0x96), 1.4));
        edge->setZValue(-1);
    }
}

void row(const char* what, const Frames& f)
{
    std::printf("  %-44s %8.2f %8.2f %8.2f\n", what, f.median(), f.p95(), f.worst());
}

} // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int stages = 1000, frames = 40;
    for (int i = 1; i + 1 < argc; ++i) {
        if (!std::strcmp(argv[i], "--stages"))
            stages = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--frames"))
            frames = std::atoi(argv[++i]);
    }
    QTemporaryDir dir;
    {
        QFile f(dir.filePath(QStringLiteral("cairn.yaml")));
        f.open(QIODevice::WriteOnly);
        f.write("name: bench\n");
    }
    QDir().mkpath(dir.filePath(QStringLiteral("pipelines")));
    const QString file = dir.filePath(QStringLiteral("pipelines/big.yaml"));
    {
        QFile f(file);
        f.open(QIODevice::WriteOnly);
        f.write(generate(stages));
    }

    PipelineEditor editor(false);
    editor.resize(1400 + 160 + 300, 900);
    editor.show();
    QCoreApplication::processEvents();
    auto t0 = Clock::now();
    QString error;
    if (!editor.open(file, dir.path(), &error)) {
        std::fprintf(stderr, "bench_canvas: %s\n", qPrintable(error));
        return 1;
    }
    QCoreApplication::processEvents();
    const double openMs = msSince(t0);
    PipelineView* view = editor.view();
    const auto& g = editor.model()->graph();
    std::printf("bench_canvas: %zu nodes, %zu edges, view %dx%d, open (parse, validate, lay out, scene) %.0f ms\n", g.nodes.size(),
                g.edges.size(), view->viewport()->width(), view->viewport()->height(), openMs);

    struct Result {
        const char* level;
        Frames pan, zoom;
    };
    auto runLevels = [&](QGraphicsView& v, const std::function<void()>& fit, const std::function<void(double)>& setZoom,
                         const std::function<void(double)>& zoomBy) {
        std::vector<Result> out;
        for (const char* level : {"all in view", "50 %", "100 %"}) {
            if (!std::strcmp(level, "all in view"))
                fit();
            else
                setZoom(!std::strcmp(level, "50 %") ? 0.5 : 1.0);
            v.centerOn(v.sceneRect().center());
            Result r{level, {}, {}};
            measure(v, zoomBy, frames, r.pan, r.zoom);
            out.push_back(std::move(r));
        }
        return out;
    };
    auto canvasResults = runLevels(
        *view, [&] { view->fitToView(); }, [&](double z) { view->setZoom(z); }, [&](double f) { view->zoomBy(f); });

    // The baselines: the same graph and positions, drawn naively, in a view of the same size.
    auto naive = [&](bool shadows) {
        QGraphicsScene scene;
        buildNaive(scene, g, editor.model()->positions(), shadows);
        QGraphicsView v(&scene);
        v.setRenderHint(QPainter::Antialiasing);
        v.resize(view->size());
        v.show();
        QCoreApplication::processEvents();
        auto fit = [&] { v.fitInView(scene.itemsBoundingRect(), Qt::KeepAspectRatio); };
        auto setZoom = [&](double z) {
            QTransform t;
            t.scale(z, z);
            v.setTransform(t);
        };
        auto zoomBy = [&](double f) { v.scale(f, f); };
        return runLevels(v, fit, setZoom, zoomBy);
    };
    const int naiveFrames = frames;
    frames = std::max(4, naiveFrames / 4);  // shadowed frames take long
    auto shadowResults = naive(true);
    frames = naiveFrames;
    auto plainResults = naive(false);

    std::printf("\n  %-44s %8s %8s %8s\n", "frame paint time (ms)", "median", "p95", "worst");
    for (std::size_t i = 0; i < canvasResults.size(); ++i) {
        const std::string lvl = canvasResults[i].level;
        row(("canvas, pan, " + lvl).c_str(), canvasResults[i].pan);
        row(("  naive items, pan, " + lvl).c_str(), plainResults[i].pan);
        row(("  naive items + shadows, pan, " + lvl).c_str(), shadowResults[i].pan);
        row(("canvas, zoom, " + lvl).c_str(), canvasResults[i].zoom);
        row(("  naive items, zoom, " + lvl).c_str(), plainResults[i].zoom);
        row(("  naive items + shadows, zoom, " + lvl).c_str(), shadowResults[i].zoom);
    }
    double worstCanvas = 0, worstPlain = 0;
    for (std::size_t i = 0; i < canvasResults.size(); ++i) {
        worstCanvas = std::max({worstCanvas, canvasResults[i].pan.p95(), canvasResults[i].zoom.p95()});
        worstPlain = std::max({worstPlain, plainResults[i].pan.p95(), plainResults[i].zoom.p95()});
    }
    std::printf("\n  slowest p95 frame: canvas %.2f ms (16 ms budget), naive items %.2f ms (%.1fx)\n", worstCanvas, worstPlain,
                worstCanvas > 0 ? worstPlain / worstCanvas : 0);
    return 0;
}
