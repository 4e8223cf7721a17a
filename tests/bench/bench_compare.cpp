// The compare view at scale: R runs x N points of one metric in a real project database.
// Cairn's path (level-of-detail reads + CompareChart) against a same-run naive baseline: every
// point into one QLineSeries per run in a Qt Charts QChartView.
//   bench_compare [--runs 100] [--points 1000000] [--baseline-runs R]
#include "engine/store/store.h"
#include "widgets/charts/compare_chart.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QWheelEvent>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace cairn;

static double ms(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

static double rssMb()
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    return 0;
}

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int runs = 100, baselineRuns = -1;
    long points = 1000000;
    for (int i = 1; i + 1 < argc; ++i) {
        std::string a = argv[i];
        if (a == "--runs")
            runs = std::atoi(argv[++i]);
        else if (a == "--points")
            points = std::atol(argv[++i]);
        else if (a == "--baseline-runs")
            baselineRuns = std::atoi(argv[++i]);
    }
    if (baselineRuns < 0)
        baselineRuns = runs;
    fs::path dir = fs::temp_directory_path() / ("cairn-bench-compare-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path db = dir / "cairn.db";

    std::vector<std::string> ids;
    {
        auto store = Store::open(db, Store::Mode::ReadWrite);
        if (!store)
            return 1;
        auto t0 = Clock::now();
        for (int r = 0; r < runs; ++r) {
            Run run;
            run.name = "run-" + std::to_string(r);
            run.experiment = "bench";
            run.status = RunStatus::Finished;
            if (!(*store)->createRun(run))
                return 1;
            ids.push_back(run.id);
            std::vector<MetricPoint> chunk;
            for (long i = 0; i < points; ++i) {
                double v = (1.0 + r * 0.01) * std::exp(-3.0 * double(i) / double(points)) + 0.01 * std::sin(double(i) * 0.37);
                if (r == 42 % runs && i == points * 7 / 10)
                    v = 40;  // the spike that must stay visible
                chunk.push_back({"loss", i, 1700000000000 + i, v});
                if (chunk.size() == 65536 || i + 1 == points) {
                    if (!(*store)->appendMetrics(run.id, chunk))
                        return 1;
                    chunk.clear();
                }
            }
        }
        std::printf("built %d runs x %ld points in %.1f s (%.0f MB on disk)\n", runs, points, ms(t0, Clock::now()) / 1000,
                    double(fs::file_size(db)) / 1e6);
    }

    const double rss0 = rssMb();
    // --- Cairn: open -> level-of-detail reads -> first paint --------------------------------
    widgets::CompareChart chart("loss");
    chart.resize(1200, 500);
    chart.show();
    auto t0 = Clock::now();
    auto store = Store::open(db, Store::Mode::ReadOnly);
    std::vector<widgets::CompareSeries> series;
    for (int r = 0; r < runs; ++r) {
        auto view = (*store)->metricView(ids[std::size_t(r)], "loss", std::nullopt, 1200);
        widgets::CompareSeries s;
        s.runId = QString::fromStdString(ids[std::size_t(r)]);
        s.label = QString("run-%1").arg(r);
        s.color = widgets::seriesColor(r);
        s.points = std::move(view->points);
        s.storedCount = view->storedCount;
        s.reduced = view->reduced;
        series.push_back(std::move(s));
    }
    auto tRead = Clock::now();
    chart.setSeries(std::move(series));
    chart.grab();  // paints through paintEvent, as a frame on screen would
    auto tPaint = Clock::now();
    const double firstPaint = ms(t0, tPaint);

    // --- Pan/zoom frames: 20 wheel notches and 20 drag moves, each painted synchronously ------
    std::vector<double> frames;
    for (int i = 0; i < 20; ++i) {
        QPointF at(300 + i * 20, 250);
        QWheelEvent wheel(at, chart.mapToGlobal(at), QPoint(), QPoint(0, i < 10 ? 120 : -120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        auto f0 = Clock::now();
        QApplication::sendEvent(&chart, &wheel);
        chart.grab();
        frames.push_back(ms(f0, Clock::now()));
    }
    std::sort(frames.begin(), frames.end());
    const double frameMedian = frames[frames.size() / 2], frameMax = frames.back();
    // The settled redraw after a gesture, and the finer read for a 10x zoom.
    chart.setStepRange(std::make_pair(double(points) * 0.6, double(points) * 0.7));
    auto s0 = Clock::now();
    chart.grab();
    const double settled = ms(s0, Clock::now());
    auto z0 = Clock::now();
    for (int r = 0; r < runs; ++r)
        (void)(*store)->metricView(ids[std::size_t(r)], "loss", StepRange{points * 6 / 10, points * 7 / 10}, 1200);
    const double zoomRead = ms(z0, Clock::now());
    const double rssCairn = rssMb() - rss0;

    std::printf("compare view, %d runs x %ld points (one metric):\n", runs, points);
    std::printf("  cairn: first paint %.0f ms (reads %.0f ms, draw %.0f ms, %d vertices), memory +%.0f MB\n", firstPaint,
                ms(t0, tRead), ms(tRead, tPaint), chart.lastVertexCount(), rssCairn);
    std::printf("  cairn: pan/zoom frames median %.2f ms, max %.2f ms; settled redraw %.0f ms; 10x zoom read %.0f ms\n",
                frameMedian, frameMax, settled, zoomRead);

    // --- Baseline: every point into QLineSeries ----------------------------------------------
    if (baselineRuns > 0) {
        const double rss1 = rssMb();
        auto b0 = Clock::now();
        auto* qchart = new QChart;
        for (int r = 0; r < baselineRuns; ++r) {
            auto pts = (*store)->metrics(ids[std::size_t(r)], "loss");
            QList<QPointF> list;
            list.reserve(qsizetype(pts->size()));
            for (const MetricPoint& p : *pts)
                list.append(QPointF(double(p.step), p.value));
            auto* s = new QLineSeries;
            s->replace(list);
            qchart->addSeries(s);
        }
        qchart->createDefaultAxes();
        QChartView view(qchart);
        view.resize(1200, 500);
        view.show();
        auto bRead = Clock::now();
        view.grab();
        auto bPaint = Clock::now();
        qchart->zoom(1.25);
        auto bz0 = Clock::now();
        view.grab();
        const double bFrame = ms(bz0, Clock::now());
        std::printf("  baseline (%d runs, all points in QLineSeries): first paint %.0f ms (reads %.0f ms, draw %.0f ms), "
                    "zoom frame %.0f ms, memory +%.0f MB\n",
                    baselineRuns, ms(b0, bPaint), ms(b0, bRead), ms(bRead, bPaint), bFrame, rssMb() - rss1);
        std::printf("  ratio first paint baseline/cairn: %.1fx   zoom frame baseline/cairn median: %.0fx\n",
                    ms(b0, bPaint) / firstPaint, bFrame / std::max(frameMedian, 0.01));
    }
    fs::remove_all(dir);
    return 0;
}
