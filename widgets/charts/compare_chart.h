// One metric of many runs on one chart, drawn by Cairn itself (no chart library): each curve
// is cut into pixel columns that keep their first, lowest, highest and last point, so 200 runs
// stay smooth to pan and a single spike in a million points stays visible.
//
// Zooming or panning moves the last drawn image at once and redraws when the gesture settles;
// the chart then emits rangeChanged() so its owner can fetch finer data for the new range.
#pragma once

#include "widgets/charts/chart_ticks.h"
#include "widgets/charts/compare_series.h"

#include <QImage>
#include <QSet>
#include <QWidget>

#include <optional>
#include <utility>
#include <vector>

class QTimer;

namespace cairn::widgets {

// What the x axis measures: the logged step, the wall clock, or time since the run started
// (W&B's "Relative Time"). Zooming always fetches data by step; time ranges are mapped to the
// steps that fall inside them.
enum class XAxis { Step, WallTime, RelativeTime };

class CompareChart : public QWidget {
    Q_OBJECT
public:
    explicit CompareChart(const QString& key, QWidget* parent = nullptr);

    QString key() const { return m_key; }
    // Replaces the curves and keeps the current zoom.
    void setSeries(std::vector<CompareSeries> series);
    const std::vector<CompareSeries>& series() const { return m_series; }
    void setHiddenRuns(const QSet<QString>& runIds);
    // Exponential moving average weight in [0, 1): 0 draws raw curves only; otherwise the raw
    // curve stays faint under the smoothed one (as TensorBoard does).
    void setSmoothing(double weight);
    void setLogScale(bool on);
    // Changing the axis fits the view to every curve again.
    void setXAxis(XAxis axis);
    XAxis xAxis() const { return m_xAxis; }
    // Range shown in x-axis units (steps, or seconds); nullopt fits every visible curve.
    void setStepRange(std::optional<std::pair<double, double>> range);
    std::optional<std::pair<double, double>> stepRange() const { return m_range; }
    // Steps of the visible points within x range [lo, hi] plus one beyond each edge: what to
    // fetch when a time axis is zoomed. nullopt when no point falls inside.
    std::optional<std::pair<double, double>> stepsWithin(double lo, double hi) const;

    // Exact values of every visible run at the stored point nearest to `x` (in x-axis units),
    // one line each, highest first (what the hover tooltip shows).
    QString readoutAt(double x) const;
    double stepAtPixel(double x) const;

    QImage renderImage(QSize size) const;
    bool exportPng(const QString& path) const;
    bool exportSvg(const QString& path) const;
    // run,label,step,value of every point the chart holds in the shown range.
    bool exportCsv(const QString& path) const;

    // Vertices drawn in the last full render, after cutting curves into pixel columns.
    int lastVertexCount() const { return m_lastVertices; }

Q_SIGNALS:
    // The shown step range settled after a zoom or pan (whole = back to fit-all). `columns`
    // is the plot's width in pixels: the resolution worth fetching.
    void rangeChanged(const QString& key, double lo, double hi, bool whole, int columns);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    struct Frame {
        QRectF plot;
        double x0 = 0, x1 = 1, y0 = 0, y1 = 1;  // y in display space (log10 when log scale)
        Ticks xTicks, yTicks;
    };
    // The plot area inside the axes: cheap, needs no data.
    static QRectF plotRect(QSizeF size);
    // Axes and ranges: scans the visible points for the value range.
    Frame frameFor(QSizeF size) const;
    void render(QPainter& painter, QSizeF size, int* vertices) const;
    void invalidate();
    void settleSoon(int ms);
    std::pair<double, double> shownRange() const;
    void recomputeSmoothed();
    void recomputeX();
    // Index range of series `s` whose x lies in [lo, hi], widened by one point each side.
    std::pair<std::size_t, std::size_t> visibleSpan(std::size_t s, double lo, double hi) const;
    QString xLabel(double x, const Ticks& t) const;

    QString m_key;
    std::vector<CompareSeries> m_series;
    std::vector<std::vector<double>> m_smoothed;
    std::vector<std::vector<double>> m_xs;  // x of every point in axis units
    std::vector<bool> m_xsSorted;           // false when timestamps go backwards as steps grow
    XAxis m_xAxis = XAxis::Step;
    QSet<QString> m_hidden;
    double m_smoothing = 0;
    bool m_log = false;
    std::optional<std::pair<double, double>> m_range;

    QImage m_cache;
    bool m_cacheValid = false;
    std::pair<double, double> m_cacheRange{0, 1};
    QRectF m_cachePlot;
    QTimer* m_settle = nullptr;
    bool m_dragging = false;
    QPointF m_dragStart;
    std::pair<double, double> m_dragStartRange{0, 1};
    std::optional<double> m_hoverX;
    int m_lastVertices = 0;
};

} // namespace cairn::widgets
